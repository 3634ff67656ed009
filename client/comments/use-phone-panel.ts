// On a phone (600px wide or less) the comments panel is a full-screen dialog: whether we are on one, and Back closing it.

import { useEffect, useSyncExternalStore } from 'react';

const PHONE = '(max-width: 600px)';

function subscribe(changed: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches);
}

const MARK = 'concordCommentsPanel';

/**
 * While the panel is open it owns one history entry, so the phone's Back button closes it instead of leaving the
 * meeting; closing it another way takes that entry back off. The address stays the same, so the section does too.
 */
export function useBackCloses(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    window.history.pushState({ ...(window.history.state as object | null), [MARK]: true }, '');
    let wentBack = false;
    const onPopState = () => {
      wentBack = true;
      close();
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('popstate', onPopState);
      const state = window.history.state as Record<string, unknown> | null;
      if (!wentBack && state?.[MARK]) window.history.back();
    };
  }, [open, close]);
}
