// The Word file: real headings, lists and tables, the student header and preliminary mark in the page header, page numbers and hash in the footer.

import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  type NumberingDefinition,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { assertNever } from '../../shared/schema/canonical';
import type { FieldDef } from '../../shared/template/types';
import { columnWeight, type PartView, type PlanSnapshot, type SectionView } from './plan-snapshot';
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
import { signatureLines, signaturePage } from './signature-page';

/** Letter paper with 1-inch margins leaves 6.5 inches for text, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 9360;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

type Body = Paragraph | Table;

/** Each list is its own numbering instance, so every ordered list counts from its own start. */
interface ListCounter {
  next: number;
}

export async function renderDocx(snapshot: PlanSnapshot): Promise<Buffer> {
  const lists: ListCounter = { next: 1 };
  const document = new Document({
    title: documentTitle(snapshot),
    subject: snapshot.legalBasis,
    creator: 'Concord',
    description: statusLine(snapshot),
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: 'en-US' } } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        headers: { default: pageHeader(snapshot) },
        footers: { default: pageFooter(snapshot) },
        children: [
          heading(1, documentTitle(snapshot)),
          new Paragraph({ children: [new TextRun({ text: snapshot.legalBasis, size: 18 })] }),
          new Paragraph({ children: [new TextRun({ text: statusLine(snapshot), size: 18 })] }),
          ...snapshot.sections.flatMap((section) => sectionBody(section, lists)),
          ...signaturesBody(snapshot),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function pageHeader(snapshot: PlanSnapshot): Header {
  const children = [new Paragraph({ children: [new TextRun({ text: studentHeader(snapshot), size: 16 })] })];
  if (snapshot.preliminary) {
    children.push(new Paragraph({ children: [new TextRun({ text: PRELIMINARY_MARK, size: 16, bold: true, color: 'AA0000' })] }));
    children.push(new Paragraph({ children: [new TextWatermark({ text: WATERMARK, color: 'AA0000', opacity: 0.15 })] }));
  }
  return new Header({ children });
}

function pageFooter(snapshot: PlanSnapshot): Footer {
  // One run, no right-aligned tab: LibreOffice clips a page-count field after a right tab stop. Word and LibreOffice
  // count the pages as they lay them out, so no stored count is written (docx's own page estimate costs seconds).
  return new Footer({
    children: [new Paragraph({ children: [new TextRun({ children: [`${hashFooter(snapshot)} · Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })] })],
  });
}

function heading(level: number, text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: HEADINGS[Math.min(Math.max(level, 1), 6) - 1], pageBreakBefore, keepNext: true, children: textRuns(text, {}) });
}

function sectionBody(section: SectionView, lists: ListCounter): Body[] {
  return [
    heading(2, section.title),
    new Paragraph({ children: [new TextRun({ text: section.legalRef, italics: true, size: 18 })] }),
    ...section.parts.flatMap((part) => partBody(part, lists)),
  ];
}

function partBody(part: PartView, lists: ListCounter): Body[] {
  switch (part.kind) {
    case 'richtext':
      return [heading(3, part.label), ...(part.blocks.length > 0 ? part.blocks.flatMap((block) => blockBody(block, { lists, depth: 0, indent: 0 })) : [note('Nothing recorded.')])];
    case 'fields':
      return [
        heading(3, part.label),
        ...part.fields.map(
          (field) => new Paragraph({ children: [new TextRun({ text: `${field.label}: `, bold: true }), ...(field.value ? textRuns(field.value, {}) : [new TextRun({ text: 'Not recorded', italics: true })])] }),
        ),
      ];
    case 'table':
      return [heading(3, part.label), part.rows.length > 0 ? table(part.columns, part.rows) : note('None recorded.')];
    default:
      return assertNever(part);
  }
}

function note(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true })] });
}

function table(columns: readonly FieldDef[], rows: readonly (readonly string[])[]): Table {
  const weights = columns.map(columnWeight);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const columnWidths = weights.map((weight) => Math.floor((TEXT_WIDTH_TWIPS * weight) / total));
  const cell = (text: string, index: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[index] ?? 0, type: WidthType.DXA },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
      children: [new Paragraph({ children: textRuns(text, { bold: header, size: 18 }) })],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((column, i) => cell(column.label, i, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value, i) => cell(value, i, false)) })),
    ],
  });
}

/** Where a block sits: the document's list counter, how deep in lists, and how far a quotation indents it (twips). */
interface BlockPlace {
  readonly lists: ListCounter;
  readonly depth: number;
  readonly indent: number;
}

function blockBody(block: Block, place: BlockPlace): Body[] {
  const indent = place.indent > 0 ? { indent: { left: place.indent } } : {};
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ ...indent, children: inlineRuns(block.inlines) })];
    case 'heading':
      return [heading(Math.min(block.level + 3, 6), block.inlines.map((run) => run.text).join(''))];
    case 'list': {
      const instance = place.lists.next++;
      const reference = block.ordered ? orderedList(block.start) : BULLETS;
      return block.items.flatMap((item) => {
        const [first, ...rest] = item;
        // The item's first paragraph carries the bullet or number; what follows in the item nests under it.
        const lead = first?.kind === 'paragraph' ? first.inlines : [];
        const tail = first?.kind === 'paragraph' ? rest : item;
        return [
          new Paragraph({ numbering: { reference, level: Math.min(place.depth, 8), instance }, children: inlineRuns(lead) }),
          ...tail.flatMap((each) => blockBody(each, { ...place, depth: place.depth + 1, indent: place.indent + 720 })),
        ];
      });
    }
    case 'quote':
      return block.blocks.flatMap((each) => blockBody(each, { ...place, indent: place.indent + 720 }));
    default:
      return assertNever(block);
  }
}

function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string, start = 1): NumberingDefinition['levels'] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format,
    text: text(level),
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

const BULLETS: NumberingDefinition = { reference: 'concord-bullets', levels: levels(LevelFormat.BULLET, (level) => (level % 2 === 0 ? '•' : '◦')) };

function orderedList(start: number): NumberingDefinition {
  return { reference: `concord-ordered-${start}`, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`, start) };
}

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
  readonly strike?: boolean;
  readonly size?: number;
  readonly style?: string;
}

/** Text as runs, a line break where the text has a newline (Word ignores a newline inside a run). */
function textRuns(text: string, style: RunStyle): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(style.bold ? { bold: true } : {}),
        ...(style.italics ? { italics: true } : {}),
        ...(style.underline ? { underline: {} } : {}),
        ...(style.strike ? { strike: true } : {}),
        ...(style.size ? { size: style.size } : {}),
        ...(style.style ? { style: style.style } : {}),
      }),
  );
}

function inlineRuns(inlines: readonly Inline[]): ParagraphChild[] {
  return inlines.flatMap((run): ParagraphChild[] => {
    const runs = textRuns(run.text, { bold: run.bold, italics: run.italic, underline: run.underline, strike: run.strike, ...(run.href ? { style: 'Hyperlink' } : {}) });
    // Only an http, https or mailto target (rich-text.ts) becomes a hyperlink, the one external relationship the file has.
    return run.href ? [new ExternalHyperlink({ link: run.href, children: runs })] : runs;
  });
}

function signaturesBody(snapshot: PlanSnapshot): Body[] {
  const page = signaturePage(snapshot);
  const mono = (text: string) => new Paragraph({ children: [new TextRun({ text, font: 'Courier New', size: 16 })] });
  return [
    heading(2, SIGNATURES_TITLE, true),
    mono(hashStatement(snapshot)),
    ...(page.rows.length === 0 ? [note('Nobody has signed yet.')] : []),
    ...page.rows.flatMap((row) => [
      heading(3, row.name),
      ...signatureLines(row).map((line) =>
        line.style === 'hash'
          ? new Paragraph({ children: [new TextRun({ text: `${line.label}: `, bold: true }), new TextRun({ text: line.value, font: 'Courier New', size: 16 })] })
          : new Paragraph({ children: [new TextRun({ text: `${line.label}: `, bold: true }), ...textRuns(line.value, { bold: line.style === 'stale' })] }),
      ),
    ]),
    heading(3, NOT_SIGNED_TITLE),
    ...(page.unsigned.length === 0 ? [note('Everyone on the team has signed.')] : []),
    ...page.unsigned.map((member) => new Paragraph({ children: [new TextRun({ text: member.name, bold: true }), new TextRun({ text: ` (${member.roles})` })] })),
  ];
}
