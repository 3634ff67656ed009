// Messages the server sent the local participant about locks (taken over, expired, asked for, handed over), each dismissible.

import { useId, useRef } from 'react';
import type { PlanSession } from '../api/plan-session';
import { noticeSentence } from './lock-sentences';
import { useMyNotices } from './use-my-notices';

interface LockNoticesProps {
  readonly session: PlanSession;
  readonly titleOf: (sectionId: string) => string | undefined;
}

/** The live region is always in the page, so a message added to it is announced; it stays silent while empty. */
export function LockNotices({ session, titleOf }: LockNoticesProps) {
  const { notices, dismiss } = useMyNotices(session);
  const headingId = useId();
  const list = useRef<HTMLUListElement>(null);

  // Focus moves to the next message's button, or to the open section once none is left.
  const dismissAt = (id: string, index: number) => {
    dismiss(id);
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
      const next = buttons?.[Math.min(index, buttons.length - 1)];
      if (next) next.focus();
      else document.getElementById('main-content')?.focus();
    });
  };

  return (
    <section className="lock-notices" aria-labelledby={notices.length > 0 ? headingId : undefined} data-testid="lock-notices">
      {notices.length > 0 && (
        <h2 id={headingId} className="visually-hidden">
          Messages for you
        </h2>
      )}
      <ul ref={list} className="lock-notices__list" aria-live="polite" aria-relevant="additions">
        {notices.map((notice, index) => {
          const title = titleOf(notice.sectionId) ?? 'a section';
          return (
            <li key={notice.id} className={`lock-notice lock-notice--${notice.kind}`}>
              <p className="lock-notice__text">
                {noticeSentence(notice, title)}{' '}
                {notice.kind === 'lock-requested' && <a href={`#${encodeURIComponent(notice.sectionId)}`}>Go to {title}</a>}
              </p>
              <button type="button" className="button" onClick={() => dismissAt(notice.id, index)}>
                Dismiss<span className="visually-hidden"> the message about {title}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
