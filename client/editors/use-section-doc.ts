// The live doc of a section for the editors, re-read when the session replaces it after a refusal, and whether it is in sync.

import { useCallback, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { LiveDoc, PlanSession } from '../api/plan-session';

/** Key the editors on `doc.guid`: a replaced doc means new editors, never an editor re-pointed at another doc. */
export function useSectionDoc(session: PlanSession, sectionId: string): LiveDoc {
  const subscribe = useCallback(
    (changed: () => void) =>
      session.onSectionReplaced((replaced) => {
        if (replaced === sectionId) changed();
      }),
    [session, sectionId],
  );
  const snapshot = useCallback(() => session.section(sectionId), [session, sectionId]);
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * Whether the provider holds the server's copy right now. Text added programmatically waits for it: appended to a doc
 * that has not synced, it would sort among the server's content instead of after it.
 */
export function useInSync(provider: WebsocketProvider): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      provider.on('sync', changed);
      return () => provider.off('sync', changed);
    },
    [provider],
  );
  return useSyncExternalStore(subscribe, () => provider.synced);
}
