// Export: every applicable section and every typed marker, in template order, in the PDF, Word and HTML files; the signature page; the draft mark; inert payloads.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createServer, type ConcordServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { ensureDemo } from '../../server/demo/seed-demo';
import { NOT_COVERING } from '../../server/export/signature-page';
import { PRELIMINARY_MARK } from '../../server/export/running-text';
import { currentDocumentHash, currentSectionHash, currentSectionsHash } from '../../server/plan/plan-content';
import type { PlanView } from '../../shared/protocol/api';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { planMap, signoffsArray } from '../../shared/protocol/meeting-doc';
import { can, ROLES } from '../../shared/rules/roles';
import { SIGNOFF_LABELS, SIGNOFF_MEANINGS, type SignOff, type SignOffKind } from '../../shared/rules/signoffs';
import { canonicalJson, canonicalSection } from '../../shared/schema/canonical';
import { fieldsOf, makeRow, richTextOf, rowsOf } from '../../shared/schema/section-doc';
import type { Part, SectionDef } from '../../shared/template/types';
import { launchBrowser } from '../helpers/browser';
import { connectDoc, waitForDoc } from '../helpers/collab-client';
import { appendParagraph, iepTemplate } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer, signIn, tempDataDir } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

// ---- reading the files the way a reader's tools do ----

function pdfPages(pdf: Buffer): string[] {
  const file = path.join(tempDataDir(), 'export.pdf');
  fs.writeFileSync(file, pdf);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-']).toString());
}

function docxParts(docx: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(docx))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** The words of a WordprocessingML part: its w:t runs, a space between paragraphs. */
function wordText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_, text: string | undefined) => text ?? '')
    .replace(/&(lt|gt|amp|quot|apos);/g, (entity) => XML_ENTITIES[entity] ?? entity);
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Each needle found after the one before it, or the first that is missing or out of order. */
function firstOutOfOrder(text: string, needles: readonly string[]): string | undefined {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return undefined;
}

