// The comment highlights in one rich-text editor: each open thread's words, found through y-tiptap's mapping so they follow edits.

import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { PlanSession } from '../api/plan-session';
import { panelStateOf } from './panel-state';
import { anchorRange } from './selection-anchor';
import { type CommentPlace, isCommentShortcut, isForEditor, startComment } from './start-comment';
import { threadListOf } from './thread-list';

export interface CommentHighlightsOptions {
  readonly session: PlanSession | null;
  readonly sectionId: string;
  readonly partId: string;
}

const highlightKey = new PluginKey<DecorationSet>('commentHighlights');
const REDRAW = 'redraw';

function highlights(state: EditorState, place: CommentPlace): DecorationSet {
  const active = panelStateOf(place.session).current.activeThreadId;
  const decorations: Decoration[] = [];
  for (const thread of threadListOf(place.session).all) {
    const { anchor } = thread;
    if (thread.resolved || thread.sectionId !== place.sectionId || anchor.kind !== 'text' || anchor.partId !== place.partId) continue;
    const range = anchorRange(state, anchor);
    if (!range) continue;
    const attributes = {
      class: thread.id === active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
      'data-thread-id': thread.id,
      title: 'Commented words: select to see the comment',
    };
    decorations.push(Decoration.inline(range.from, range.to, attributes, { threadId: thread.id }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The open thread whose words hold the caret, if any. */
export function threadUnderCaret(state: EditorState): string | null {
  const { empty, head } = state.selection;
  if (!empty) return null;
  const found = highlightKey.getState(state)?.find(head, head, (spec: { threadId?: string }) => typeof spec.threadId === 'string');
  const decoration = found?.find((each) => each.from < head && head < each.to) ?? found?.[0];
  return (decoration?.spec as { threadId?: string } | undefined)?.threadId ?? null;
}

function threadOfTarget(view: EditorView, target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('[data-thread-id]') : null;
  return element && view.dom.contains(element) ? element.getAttribute('data-thread-id') : null;
}

function highlightPlugin(place: CommentPlace): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightKey,
    state: {
      init: (_config, state) => highlights(state, place),
      apply(tr, set, _old, state) {
        // Remote edits come with the sync plugin's meta, once its mapping already describes the new doc; local edits are
        // written to Yjs only after this transaction, so their highlights move with the transaction's own mapping.
        if (tr.getMeta(highlightKey) === REDRAW || tr.getMeta(ySyncPluginKey) !== undefined) return highlights(state, place);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state),
      handleClick(view, _pos, event) {
        const threadId = threadOfTarget(view, event.target);
        // A reader goes straight to the thread; a writer's click may just be placing the caret, so the thread is only marked.
        if (threadId) panelStateOf(place.session).showThread(threadId, !view.editable);
        return false;
      },
    },
    view(view) {
      let shown: string | null = null;
      let pending = false;
      const redraw = () => {
        if (pending) return;
        pending = true;
        // Thread and panel changes can arrive while this or another editor is mid-update: redraw once, right after.
        queueMicrotask(() => {
          pending = false;
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(highlightKey, REDRAW));
        });
      };
      const stopThreads = threadListOf(place.session).subscribe(redraw);
      let active = panelStateOf(place.session).current.activeThreadId;
      const stopPanel = panelStateOf(place.session).subscribe(() => {
        const next = panelStateOf(place.session).current.activeThreadId;
        if (next !== active) redraw();
        active = next;
      });
      const onKeyDown = (event: KeyboardEvent) => {
        if (!isCommentShortcut(event) || !isForEditor(view)) return;
        event.preventDefault();
        startComment(view, place, view.editable && view.hasFocus() ? view.dom : null, threadUnderCaret(view.state));
      };
      document.addEventListener('keydown', onKeyDown);
      return {
        update(current) {
          const under = threadUnderCaret(current.state);
          if (under && under !== shown) queueMicrotask(() => panelStateOf(place.session).showThread(under));
          shown = under;
        },
        destroy() {
          stopThreads();
          stopPanel();
          document.removeEventListener('keydown', onKeyDown);
        },
      };
    },
  });
}

/** `CommentHighlights.configure({ session, sectionId, partId })`: highlights, a click or caret to open, and Ctrl+Alt+M. */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { session: null, sectionId: '', partId: '' };
  },

  addProseMirrorPlugins() {
    const { session, sectionId, partId } = this.options;
    return session ? [highlightPlugin({ session, sectionId, partId })] : [];
  },
});
