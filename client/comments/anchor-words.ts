// A text anchor in a section doc, read from Yjs alone (no editor), so the panel loads without TipTap: its span, and plain text.

import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/rules/comments';
import { decodeAnchorPosition } from '../../shared/schema/comment-anchor';

export type TextAnchor = Extract<CommentAnchor, { kind: 'text' }>;

/** Plain text of a Y.XmlText, one character per index (formatting is attributes there, not characters). */
export function plainText(text: Y.Text): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : '\ufffc'))
    .join('');
}

/** Where a text anchor's words are now in their Y.Text, or null once they are all gone (the thread then stays on its section). */
export function anchorSpan(doc: Y.Doc, anchor: TextAnchor): { readonly text: Y.Text; readonly from: number; readonly to: number } | null {
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  const from = start && Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = end && Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to || from.type !== to.type || to.index <= from.index || !(from.type instanceof Y.Text)) return null;
  return { text: from.type, from: from.index, to: to.index };
}
