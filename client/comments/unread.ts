// What each participant has read of each thread (messages seen, per thread, in this browser's localStorage), and unread counts.

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { CommentThread } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';
import { useThreads } from './thread-list';

type Listener = () => void;

/** Thread id → how many of its messages this participant has seen. */
class SeenThreads {
  private counts: Readonly<Record<string, number>>;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly key: string) {
    this.counts = this.load();
    // Another tab of the same person read something: their counts are ours too.
    window.addEventListener('storage', (event) => {
      if (event.key !== this.key) return;
      this.counts = this.load();
      this.changed();
    });
  }

  seen(threadId: string): number {
    return this.counts[threadId] ?? 0;
  }

  /** A new object after every change, so it can stand in a dependency list. */
  get snapshot(): Readonly<Record<string, number>> {
    return this.counts;
  }

  markSeen(threads: readonly CommentThread[]): void {
    const stale = threads.filter((thread) => this.seen(thread.id) < thread.messages.length);
    if (stale.length === 0) return;
    this.counts = { ...this.counts, ...Object.fromEntries(stale.map((thread) => [thread.id, thread.messages.length])) };
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.counts));
    } catch {
      // Storage full or switched off: the counts still hold for this page.
    }
    this.changed();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private load(): Record<string, number> {
    try {
      const parsed: unknown = JSON.parse(window.localStorage.getItem(this.key) ?? '{}');
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => Number.isInteger(entry[1])));
    } catch {
      return {};
    }
  }
}

const stores = new WeakMap<PlanSession, SeenThreads>();

export function seenThreadsOf(session: PlanSession): SeenThreads {
  let store = stores.get(session);
  if (!store) {
    store = new SeenThreads(`concord:comments-seen:${session.plan.id}:${session.plan.me.id}`);
    stores.set(session, store);
  }
  return store;
}

/** An open thread is unread when someone else wrote a message this participant has not seen yet; resolved ones are done. */
export function isUnread(thread: CommentThread, seenCount: number, me: string): boolean {
  return !thread.resolved && thread.messages.slice(seenCount).some((message) => message.authorId !== me && !message.deletedAt);
}

function useSeenCounts(session: PlanSession): Readonly<Record<string, number>> {
  const store = seenThreadsOf(session);
  const subscribe = useCallback((changed: Listener) => store.subscribe(changed), [store]);
  return useSyncExternalStore(subscribe, () => store.snapshot);
}

/**
 * `useUnreadCounts(session)`: section id → how many of its open threads hold messages this participant has not seen.
 * Sections without unread threads are absent. For the section list: `counts.get(section.id) ?? 0`.
 */
export function useUnreadCounts(session: PlanSession): ReadonlyMap<string, number> {
  const threads = useThreads(session);
  const seen = useSeenCounts(session);
  const me = session.plan.me.id;
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const thread of threads) {
      if (isUnread(thread, seen[thread.id] ?? 0, me)) counts.set(thread.sectionId, (counts.get(thread.sectionId) ?? 0) + 1);
    }
    return counts;
  }, [threads, seen, me]);
}
