// The print view: one self-contained HTML page with inline CSS, no script and nothing loaded from anywhere.

import { assertNever } from '../../shared/schema/canonical';
import type { PartView, PlanSnapshot, SectionView } from './plan-snapshot';
import type { Block, Inline } from './rich-text';
import {
  documentTitle,
  hashFooter,
  hashStatement,
  NOT_SIGNED_TITLE,
  PRELIMINARY_MARK,
  SIGNATURES_TITLE,
  statusLine,
  studentHeader,
  WATERMARK,
} from './running-text';
import { type SignaturePage, signatureLines, signaturePage } from './signature-page';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A CSS string literal in which only letters, digits and a few marks stay literal, so nothing can close the rule or the style element. */
function cssString(text: string): string {
  return `"${Array.from(text, (char) => (/^[A-Za-z0-9 ,.:]$/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0x3f).toString(16)} `)).join('')}"`;
}

// The page's own policy: opened from a download folder, where no server header applies, it still loads nothing.
const META_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'";

export function renderHtml(snapshot: PlanSnapshot): string {
  const signatures = signaturePage(snapshot);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${META_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(documentTitle(snapshot))}</title>`,
    `<style>${stylesheet(snapshot)}</style>`,
    '</head>',
    '<body>',
    `<header class="running"><p>${escapeHtml(studentHeader(snapshot))}</p>${snapshot.preliminary ? `<p class="preliminary">${escapeHtml(PRELIMINARY_MARK)}</p>` : ''}</header>`,
    snapshot.preliminary ? `<div class="watermark" aria-hidden="true">${escapeHtml(WATERMARK)}</div>` : '',
    '<main>',
    `<h1>${escapeHtml(documentTitle(snapshot))}</h1>`,
    `<p class="meta">${escapeHtml(snapshot.legalBasis)}</p>`,
    `<p class="meta">${escapeHtml(statusLine(snapshot))}</p>`,
    ...snapshot.sections.map(sectionHtml),
    signaturesHtml(signatures, snapshot),
    '</main>',
    `<footer class="running"><p>${escapeHtml(hashFooter(snapshot))}</p></footer>`,
    '</body>',
    '</html>',
  ].join('\n');
}

function stylesheet(snapshot: PlanSnapshot): string {
  const box = 'font-family: Helvetica, Arial, sans-serif; font-size: 8pt;';
  const top = snapshot.preliminary ? `@top-right { content: ${cssString(PRELIMINARY_MARK)}; color: #a00; font-weight: bold; ${box} }` : '';
  return `
@page { size: letter; margin: 0.9in 0.75in;
  @top-left { content: ${cssString(studentHeader(snapshot))}; ${box} }
  ${top}
  @bottom-left { content: ${cssString(hashFooter(snapshot))}; ${box} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} } }
body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; max-width: 50rem; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 2rem; border-bottom: 1px solid #999; } h3 { font-size: 12pt; }
.meta, .ref { color: #444; font-size: 9pt; }
.running { font-size: 9pt; color: #444; border-bottom: 1px solid #ccc; }
.preliminary { color: #a00; font-weight: bold; }
.empty { color: #666; font-style: italic; }
dl { display: grid; grid-template-columns: minmax(10rem, 1fr) 2fr; gap: 0.2rem 1rem; }
dt { font-weight: bold; } dd { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #888; padding: 0.25rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
thead { display: table-header-group; } tr { break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
.signatures { break-before: page; } .signoff { break-inside: avoid; border-top: 1px solid #ccc; }
.hash { font-family: Courier, monospace; word-break: break-all; }
.stale { color: #a00; font-weight: bold; }
.watermark { display: none; }
@media print {
  header.running, footer.running { display: none; }
  .watermark { display: block; position: fixed; top: 45%; left: 0; right: 0; text-align: center; transform: rotate(-35deg);
    font-size: 64pt; color: rgba(160, 0, 0, 0.12); z-index: -1; }
}`;
}

function sectionHtml(section: SectionView): string {
  return [
    `<section id="${escapeHtml(`section-${section.id}`)}">`,
    `<h2>${escapeHtml(section.title)}</h2>`,
    `<p class="ref">${escapeHtml(section.legalRef)}</p>`,
    ...section.parts.map(partHtml),
    '</section>',
  ].join('\n');
}

function partHtml(part: PartView): string {
  switch (part.kind) {
    case 'richtext':
      return `<h3>${escapeHtml(part.label)}</h3>\n${part.blocks.length > 0 ? part.blocks.map(blockHtml).join('\n') : '<p class="empty">Nothing recorded.</p>'}`;
    case 'fields':
      return `<h3>${escapeHtml(part.label)}</h3>\n<dl>${part.fields.map((field) => `<dt>${escapeHtml(field.label)}</dt><dd>${escapeHtml(field.value) || '<span class="empty">Not recorded</span>'}</dd>`).join('')}</dl>`;
    case 'table': {
      if (part.rows.length === 0) return `<h3>${escapeHtml(part.label)}</h3>\n<p class="empty">None recorded.</p>`;
      const head = `<thead><tr>${part.columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('')}</tr></thead>`;
      const body = part.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
      return `<table><caption>${escapeHtml(part.label)}</caption>${head}<tbody>${body}</tbody></table>`;
    }
    default:
      return assertNever(part);
  }
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'heading': {
      // Section h2 and part h3 sit above; the team's own headings nest below them.
      const level = Math.min(block.level + 3, 6);
      return `<h${level}>${inlinesHtml(block.inlines)}</h${level}>`;
    }
    case 'list': {
      const items = block.items.map((item) => `<li>${item.map(blockHtml).join('')}</li>`).join('');
      return block.ordered ? `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>${items}</ol>` : `<ul>${items}</ul>`;
    }
    case 'quote':
      return `<blockquote>${block.blocks.map(blockHtml).join('')}</blockquote>`;
    default:
      return assertNever(block);
  }
}

function inlinesHtml(inlines: readonly Inline[]): string {
  return inlines.map(inlineHtml).join('');
}

function inlineHtml(run: Inline): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.strike) html = `<s>${html}</s>`;
  if (run.href) html = `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer">${html}</a>`;
  return html;
}

function signaturesHtml(page: SignaturePage, snapshot: PlanSnapshot): string {
  const entries = page.rows.map(
    (row) =>
      `<article class="signoff"><h3>${escapeHtml(row.name)}</h3><dl>${signatureLines(row)
        .map((line) => {
          const cls = line.style ? ` class="${line.style}"` : '';
          return `<dt>${escapeHtml(line.label)}</dt><dd${cls}>${escapeHtml(line.value)}</dd>`;
        })
        .join('')}</dl></article>`,
  );
  const unsigned = page.unsigned.map((member) => `<li>${escapeHtml(member.name)} (${escapeHtml(member.roles)})</li>`).join('');
  return [
    '<section class="signatures">',
    `<h2>${escapeHtml(SIGNATURES_TITLE)}</h2>`,
    `<p class="hash">${escapeHtml(hashStatement(snapshot))}</p>`,
    entries.length > 0 ? entries.join('\n') : '<p class="empty">Nobody has signed yet.</p>',
    `<h3>${escapeHtml(NOT_SIGNED_TITLE)}</h3>`,
    unsigned ? `<ul>${unsigned}</ul>` : '<p class="empty">Everyone on the team has signed.</p>',
    '</section>',
  ].join('\n');
}
