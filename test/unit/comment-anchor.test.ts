// A comment's text anchor reads plain words, whatever formatting the paragraph carries, and lets go when the words are gone.

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { anchoredText, textAnchor } from '../../shared/schema/comment-anchor';

function paragraph(text: string): { doc: Y.Doc; xml: Y.XmlText } {
  const doc = new Y.Doc();
  const element = new Y.XmlElement('paragraph');
  const xml = new Y.XmlText(text);
  element.insert(0, [xml]);
  doc.getXmlFragment('strengths').push([element]);
  return { doc, xml };
}

describe('comment anchors', () => {
  it('quote and resolve the plain words in a formatted paragraph', () => {
    const { doc, xml } = paragraph('Maya reads ninety words per minute.');
    xml.format(0, 4, { bold: {} });
    const start = 'Maya reads '.length;
    const anchor = textAnchor('strengths', xml, start, start + 'ninety words'.length);
    expect(anchor.kind === 'text' && anchor.quote).toBe('ninety words');
    expect(anchoredText(doc, anchor)).toBe('ninety words');
  });

  it('keeps text typed just before or after the words outside, and lets go once the words are deleted', () => {
    const { doc, xml } = paragraph('reads ninety words');
    const anchor = textAnchor('strengths', xml, 6, 18);
    xml.insert(6, 'about ');
    xml.insert(xml.length, ' today');
    expect(anchoredText(doc, anchor)).toBe('ninety words');
    xml.delete(12, 12);
    expect(anchoredText(doc, anchor)).toBeNull();
  });
});