async function download(url: string, cookie: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(url, { headers: { cookie } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

// ---- writing into sections as a team member's editor does ----

type MarkerWrite = { readonly kind: Part['kind']; readonly write: (doc: Y.Doc, marker: string) => void };

/** Where a marker can be typed in a section: its first part that holds free text, whatever kind that part is. */
function markerTarget(section: SectionDef): MarkerWrite {
  for (const part of section.parts) {
    if (part.kind === 'richtext') return { kind: part.kind, write: (doc, marker) => appendParagraph(doc, part, `Typed for export: ${marker}.`) };
    if (part.kind === 'fields') {
      const field = part.fields.find((each) => each.type === 'text' || each.type === 'longtext');
      if (field) return { kind: part.kind, write: (doc, marker) => (fieldsOf(doc, part).get(field.id) as Y.Text).insert(0, `${marker} `) };
    }
    if (part.kind === 'table') {
      const column = part.columns.find((each) => each.type === 'text' || each.type === 'longtext');
      if (column) return { kind: part.kind, write: (doc, marker) => rowsOf(doc, part).push([makeRow(part, `row-${marker}`, { [column.id]: marker })]) };
    }
  }
  throw new Error(`section ${section.id} has no part that holds text`);
}

async function writeSection(server: RunningServer, team: PlanWithTeam, section: SectionDef, change: (doc: Y.Doc) => void, expected: string): Promise<void> {
  const writer = connectDoc(server.url, team.iepId, section.id, member(team, 'special-education-teacher').cookie);
  await writer.synced;
  writer.doc.transact(() => change(writer.doc));
  const reader = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
  await waitForDoc(reader.doc, () => canonicalJson(canonicalSection(section, reader.doc)).includes(expected));
  writer.destroy();
  reader.destroy();
}

describe('export of a plan the team typed into, from the running server', () => {
  let server: RunningServer;
  let team: PlanWithTeam;
  let canary: http.Server;
  let canaryUrl: string;
  const canaryHits: string[] = [];
  const markers: { section: SectionDef; marker: string; kind: Part['kind'] }[] = [];
  let applicable: SectionDef[];
  let choice: { label: string; option: string } | undefined;
  let notApplicable: SectionDef[];
  const exports: Record<'pdf' | 'docx' | 'html', Buffer> = { pdf: Buffer.alloc(0), docx: Buffer.alloc(0), html: Buffer.alloc(0) };
  let appPolicy = '';

  beforeAll(async () => {
    canary = http.createServer((request, response) => {
      canaryHits.push(request.url ?? '');
      response.end('canary');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    canaryUrl = `http://127.0.0.1:${(canary.address() as { port: number }).port}`;
    server = await startWithAdmin();
    team = await planWithTeam(server, ROLES.filter((role) => role !== 'facilitator'));
    const view = (await api<PlanView>(server, team.creatorCookie, 'GET', `/api/ieps/${team.iepId}`)).body;
    const applies = new Set(view.sections.filter((each) => each.applies).map((each) => each.id));
    applicable = iepTemplate.sections.filter((section) => applies.has(section.id));
    notApplicable = iepTemplate.sections.filter((section) => !applies.has(section.id));

    for (const [i, section] of applicable.entries()) {
      const marker = `Zq${i}w${Math.random().toString(36).slice(2, 6)}`;
      const target = markerTarget(section);
      markers.push({ section, marker, kind: target.kind });
      await writeSection(server, team, section, (doc) => target.write(doc, marker), marker);
    }
    const payloadSection = applicable.find((section) => section.parts.some((part) => part.kind === 'richtext'));
    if (!payloadSection) throw new Error('no rich-text section');
    await writeSection(server, team, payloadSection, (doc) => writePayloads(doc, payloadSection, canaryUrl), 'payload-end');
    // A choice is stored by its value and must print by its label: pick the last option of the first choice field.
    for (const section of applicable) {
      const part = section.parts.find((each) => each.kind === 'fields' && each.fields.some((field) => field.type === 'choice'));
      const field = part?.kind === 'fields' ? part.fields.find((each) => each.type === 'choice') : undefined;
      const option = field?.options?.at(-1);
      if (part?.kind !== 'fields' || !field || !option) continue;
      choice = { label: field.label, option: option.label };
      await writeSection(server, team, section, (doc) => fieldsOf(doc, part).set(field.id, option.value), option.value);
      break;
    }

    for (const format of ['pdf', 'docx', 'html'] as const) {
      const response = await download(`${server.url}/api/ieps/${team.iepId}/export.${format}`, member(team, 'parent').cookie);
      expect(response.status).toBe(200);
      exports[format] = response.body;
      if (format === 'html') appPolicy = response.headers.get('content-security-policy') ?? '';
    }
  }, 120_000);

  afterAll(async () => {
    await server.stop();
    canary.close();
    removeTempDirs();
  });

  it('types markers into parts of every kind', () => {
    expect(new Set(markers.map((each) => each.kind))).toEqual(new Set(['richtext', 'fields', 'table']));
    expect(notApplicable.length).toBeGreaterThan(0);
  });

  it('the PDF has every applicable section title and every marker, in template order, and no section that does not apply', () => {
    const text = flat(pdfPages(exports.pdf).join('\n'));
    expect(firstOutOfOrder(text, markers.flatMap(({ section, marker }) => [section.title, marker]))).toBeUndefined();
    for (const section of notApplicable) expect(text).not.toContain(section.title);
  });

  it('the Word document has them too, in word/document.xml, in template order, with real headings and tables', () => {
    const xml = docxParts(exports.docx)['word/document.xml'] ?? '';
    const text = flat(wordText(xml));
    expect(firstOutOfOrder(text, markers.flatMap(({ section, marker }) => [section.title, marker]))).toBeUndefined();
    for (const section of notApplicable) expect(text).not.toContain(section.title);
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('the print view has them too', () => {
    const html = exports.html.toString('utf8');
    expect(firstOutOfOrder(html, markers.flatMap(({ section, marker }) => [section.title, marker]))).toBeUndefined();
  });

  it('shows a choice by its option label in every format', () => {
    const shown = `${choice?.label}: ${choice?.option}`;
    expect(flat(pdfPages(exports.pdf).join('\n'))).toContain(shown);
    expect(flat(wordText(docxParts(exports.docx)['word/document.xml'] ?? ''))).toContain(shown);
    expect(exports.html.toString('utf8')).toContain(`<dt>${choice?.label}</dt><dd>${choice?.option}</dd>`);
  });

  it('the student header and "Page X of Y" are on every PDF page, and the hash in every footer', () => {
    const pages = pdfPages(exports.pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain('Test Student');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toMatch(/Document hash [0-9a-f]{12}/);
    });
    const footer = Object.entries(docxParts(exports.docx)).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('payloads stay inert: no request reaches the canary, no script or javascript: link in the print view, only web links anywhere', async () => {
    // Each render finished before its response was sent; one more round trip lets any stray fetch it began land first.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(canaryHits).toEqual([]);
    const html = exports.html.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    // Markup only: the same words typed as text are escaped and stay visible.
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|base)\b|<[^>]*\s(src|srcset|on\w+)=/i);
    expect(/<style>([^<]*)<\/style>/.exec(html)?.[1]).not.toMatch(/url\(|@import/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:|mailto:)/);
    expect(html).toContain(`<a href="${canaryUrl}/x" rel="noopener noreferrer">`);
    expect(html).toContain('click-js');

    const rels = Object.entries(docxParts(exports.docx)).filter(([name]) => name.endsWith('.rels'));
    for (const [, xml] of rels) {
      for (const [relationship] of xml.matchAll(/<Relationship [^>]*TargetMode="External"[^>]*>/g)) {
        expect(relationship).toMatch(/relationships\/hyperlink"/);
        expect(relationship).toMatch(/Target="(https?:|mailto:)/);
      }
      expect(xml).not.toMatch(/javascript:|file:/i);
    }
    expect(wordText(docxParts(exports.docx)['word/document.xml'] ?? '')).toContain('<script>alert(1)</script>');

    const pdf = exports.pdf.toString('latin1');
    expect(pdf).toContain(`/URI (${canaryUrl}/x)`);
    expect(pdf).not.toMatch(/\/JavaScript|\/JS\s|\/Launch|\/URI \((?!https?:|mailto:)/);
    expect(flat(pdfPages(exports.pdf).join('\n'))).toContain('click-file');
  });

  it("the print view opens in a browser under the app's policy, loads nothing, breaks no rule, and prints the header and page numbers on every page", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const violations: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      const address = `${server.url}/print-view`;
      await page.route(address, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': appPolicy }, body: exports.html }));
      await page.goto(address, { waitUntil: 'load' });
      expect(await page.title()).toBe('Individualized Education Program: Test Student');
      expect(requests).toEqual([address]);
      expect(violations).toEqual([]);
      const printed = pdfPages(await page.pdf({ format: 'Letter' }));
      expect(printed.length).toBeGreaterThan(1);
      printed.forEach((text, i) => {
        expect(text).toContain('Test Student');
        expect(text).toContain(PRELIMINARY_MARK);
        expect(text).toContain(`Page ${i + 1} of ${printed.length}`);
      });
      expect(canaryHits).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the PDF is accessible: real tagged text with a title, a language and structure, in standard fonts that are not embedded', () => {
    const file = path.join(tempDataDir(), 'export.pdf');
    fs.writeFileSync(file, exports.pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Individualized Education Program: Test Student/);
    const pdf = exports.pdf.toString('latin1');
    expect(pdf).toContain('/Lang (en-US)');
    expect(pdf).toContain('/DisplayDocTitle true');
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'Sect', 'P', 'Table', 'TR', 'TH', 'TD']) expect(pdf).toContain(`/S /${tag}\n`);
    const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^(Helvetica|Courier)\S*\s+Type 1\s+WinAnsi\s+no\s/);
  });

  it('gives every role that may export a copy (parents included), refuses the others, and audits each copy as a disclosure', async () => {
    for (const role of ROLES.filter((each) => each !== 'facilitator')) {
      const response = await download(`${server.url}/api/ieps/${team.iepId}/export.pdf`, member(team, role).cookie);
      expect({ role, status: response.status }).toEqual({ role, status: can([role], 'export') ? 200 : 403 });
    }
    expect((await download(`${server.url}/api/ieps/${team.iepId}/export.docx`, '')).status).toBe(401);
    expect((await download(`${server.url}/api/ieps/not-a-plan/export.html`, team.creatorCookie)).status).toBe(404);
    const audit = await api<{ action: string; actor: string; detail: { format?: string } }[]>(server, team.creatorCookie, 'GET', `/api/ieps/${team.iepId}/audit`);
    const disclosed = audit.body.filter((event) => event.action === 'plan.disclosed');
    expect(new Set(disclosed.map((event) => event.detail.format))).toEqual(new Set(['pdf', 'docx', 'html']));
    expect(disclosed.some((event) => event.actor === member(team, 'parent').id)).toBe(true);
  });

  it('follows whichever template the plan uses: a Section 504 plan exports its own sections in its own order', async () => {
    const created = await api<{ id: string }>(server, team.creatorCookie, 'POST', '/api/ieps', {
      template: 'section-504',
      student: { firstName: 'Other', lastName: 'Learner', dateOfBirth: '2014-05-06' },
    });
    const view = (await api<PlanView>(server, team.creatorCookie, 'GET', `/api/ieps/${created.body.id}`)).body;
    const titles = view.sections.filter((each) => each.applies).map((each) => each.title);
    const pdf = await download(`${server.url}/api/ieps/${created.body.id}/export.pdf`, team.creatorCookie);
    expect(pdf.status).toBe(200);
    expect(firstOutOfOrder(flat(pdfPages(pdf.body).join('\n')), titles)).toBeUndefined();
    const docx = await download(`${server.url}/api/ieps/${created.body.id}/export.docx`, team.creatorCookie);
    expect(firstOutOfOrder(flat(wordText(docxParts(docx.body)['word/document.xml'] ?? '')), titles)).toBeUndefined();
  });

  it('sends a download named by the plan id only, never cached', async () => {
    const response = await download(`${server.url}/api/ieps/${team.iepId}/export.docx`, member(team, 'parent').cookie);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="iep-${team.iepId}.docx"`);
    expect(response.headers.get('content-disposition')).not.toMatch(/Test|Student/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});

/** Script, links to forbidden schemes, a link to the canary, text that looks like images, and an image node the schema does not have. */
function writePayloads(doc: Y.Doc, section: SectionDef, canaryUrl: string): void {
  const part = section.parts.find((each) => each.kind === 'richtext');
  if (part?.kind !== 'richtext') return;
  const fragment = richTextOf(doc, part);
  const paragraph = (...runs: [string, Record<string, unknown>?][]) => {
    const text = new Y.XmlText();
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [text]);
    fragment.push([element]);
    for (const [insert, attributes] of runs) text.insert(text.length, insert, attributes);
  };
  paragraph(['<script>alert(1)</script>']);
  // Yjs carries the formatting of the text before an insert unless told otherwise, hence the explicit `link: null`.
  const plainRun: [string, Record<string, unknown>] = [' ', { link: null }];
  paragraph(['click-js', { link: { href: 'javascript:alert(1)' } }], plainRun, ['click-file', { link: { href: 'file:///etc/passwd' } }], plainRun, ['click-canary', { link: { href: `${canaryUrl}/x` } }]);
  paragraph([`<img src="${canaryUrl}/img.png"> ![x](${canaryUrl}/md.png) url(${canaryUrl}/css) <link rel="stylesheet" href="${canaryUrl}/s.css">`]);
  const image = new Y.XmlElement('image');
  image.setAttribute('src', `${canaryUrl}/forged.png`);
  fragment.push([image]);
  paragraph(['payload-end']);
}

describe('the signature page and the draft mark, on the demo plan', () => {
  let concord: ConcordServer;
  let url: string;
  let cookie: string;
  let iepId: string;

  beforeAll(async () => {
    concord = createServer(readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir(), CONCORD_DEMO: '0' }));
    url = `http://127.0.0.1:${await concord.listen()}`;
    const parent = ensureDemo(concord.context, url).find((link) => /parent/i.test(link.roles));
    if (!parent) throw new Error('the demo has no parent');
    ({ cookie, iepId } = await signIn(parent));
  });
  afterAll(async () => {
    await concord.stop();
    removeTempDirs();
  });

  const plan = () => {
    const found = concord.context.plans.get(iepId);
    if (!found) throw new Error('no demo plan');
    return found;
  };

  function recordSignOff(name: string, kind: SignOffKind, contentHash: string, sectionIds: string[] = [], statement = ''): SignOff {
    const signer = concord.context.plans.participants(iepId).find((each) => each.name === name);
    if (!signer) throw new Error(`${name} is not on the demo team`);
    const signOff: SignOff = {
      id: `signoff-${name}-${kind}`,
      seq: 0,
      participantId: signer.id,
      name: signer.name,
      roles: signer.roles,
      kind,
      sectionIds,
      meaning: SIGNOFF_MEANINGS[kind],
      statement,
      typedName: signer.name,
      authMethod: 'invitation-link',
      at: '2026-11-17T15:04:00.000Z',
      contentHash,
      prevHash: '0'.repeat(64),
      hash: '1'.repeat(64),
    };
    concord.context.rooms.writeAsServer(iepId, MEETING_DOC, (doc) => signoffsArray(doc).push([signOff]));
    return signOff;
  }

  function editSection(sectionId: string, text: string): void {
    const section = iepTemplate.sections.find((each) => each.id === sectionId);
    const part = section?.parts.find((each) => each.kind === 'richtext');
    if (part?.kind !== 'richtext') throw new Error(`${sectionId} has no rich text`);
    concord.context.rooms.writeAsServer(iepId, sectionId, (doc) => appendParagraph(doc, part, text));
  }

  function setStatus(status: 'draft' | 'finalized'): void {
    concord.context.statuses.set(iepId, status);
    concord.context.rooms.writeAsServer(iepId, MEETING_DOC, (doc) => planMap(doc).set('status', status));
  }

  it('lists every sign-off with its kind and hash, marks those whose content changed, and names who has not signed', async () => {
    const staleDocumentHash = currentDocumentHash(concord.context.rooms, plan());
    const signOffs = [
      recordSignOff('Rosa Alvarez', 'section-approval', currentSectionHash(concord.context.rooms, plan(), 'parent-concerns') ?? '', ['parent-concerns']),
      recordSignOff('Daniel Okafor', 'section-approval', currentSectionHash(concord.context.rooms, plan(), 'present-levels') ?? '', ['present-levels']),
      recordSignOff('Samuel Lee', 'disagreement', staleDocumentHash, [], 'I would add a second reading period.'),
      recordSignOff('Rosa Alvarez', 'parent-consent', currentSectionsHash(concord.context.rooms, plan(), ['parent-concerns', 'special-factors']) ?? '', ['parent-concerns', 'special-factors']),
    ];
    editSection('present-levels', 'A change after Daniel approved this section.');
    signOffs.push(recordSignOff('Jordan Ellis', 'agreement', currentDocumentHash(concord.context.rooms, plan())));
    // Daniel's section changed after he approved it; Samuel's disagreement was with the plan before that change.
    const stale = new Set([signOffs[1]?.id, signOffs[2]?.id]);

    const pages = pdfPages((await download(`${url}/api/ieps/${iepId}/export.pdf`, cookie)).body);
    const start = pages.findIndex((page) => page.includes('SHA-256 of the plan'));
    const signatures = flat(pages.slice(start).join('\n'));
    expect(signatures).toContain(currentDocumentHash(concord.context.rooms, plan()));
    const docxText = flat(wordText(docxParts((await download(`${url}/api/ieps/${iepId}/export.docx`, cookie)).body)['word/document.xml'] ?? ''));
    const docxSignatures = docxText.slice(docxText.indexOf('SHA-256 of the plan'));
    const htmlText = flat((await download(`${url}/api/ieps/${iepId}/export.html`, cookie)).body.toString('utf8').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'"));
    const htmlSignatures = htmlText.slice(htmlText.indexOf('SHA-256 of the plan'));
    for (const text of [signatures, docxSignatures, htmlSignatures]) {
      // Entries follow the record's order; each runs from its signer's name to its "Current text" line.
      let from = 0;
      signOffs.forEach((signOff) => {
        const at = text.indexOf(`${signOff.name} Role`, from);
        const end = text.indexOf('Current text', at) + 60;
        from = end;
        const entry = at < 0 ? '' : text.slice(at, end);
        expect(entry).toContain(SIGNOFF_LABELS[signOff.kind]);
        expect(entry).toContain(signOff.contentHash);
        expect(entry.includes(NOT_COVERING)).toBe(stale.has(signOff.id));
      });
      const unsigned = text.slice(text.indexOf('Team members who have not signed'));
      expect(unsigned).toContain('Maya Alvarez (Student)');
      expect(unsigned).toContain('Priya Raman');
      expect(unsigned).not.toContain('Rosa Alvarez');
    }
  });

  it('a draft carries the preliminary mark on every page; the finalized plan carries it nowhere', async () => {
    setStatus('draft');
    const draft = pdfPages((await download(`${url}/api/ieps/${iepId}/export.pdf`, cookie)).body);
    expect(draft.length).toBeGreaterThan(3);
    for (const page of draft) expect(page).toContain(PRELIMINARY_MARK);
    const draftDocx = docxParts((await download(`${url}/api/ieps/${iepId}/export.docx`, cookie)).body);
    expect(wordText(draftDocx['word/header1.xml'] ?? '')).toContain(PRELIMINARY_MARK);
    expect((await download(`${url}/api/ieps/${iepId}/export.html`, cookie)).body.toString()).toContain(PRELIMINARY_MARK);

    setStatus('finalized');
    const final = pdfPages((await download(`${url}/api/ieps/${iepId}/export.pdf`, cookie)).body);
    for (const page of final) expect(page).not.toContain('PRELIMINARY DRAFT');
    expect(flat(final.join('\n'))).toContain('Postsecondary transition');
    const finalDocx = (await download(`${url}/api/ieps/${iepId}/export.docx`, cookie)).body;
    for (const [name, xml] of Object.entries(docxParts(finalDocx))) if (name.endsWith('.xml')) expect(xml).not.toContain('PRELIMINARY DRAFT');
    expect((await download(`${url}/api/ieps/${iepId}/export.html`, cookie)).body.toString()).not.toContain('PRELIMINARY DRAFT');
  });
});
