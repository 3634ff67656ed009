// Binds an <input> or <textarea> to a Y.Text: local typing becomes one minimal splice, remote edits keep the caret in place.

import { type RefObject, useEffect, useRef } from 'react';
import * as Y from 'yjs';
import { spliceBetween } from './text-diff';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

interface SavedSelection {
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly direction: TextElement['selectionDirection'];
}

/**
 * The element stays uncontrolled: React never writes its value, so typing is never fought by a re-render.
 * `onMissing` is called with the first text typed when the shared value does not exist yet (a field added to the
 * template after the plan was created); the caller creates the Y.Text and the hook binds to it on the next render.
 */
export function useYText<E extends TextElement>(text: Y.Text | undefined, onMissing?: (value: string) => void): RefObject<E | null> {
  const ref = useRef<E>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (!text) {
      const create = () => onMissing?.(element.value);
      element.addEventListener('input', create);
      return () => element.removeEventListener('input', create);
    }
    if (element.value !== text.toString()) element.value = text.toString();
    const doc = text.doc;
    let saved: SavedSelection | null = null;

    // Relative positions must be taken before a remote change lands, while indexes still mean the old text.
    const beforeTransaction = (transaction: Y.Transaction) => {
      if (transaction.local || element.ownerDocument.activeElement !== element) return;
      saved = {
        start: Y.createRelativePositionFromTypeIndex(text, element.selectionStart ?? 0),
        end: Y.createRelativePositionFromTypeIndex(text, element.selectionEnd ?? 0),
        direction: element.selectionDirection,
      };
    };
    const onRemoteChange = (event: Y.YTextEvent) => {
      if (event.transaction.local) return;
      element.value = text.toString();
      const selection = saved;
      saved = null;
      if (!selection || !doc) return;
      const start = Y.createAbsolutePositionFromRelativePosition(selection.start, doc);
      const end = Y.createAbsolutePositionFromRelativePosition(selection.end, doc);
      if (start && end) element.setSelectionRange(start.index, end.index, selection.direction ?? undefined);
    };
    const afterTransaction = () => {
      saved = null;
    };
    const onInput = () => {
      const { index, remove, insert } = spliceBetween(text.toString(), element.value);
      if (remove === 0 && insert === '') return;
      const apply = () => {
        if (remove > 0) text.delete(index, remove);
        if (insert) text.insert(index, insert);
      };
      if (doc) doc.transact(apply);
      else apply();
    };

    doc?.on('beforeTransaction', beforeTransaction);
    doc?.on('afterTransaction', afterTransaction);
    text.observe(onRemoteChange);
    element.addEventListener('input', onInput);
    return () => {
      doc?.off('beforeTransaction', beforeTransaction);
      doc?.off('afterTransaction', afterTransaction);
      text.unobserve(onRemoteChange);
      element.removeEventListener('input', onInput);
    };
  }, [text, onMissing]);

  return ref;
}
