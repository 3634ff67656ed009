// Section locks as the meeting doc says now: the server writes them there, so every participant sees the same table live.

import { useEffect, useState } from 'react';
import { locksMap } from '../../shared/protocol/meeting-doc';
import type { SectionLock } from '../../shared/rules/locks';
import type { PlanSession } from '../api/plan-session';

export type LockTable = ReadonlyMap<string, SectionLock>;

function tableOf(session: PlanSession): LockTable {
  return new Map(locksMap(session.meeting.doc).entries());
}

/** Section id → its lock; a section missing from the table is free. */
export function useLocks(session: PlanSession): LockTable {
  const [locks, setLocks] = useState<LockTable>(() => tableOf(session));
  useEffect(() => {
    const map = locksMap(session.meeting.doc);
    const update = () => setLocks(tableOf(session));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [session]);
  return locks;
}

export function useSectionLock(session: PlanSession, sectionId: string): SectionLock | undefined {
  return useLocks(session).get(sectionId);
}
