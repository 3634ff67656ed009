// Anchoring a comment to words typed rather than selected: the keyboard path where an editor cannot take a selection (read-only).

import * as Y from 'yjs';
import { textAnchor } from '../../shared/schema/comment-anchor';
import { richTextOf } from '../../shared/schema/section-doc';
import type { SectionDef } from '../../shared/template/types';
import { plainText, type TextAnchor } from './anchor-words';

function* textsOf(parent: Y.XmlFragment | Y.XmlElement): Generator<Y.XmlText> {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) yield child;
    else if (child instanceof Y.XmlElement) yield* textsOf(child);
  }
}

/** The first place in the section's prose holding these words (ignoring case), as a text anchor; null if none does. */
export function phraseAnchor(doc: Y.Doc, section: SectionDef, phrase: string): TextAnchor | null {
  const wanted = phrase.trim().replace(/\s+/g, ' ');
  if (!wanted) return null;
  for (const part of section.parts) {
    if (part.kind !== 'richtext') continue;
    for (const text of textsOf(richTextOf(doc, part))) {
      const plain = plainText(text);
      // Lower-casing keeps lengths for the letters people type; where it would not, only an exact match counts.
      const lower = plain.toLowerCase();
      const at = lower.length === plain.length ? lower.indexOf(wanted.toLowerCase()) : plain.indexOf(wanted);
      if (at < 0) continue;
      const end = at + wanted.length;
      return { ...(textAnchor(part.id, text, at, end) as TextAnchor), quote: plain.slice(at, end) };
    }
  }
  return null;
}
