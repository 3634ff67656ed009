// Tells screen readers, politely, when a section is taken or freed: "Jordan Ellis took Present levels".

import { useEffect, useRef } from 'react';
import { locksMap } from '../../shared/protocol/meeting-doc';
import type { PlanSession } from '../api/plan-session';
import { useAnnounce } from '../page/announcer';
import { lockChangeSentence } from './lock-sentences';
import type { LockTable } from './use-locks';

interface TitledSection {
  readonly id: string;
  readonly title: string;
}

/**
 * The locks held when the meeting doc first synced are the starting picture, not news: announcing starts from the
 * table the doc holds at that sync, so opening the room does not read out every lock.
 */
export function useLockAnnouncements(session: PlanSession, locks: LockTable, sections: readonly TitledSection[]): void {
  const announce = useAnnounce();
  const previous = useRef<LockTable | null>(null);
  const me = session.plan.me.id;

  useEffect(() => {
    const { doc, provider } = session.meeting;
    const start = () => {
      previous.current ??= new Map(locksMap(doc).entries());
    };
    const onSync = (synced: boolean) => {
      if (synced) start();
    };
    if (provider.synced) start();
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [session]);

  useEffect(() => {
    const before = previous.current;
    if (!before) return;
    previous.current = locks;
    const news = sections
      .map((section) => lockChangeSentence(section.title, before.get(section.id), locks.get(section.id), me))
      .filter((sentence): sentence is string => sentence !== null);
    if (news.length > 0) announce(news.join(' '));
  }, [locks, sections, me, announce]);
}
