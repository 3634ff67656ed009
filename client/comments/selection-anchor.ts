// Between an editor's selection and a comment's text anchor: ProseMirror positions to Yjs relative positions and back, via y-tiptap's mapping.

import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeAnchorPosition, textAnchor } from '../../shared/schema/comment-anchor';
import { plainText, type TextAnchor } from './anchor-words';

/** What the sync plugin keeps: the bound doc and fragment, and which ProseMirror node each Yjs type became. */
interface YBinding {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
}

/** The server accepts quotes up to this length; the anchor itself still covers every selected word. */
const MAX_QUOTE = 2000;

function bindingOf(state: EditorState): YBinding | null {
  const binding: unknown = ySyncPluginKey.getState(state)?.binding;
  return binding ? (binding as YBinding) : null;
}

/**
 * A text anchor lives in one Y.XmlText (one paragraph's run of text, see `textAnchor`), so a selection over several
 * paragraphs is narrowed to the first paragraph it covers words of.
 */
function firstParagraphRange(state: EditorState): { from: number; to: number } | null {
  const { from, to } = state.selection;
  if (from >= to) return null;
  const found: { from: number; to: number }[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (found.length > 0) return false;
    if (!node.isTextblock) return true;
    const start = Math.max(from, pos + 1);
    const end = Math.min(to, pos + 1 + node.content.size);
    if (start < end) found.push({ from: start, to: end });
    return false;
  });
  return found[0] ?? null;
}

function textPosition(binding: YBinding, pos: number): { type: Y.XmlText; index: number } | null {
  const relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  return absolute && absolute.type instanceof Y.XmlText ? { type: absolute.type, index: absolute.index } : null;
}

/** The anchor for the words selected in this editor, or null when no words are selected. */
export function selectionAnchor(state: EditorState, partId: string): TextAnchor | null {
  const binding = bindingOf(state);
  const range = firstParagraphRange(state);
  if (!binding || !range) return null;
  const start = textPosition(binding, range.from);
  const end = textPosition(binding, range.to);
  if (!start || !end) return null;
  // A hard line break splits a paragraph's text in two: the anchor stays in the first run.
  const endIndex = end.type === start.type ? end.index : start.type.length;
  if (endIndex <= start.index) return null;
  const words = plainText(start.type).slice(start.index, endIndex);
  const quote = words.length > MAX_QUOTE ? `${words.slice(0, MAX_QUOTE - 1)}…` : words;
  // Shared association rules: typing right before or right after the words stays outside the anchor.
  return { ...(textAnchor(partId, start.type, start.index, endIndex) as TextAnchor), quote };
}

/** Where the anchored words are in this editor now, or null when they are gone or in another editor. */
export function anchorRange(state: EditorState, anchor: TextAnchor): { from: number; to: number } | null {
  const binding = bindingOf(state);
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  if (!binding || !start || !end) return null;
  const from = relativePositionToAbsolutePosition(binding.doc, binding.type, start, binding.mapping);
  const to = relativePositionToAbsolutePosition(binding.doc, binding.type, end, binding.mapping);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return { from, to };
}
