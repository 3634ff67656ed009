// The PDF: real, tagged text in the standard fonts, with the student header, preliminary mark, page numbers and hash on every page.

import PDFDocument from 'pdfkit';
import { assertNever } from '../../shared/schema/canonical';
import { pageFurniture } from './pdf-page-furniture';
import { drawTable } from './pdf-table';
import { FONT, faceOf, winAnsi } from './pdf-standard-font';
import type { PartView, PlanSnapshot, SectionView } from './plan-snapshot';
import type { Block, Inline } from './rich-text';
import { documentTitle, hashStatement, NOT_SIGNED_TITLE, SIGNATURES_TITLE, statusLine } from './running-text';
import { signatureLines, signaturePage } from './signature-page';

const MARGIN = { top: 64, bottom: 64, left: 60, right: 60 };
const HEADING_SIZES: Readonly<Record<number, number>> = { 1: 20, 2: 15, 3: 12, 4: 11, 5: 10.5, 6: 10 };
const BODY_SIZE = 10;
const LIST_INDENT = 16;

/** Where the current content goes: its structure parent and how far it is indented. */
interface Pen {
  readonly doc: PDFKit.PDFDocument;
  readonly parent: PDFKit.PDFStructureElement;
  readonly indent: number;
}

/** Lets the server's live editing run between sections: laying out a long plan takes a while, all of it synchronous. */
function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function renderPdf(snapshot: PlanSnapshot): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'en-US',
    displayTitle: true,
    pdfVersion: '1.7',
    font: FONT.regular,
    info: { Title: documentTitle(snapshot), Subject: snapshot.legalBasis, Creator: 'Concord', Producer: 'Concord' },
  });
  const bytes = collect(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const pen: Pen = { doc, parent: root, indent: 0 };
  heading(pen, 1, documentTitle(snapshot));
  paragraph(pen, [plain(snapshot.legalBasis)], 9);
  paragraph(pen, [plain(statusLine(snapshot))], 9);
  for (const section of snapshot.sections) {
    await yieldToOthers();
    sectionPdf(pen, section);
  }
  await yieldToOthers();
  signaturesPdf(pen, snapshot);
  root.end();
  pageFurniture(doc, snapshot);
  doc.end();
  return bytes;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function plain(text: string): Inline {
  return { text, bold: false, italic: false, underline: false, strike: false };
}

function contentWidth(pen: Pen): number {
  const { page } = pen.doc;
  return page.width - page.margins.left - page.margins.right - pen.indent;
}

/** Starts a new page when fewer than `points` remain, so a heading is never left alone at the foot of a page. */
function keepRoom(doc: PDFKit.PDFDocument, points: number): void {
  if (doc.y + points > doc.page.maxY()) doc.continueOnNewPage();
}

function sectionPdf(pen: Pen, section: SectionView): void {
  const sect = pen.doc.struct('Sect');
  pen.parent.add(sect);
  const inner: Pen = { ...pen, parent: sect };
  pen.doc.moveDown(0.6);
  heading(inner, 2, section.title);
  paragraph(inner, [{ ...plain(section.legalRef), italic: true }], 8.5);
  for (const part of section.parts) partPdf(inner, part);
  sect.end();
}

function partPdf(pen: Pen, part: PartView): void {
  switch (part.kind) {
    case 'richtext':
      heading(pen, 3, part.label);
      if (part.blocks.length === 0) paragraph(pen, [{ ...plain('Nothing recorded.'), italic: true }]);
      for (const block of part.blocks) blockPdf(pen, block);
      return;
    case 'fields':
      heading(pen, 3, part.label);
      for (const field of part.fields) {
        paragraph(pen, [{ ...plain(`${field.label}: `), bold: true }, field.value ? plain(field.value) : { ...plain('Not recorded'), italic: true }]);
      }
      return;
    case 'table':
      heading(pen, 3, part.label);
      if (part.rows.length === 0) paragraph(pen, [{ ...plain('None recorded.'), italic: true }]);
      else drawTable(pen.doc, pen.parent, part.columns, part.rows, { left: pen.doc.page.margins.left + pen.indent, width: contentWidth(pen) });
      return;
    default:
      assertNever(part);
  }
}

function blockPdf(pen: Pen, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      paragraph(pen, block.inlines);
      return;
    case 'heading':
      heading(pen, Math.min(block.level + 3, 6), block.inlines.map((run) => run.text).join(''));
      return;
    case 'list':
      listPdf(pen, block);
      return;
    case 'quote': {
      const quote = pen.doc.struct('BlockQuote');
      pen.parent.add(quote);
      for (const each of block.blocks) blockPdf({ ...pen, parent: quote, indent: pen.indent + LIST_INDENT }, each);
      quote.end();
      return;
    }
    default:
      assertNever(block);
  }
}

function heading(pen: Pen, level: number, text: string): void {
  const { doc } = pen;
  const size = HEADING_SIZES[level] ?? BODY_SIZE;
  // A section title keeps its first lines with it; lower headings keep at least a few lines.
  keepRoom(doc, level <= 2 ? 140 : size * 4);
  pen.parent.add(
    doc.struct(`H${level}`, {}, () => {
      doc.font(FONT.bold).fontSize(size).fillColor('black');
      doc.text(winAnsi(text), doc.page.margins.left + pen.indent, doc.y, { width: contentWidth(pen) });
    }),
  );
  doc.moveDown(0.3);
}

