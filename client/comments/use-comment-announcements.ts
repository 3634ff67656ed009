// Says in the page's live region when someone else's comment arrives in the section the participant is in.

import { useEffect, useRef } from 'react';
import type { PlanSession } from '../api/plan-session';
import { useAnnounce } from '../page/announcer';
import { bodyText } from './message-tokens';
import { useThreads } from './thread-list';

const PREVIEW = 140;

export function useCommentAnnouncements(session: PlanSession, section: { readonly id: string; readonly title: string } | undefined, nameOf: (id: string) => string | undefined): void {
  const threads = useThreads(session);
  const announce = useAnnounce();
  // Message counts last seen per thread; none on the first pass, so what was there on arrival is not read out.
  const known = useRef<ReadonlyMap<string, number> | null>(null);
  const me = session.plan.me.id;

  useEffect(() => {
    const before = known.current;
    known.current = new Map(threads.map((thread) => [thread.id, thread.messages.length]));
    if (!before || !section) return;
    const arrived = threads
      .filter((thread) => thread.sectionId === section.id)
      .flatMap((thread) => thread.messages.slice(before.get(thread.id) ?? 0).map((message) => ({ thread, message })))
      .filter(({ message }) => message.authorId !== me && !message.deletedAt);
    const last = arrived[arrived.length - 1];
    if (!last) return;
    const words = bodyText(last.message.body, (id) => (last.message.mentions.includes(id) ? nameOf(id) : undefined));
    const preview = words.length > PREVIEW ? `${words.slice(0, PREVIEW - 1)}…` : words;
    const kind = last.thread.messages.length === 1 ? 'New comment' : 'New reply';
    const more = arrived.length > 1 ? ` (${arrived.length} new messages)` : '';
    announce(`${kind} from ${last.message.authorName} in ${section.title}${more}: ${preview}`);
  }, [threads, section, me, nameOf, announce]);
}
