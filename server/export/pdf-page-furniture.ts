// What every PDF page carries outside its content: the student header, the preliminary mark, the hash and "Page X of Y".

import { FONT, winAnsi } from './pdf-standard-font';
import type { PlanSnapshot } from './plan-snapshot';
import { hashFooter, PRELIMINARY_MARK, pageLabel, studentHeader } from './running-text';

/** Header, footer and a draft's frame on every page, drawn once the page count is known; tagged as artifacts, not content. */
export function pageFurniture(doc: PDFKit.PDFDocument, snapshot: PlanSnapshot): void {
  const { start, count } = doc.bufferedPageRange();
  const header = winAnsi(studentHeader(snapshot));
  const footer = winAnsi(hashFooter(snapshot));
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { width, height } = doc.page;
    const saved = doc.page.margins;
    const { left, right } = saved;
    // Text drawn in the margins must not trigger pdfkit's automatic page break.
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONT.regular).fontSize(8).fillColor('#333333');
    // One line, cut with an ellipsis if a long name needs more: the title on the first page carries it whole.
    doc.text(header, left, 28, { width: width - left - right, height: 10, ellipsis: true });
    if (snapshot.preliminary) doc.font(FONT.bold).fillColor('#aa0000').text(PRELIMINARY_MARK, left, 40, { width: width - left - right, lineBreak: false });
    doc.font(FONT.regular).fillColor('#333333').text(footer, left, height - 40, { lineBreak: false });
    const label = pageLabel(index - start + 1, count);
    doc.text(label, width - right - doc.widthOfString(label), height - 40, { lineBreak: false });
    doc.endMarkedContent();
    if (snapshot.preliminary) draftFrame(doc);
    doc.page.margins = saved;
  }
  doc.fillColor('black');
}

/** A red frame around a draft's page: seen at a glance, and unlike a rotated watermark it adds no stray letters to the text layer. */
function draftFrame(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.save().lineWidth(3).strokeColor('#aa0000').rect(18, 18, width - 36, height - 36).stroke().restore();
  doc.endMarkedContent();
}