/** One paragraph of mixed runs, flowed as pdfkit's continued text; every option is set on every run so none leaks into the next. */
function paragraph(pen: Pen, inlines: readonly Inline[], size = BODY_SIZE): void {
  const { doc } = pen;
  const runs = foldBreaks(inlines.map((run) => ({ ...run, text: winAnsi(run.text) })).filter((run) => run.text.length > 0));
  pen.parent.add(
    doc.struct('P', {}, () => {
      doc.fontSize(size).fillColor('black');
      if (runs.length === 0) {
        doc.font(FONT.regular).text(' ', doc.page.margins.left + pen.indent, doc.y, { width: contentWidth(pen) });
        return;
      }
      runs.forEach((run, i) => {
        const options = {
          continued: i < runs.length - 1,
          underline: run.underline,
          strike: run.strike,
          link: run.href ?? null,
          width: contentWidth(pen),
          lineGap: 1.5,
        };
        doc.font(faceOf(run.bold, run.italic)).fillColor(run.href ? '#1a0dab' : 'black');
        if (i === 0) doc.text(run.text, doc.page.margins.left + pen.indent, doc.y, options);
        else doc.text(run.text, options);
      });
      doc.fillColor('black');
    }),
  );
  doc.moveDown(0.35);
}

/**
 * pdfkit ignores line breaks at the end of a continued run but keeps them at the start of the next, so each run's
 * trailing breaks move to the start of the run after it ("one" + "\n" + "two" → "one", "\ntwo").
 */
function foldBreaks(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let carried = '';
  for (const run of runs) {
    const text = carried + run.text;
    const body = text.replace(/\n+$/, '');
    carried = text.slice(body.length);
    if (body) out.push({ ...run, text: body });
  }
  return out;
}

function listPdf(pen: Pen, block: Extract<Block, { kind: 'list' }>): void {
  const { doc } = pen;
  const list = doc.struct('L');
  pen.parent.add(list);
  const labelOf = (i: number) => (block.ordered ? `${block.start + i}.` : '•');
  // Room for the widest label ("12." takes more than "•"), so a number never runs into its item.
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  const labelWidth = Math.max(LIST_INDENT, doc.widthOfString(labelOf(block.items.length - 1)) + 5);
  block.items.forEach((item, i) => {
    const li = doc.struct('LI');
    list.add(li);
    keepRoom(doc, BODY_SIZE * 2);
    const top = doc.y;
    li.add(
      doc.struct('Lbl', {}, () => {
        doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor('black');
        doc.text(labelOf(i), doc.page.margins.left + pen.indent, top, { width: labelWidth, lineBreak: false });
      }),
    );
    doc.y = top;
    const body = doc.struct('LBody');
    li.add(body);
    const inner: Pen = { doc, parent: body, indent: pen.indent + labelWidth };
    if (item.length === 0) paragraph(inner, []);
    for (const each of item) blockPdf(inner, each);
    body.end();
    li.end();
  });
  list.end();
}

function signaturesPdf(pen: Pen, snapshot: PlanSnapshot): void {
  const { doc } = pen;
  const page = signaturePage(snapshot);
  doc.continueOnNewPage();
  const sect = doc.struct('Sect');
  pen.parent.add(sect);
  const inner: Pen = { ...pen, parent: sect };
  heading(inner, 2, SIGNATURES_TITLE);
  monoParagraph(inner, hashStatement(snapshot));
  if (page.rows.length === 0) paragraph(inner, [{ ...plain('Nobody has signed yet.'), italic: true }]);
  for (const row of page.rows) {
    keepRoom(doc, 120);
    heading(inner, 3, row.name);
    for (const line of signatureLines(row)) {
      if (line.style === 'hash') {
        paragraph(inner, [{ ...plain(`${line.label}:`), bold: true }]);
        monoParagraph(inner, line.value);
      } else {
        paragraph(inner, [{ ...plain(`${line.label}: `), bold: true }, { ...plain(line.value), bold: line.style === 'stale' }]);
      }
    }
  }
  heading(inner, 3, NOT_SIGNED_TITLE);
  if (page.unsigned.length === 0) paragraph(inner, [{ ...plain('Everyone on the team has signed.'), italic: true }]);
  for (const member of page.unsigned) paragraph(inner, [{ ...plain(member.name), bold: true }, plain(` (${member.roles})`)]);
  sect.end();
}

/** A hash on one line of its own in a fixed-width face, so it is read (and copied) whole. */
function monoParagraph(pen: Pen, text: string): void {
  const { doc } = pen;
  pen.parent.add(
    doc.struct('P', {}, () => {
      doc.font(FONT.mono).fontSize(7.5).fillColor('black');
      doc.text(winAnsi(text), doc.page.margins.left + pen.indent, doc.y, { width: contentWidth(pen) });
    }),
  );
  doc.moveDown(0.35);
}
