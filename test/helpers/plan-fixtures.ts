// Ways into the demo plan's docs that follow the template, so tests never restate a section list.

import * as Y from 'yjs';
import { richTextOf } from '../../shared/schema/section-doc';
import { templateOf } from '../../shared/template/index';
import type { RichTextPart, SectionDef } from '../../shared/template/types';

export const iepTemplate = templateOf('idea-iep');

/** The first section of the IEP with a rich-text part, and that part. */
export function proseSection(): { section: SectionDef; part: RichTextPart } {
  for (const section of iepTemplate.sections) {
    const part = section.parts.find((each): each is RichTextPart => each.kind === 'richtext');
    if (part) return { section, part };
  }
  throw new Error('the IEP template has no rich-text part');
}

export function proseText(doc: Y.Doc, part: RichTextPart): string {
  return richTextOf(doc, part).toString();
}

export function appendParagraph(doc: Y.Doc, part: RichTextPart, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    richTextOf(doc, part).push([paragraph]);
  });
}

/** Types into the first paragraph's text, one character at a time, as separate updates. */
export function typeInto(doc: Y.Doc, part: RichTextPart, text: string, at = 0): void {
  for (let i = 0; i < text.length; i++) {
    doc.transact(() => {
      const first = richTextOf(doc, part).get(0);
      const xmlText = first instanceof Y.XmlElement ? first.get(0) : undefined;
      if (xmlText instanceof Y.XmlText) xmlText.insert(Math.min(at + i, xmlText.length), text[i] ?? '');
    });
  }
}
