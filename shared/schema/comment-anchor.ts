// Resolves a comment's text anchor against the live section doc: the words it covers now, or null once they are gone.

import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { CommentAnchor } from '../rules/comments';

export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** A text anchor over [start, end) of one Y.XmlText (or Y.Text): what an editor makes from a selection in a paragraph. */
export function textAnchor(partId: string, text: Y.Text, start: number, end: number): CommentAnchor {
  return {
    kind: 'text',
    partId,
    start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, start)),
    // Associating the end with the character before it keeps text typed right after the range out of the range.
    end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, end, -1)),
    quote: plainText(text).slice(start, end),
  };
}

/** The text the anchor covers now; null when the text was removed (the thread then stays on its section). */
export function anchoredText(doc: Y.Doc, anchor: CommentAnchor): string | null {
  if (anchor.kind !== 'text') return null;
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  if (!start || !end) return null;
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to || from.type !== to.type || to.index <= from.index) return null;
  const type = from.type as Y.AbstractType<unknown>;
  if (!(type instanceof Y.Text)) return null;
  return plainText(type).slice(from.index, to.index);
}

/** The characters of a Y.Text without formatting: XmlText.toString() wraps formatted runs in tags, which indexes do not count. */
export function plainText(text: Y.Text): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}
