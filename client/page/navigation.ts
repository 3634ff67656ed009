// Moving between pages without a reload: the address bar changes, the app re-renders, and the new page takes focus.

import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let movedInApp = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current path, re-rendering its reader when `navigate` or the back button changes it. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export interface PageNote {
  /** The person just left the meeting through "Leave". */
  readonly left?: boolean;
}

/** What the page that sent us here wanted the next one to know (kept in history, so it survives a reload). */
export function pageNote(): PageNote {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null ? (state as PageNote) : {};
}

export function navigate(path: string, note: PageNote = {}): void {
  window.history.pushState(note, '', path);
  movedInApp = true;
  for (const listener of listeners) listener();
}

/**
 * True once after an in-app move: the new page's heading then takes focus, so a screen reader hears where it is.
 * On a fresh load focus stays at the top of the document, as browsers leave it.
 */
export function takeMovedInApp(): boolean {
  const moved = movedInApp;
  movedInApp = false;
  return moved;
}
