// The plan's comment threads as the meeting doc holds them (the server writes them there), for components and editors alike.

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { threadsMap } from '../../shared/protocol/meeting-doc';
import type { CommentThread } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';

type Listener = () => void;

/** One list per session, rebuilt only when the map changes, so every reader shares one array. */
class ThreadList {
  private threads: readonly CommentThread[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly session: PlanSession) {
    this.threads = this.read();
    threadsMap(session.meeting.doc).observe(() => {
      this.threads = this.read();
      for (const listener of [...this.listeners]) listener();
    });
  }

  get all(): readonly CommentThread[] {
    return this.threads;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): readonly CommentThread[] {
    return [...threadsMap(this.session.meeting.doc).values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}

const lists = new WeakMap<PlanSession, ThreadList>();

export function threadListOf(session: PlanSession): ThreadList {
  let list = lists.get(session);
  if (!list) {
    list = new ThreadList(session);
    lists.set(session, list);
  }
  return list;
}

export function useThreads(session: PlanSession): readonly CommentThread[] {
  const list = threadListOf(session);
  const subscribe = useCallback((changed: Listener) => list.subscribe(changed), [list]);
  return useSyncExternalStore(subscribe, () => list.all);
}

export function useSectionThreads(session: PlanSession, sectionId: string | undefined): readonly CommentThread[] {
  const all = useThreads(session);
  return useMemo(() => all.filter((thread) => thread.sectionId === sectionId), [all, sectionId]);
}
