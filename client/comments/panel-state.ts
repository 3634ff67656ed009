// What the comments panel shows right now: open or not (phones), the thread in focus, the comment being written; editors set it too.

import { useCallback, useSyncExternalStore } from 'react';
import type { CommentAnchor } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';

/** A new comment waiting for its words: where it points, and where focus goes back to if it is cancelled. */
export interface CommentDraft {
  readonly sectionId: string;
  readonly anchor: CommentAnchor;
  readonly origin: HTMLElement | null;
  /** Changes on every request, so asking again (another selection) restarts the form. */
  readonly serial: number;
}

export interface PanelView {
  /** On a phone the panel covers the screen; elsewhere it is always shown and this stays false. */
  readonly open: boolean;
  readonly activeThreadId: string | null;
  /** Bumped when the active thread should also take focus (a click on its highlight), not just be marked. */
  readonly focusSerial: number;
  readonly draft: CommentDraft | null;
  /** A sentence for the live region from outside React (an editor shortcut with nothing to act on). */
  readonly notice: { readonly text: string; readonly serial: number } | null;
}

type Listener = () => void;

export class CommentPanelState {
  private view: PanelView = { open: false, activeThreadId: null, focusSerial: 0, draft: null, notice: null };
  private serial = 0;
  private readonly listeners = new Set<Listener>();

  get current(): PanelView {
    return this.view;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setOpen(open: boolean): void {
    if (open !== this.view.open) this.update({ open });
  }

  /** Marks a thread (the caret entered its words); with `focus`, also opens the panel and moves focus there. */
  showThread(threadId: string | null, focus = false): void {
    if (!focus && threadId === this.view.activeThreadId) return;
    this.update(focus ? { activeThreadId: threadId, focusSerial: this.view.focusSerial + 1, open: true, draft: null } : { activeThreadId: threadId });
  }

  compose(sectionId: string, anchor: CommentAnchor, origin: HTMLElement | null = null): void {
    this.serial += 1;
    this.update({ draft: { sectionId, anchor, origin, serial: this.serial }, open: true });
  }

  closeDraft(): void {
    if (this.view.draft) this.update({ draft: null });
  }

  say(text: string): void {
    this.serial += 1;
    this.update({ notice: { text, serial: this.serial } });
  }

  private update(change: Partial<PanelView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}

const states = new WeakMap<PlanSession, CommentPanelState>();

export function panelStateOf(session: PlanSession): CommentPanelState {
  let state = states.get(session);
  if (!state) {
    state = new CommentPanelState();
    states.set(session, state);
  }
  return state;
}

export function usePanelView(session: PlanSession): PanelView {
  const state = panelStateOf(session);
  const subscribe = useCallback((changed: Listener) => state.subscribe(changed), [state]);
  return useSyncExternalStore(subscribe, () => state.current);
}
