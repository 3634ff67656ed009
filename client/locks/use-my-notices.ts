// Notices the server addressed to the local participant since this page opened, minus the ones they dismissed.

import { useCallback, useEffect, useState } from 'react';
import { type MeetingNotice, noticesArray } from '../../shared/protocol/meeting-doc';
import type { PlanSession } from '../api/plan-session';

export interface MyNotices {
  readonly notices: readonly MeetingNotice[];
  dismiss(id: string): void;
}

/**
 * "Since this page opened" is judged by notice ids, not clocks: whatever the meeting doc held at its first sync is
 * history, so the server's and the browser's clocks never have to agree.
 */
export function useMyNotices(session: PlanSession): MyNotices {
  const [notices, setNotices] = useState<readonly MeetingNotice[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const { doc, provider } = session.meeting;
    const me = session.plan.me.id;
    const array = noticesArray(doc);
    let history: ReadonlySet<string> | null = null;
    const update = () => {
      const seen = history;
      if (seen) setNotices(array.toArray().filter((notice) => notice.to === me && !seen.has(notice.id)));
    };
    const start = () => {
      history ??= new Set(array.toArray().map((notice) => notice.id));
      update();
    };
    const onSync = (synced: boolean) => {
      if (synced) start();
    };
    if (provider.synced) start();
    provider.on('sync', onSync);
    array.observe(update);
    return () => {
      provider.off('sync', onSync);
      array.unobserve(update);
    };
  }, [session]);
  const dismiss = useCallback((id: string) => setDismissed((earlier) => new Set([...earlier, id])), []);
  return { notices: notices.filter((notice) => !dismissed.has(notice.id)), dismiss };
}
