// A tagged PDF table (Table → TR → TH/TD) whose header repeats on every page and whose rows never lose text to a page end.

import type { FieldDef } from '../../shared/template/types';
import { FONT, winAnsi } from './pdf-standard-font';
import { columnWeight } from './plan-snapshot';

// pdfkit's own table clamps a row taller than a page and clips its text; an IEP goal can be that long, so rows are laid out here.

const FONT_SIZE = 8;
const PADDING = 3;
const HEADER_FILL = '#e8e8e8';

export interface TableBox {
  readonly left: number;
  readonly width: number;
}

export function drawTable(doc: PDFKit.PDFDocument, parent: PDFKit.PDFStructureElement, columns: readonly FieldDef[], rows: readonly (readonly string[])[], box: TableBox): void {
  const header = columns.map((column) => winAnsi(column.label));
  const body = rows.map((row) => row.map((cell) => winAnsi(cell)));
  const widths = columnWidths(doc, columns, header, body, box.width);
  const table = doc.struct('Table');
  parent.add(table);
  const headerHeight = rowHeight(doc, header, widths, FONT.bold);
  if (doc.y + headerHeight * 2 > doc.page.maxY()) doc.continueOnNewPage();
  drawRow(doc, table, header, widths, box.left, 'TH');
  for (const cells of body) {
    for (const piece of pagePieces(doc, cells, widths, doc.page.maxY() - doc.page.margins.top - headerHeight)) {
      if (doc.y + rowHeight(doc, piece, widths, FONT.regular) > doc.page.maxY()) {
        doc.continueOnNewPage();
        // The repeated header is page furniture: tagged once, drawn again as an artifact.
        drawRow(doc, undefined, header, widths, box.left, 'TH');
      }
      drawRow(doc, table, piece, widths, box.left, 'TD');
    }
  }
  table.end();
  doc.x = box.left;
  doc.moveDown(0.5);
}

/**
 * Widths by weight, but never narrower than a column's longest word, so "Communication" is not cut into
 * "Communicati / on"; a column gives up only the room beyond its own longest word.
 */
function columnWidths(doc: PDFKit.PDFDocument, columns: readonly FieldDef[], header: readonly string[], rows: readonly (readonly string[])[], width: number): number[] {
  const longestWord = (texts: readonly string[], face: string) => {
    doc.font(face).fontSize(FONT_SIZE);
    return texts.reduce((widest, text) => text.split(/\s+/).reduce((max, word) => Math.max(max, doc.widthOfString(word)), widest), 0);
  };
  const need = columns.map((_, i) => Math.max(longestWord([header[i] ?? ''], FONT.bold), longestWord(rows.map((row) => row[i] ?? ''), FONT.regular)) + 2 * PADDING + 1);
  const total = columns.reduce((sum, column) => sum + columnWeight(column), 0);
  const wanted = columns.map((column, i) => Math.max(need[i] ?? 0, (width * columnWeight(column)) / total));
  const over = wanted.reduce((sum, each) => sum + each, 0) - width;
  if (over <= 0) return wanted;
  const slack = wanted.map((each, i) => each - (need[i] ?? 0));
  const slackTotal = slack.reduce((sum, each) => sum + each, 0);
  if (slackTotal >= over) return wanted.map((each, i) => each - (over * (slack[i] ?? 0)) / slackTotal);
  // Even the longest words do not fit side by side: share the width in proportion to them.
  const needTotal = need.reduce((sum, each) => sum + each, 0);
  return need.map((each) => (each * width) / needTotal);
}

function cellOptions(width: number): PDFKit.Mixins.TextOptions {
  return { width: Math.max(1, width - 2 * PADDING), lineGap: 1 };
}

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[], face: string): number {
  doc.font(face).fontSize(FONT_SIZE);
  const tallest = cells.reduce((max, cell, i) => Math.max(max, cell ? doc.heightOfString(cell, cellOptions(widths[i] ?? 0)) : 0), 0);
  return Math.max(tallest, doc.currentLineHeight(true)) + 2 * PADDING;
}

function drawRow(doc: PDFKit.PDFDocument, table: PDFKit.PDFStructureElement | undefined, cells: readonly string[], widths: readonly number[], left: number, type: 'TH' | 'TD'): void {
  const face = type === 'TH' ? FONT.bold : FONT.regular;
  const top = doc.y;
  const height = rowHeight(doc, cells, widths, face);
  const tr = table ? doc.struct('TR') : undefined;
  if (table && tr) table.add(tr);
  let x = left;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    const cellX = x;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save().lineWidth(0.5).strokeColor('#888888');
    if (type === 'TH') doc.rect(cellX, top, width, height).fillAndStroke(HEADER_FILL, '#888888');
    else doc.rect(cellX, top, width, height).stroke();
    doc.restore();
    doc.endMarkedContent();
    const write = () => {
      doc.font(face).fontSize(FONT_SIZE).fillColor('black');
      if (cell) doc.text(cell, cellX + PADDING, top + PADDING, cellOptions(width));
    };
    if (tr) tr.add(doc.struct(type, type === 'TH' ? ({ scope: 'Column' } as PDFKit.Mixins.StructureElementOptions) : {}, write));
    else {
      doc.markContent('Artifact', { type: 'Pagination' });
      write();
      doc.endMarkedContent();
    }
    x += width;
  });
  tr?.end();
  doc.x = left;
  doc.y = top + height;
}

/**
 * The row as it fits on pages: itself when it fits on one, else continuation rows, each cell's words cut where a page
 * would end, so a goal longer than a page runs on under the repeated header.
 */
function pagePieces(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[], pageRoom: number): string[][] {
  if (rowHeight(doc, cells, widths, FONT.regular) <= pageRoom) return [[...cells]];
  const limit = pageRoom * 0.9 - 2 * PADDING;
  const split = cells.map((cell, i) => chunks(doc, cell, cellOptions(widths[i] ?? 0), limit));
  const count = Math.max(...split.map((each) => each.length));
  return Array.from({ length: count }, (_, k) => split.map((each) => each[k] ?? ''));
}

function chunks(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions, limit: number): string[] {
  const words = text.split(/(?<=\s)/);
  const out: string[] = [];
  let start = 0;
  while (start < words.length) {
    // The most words from `start` that fit, found by halving: heightOfString is the costly call.
    let low = start + 1;
    let high = words.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (doc.heightOfString(words.slice(start, mid).join(''), options) <= limit) low = mid;
      else high = mid - 1;
    }
    out.push(words.slice(start, low).join(''));
    start = low;
  }
  return out;
}
