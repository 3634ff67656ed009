// The list of sections that apply to this plan, each showing who holds it, who is in it, and where your unsaved words wait.

import { useEffect, useState } from 'react';
import type { PlanSession } from '../api/plan-session';
import { DraftBadge } from '../drafts/DraftBadge';
import { LockIcon } from '../locks/LockIcon';
import { useLockAnnouncements } from '../locks/use-lock-announcements';
import { useLocks } from '../locks/use-locks';
import { Avatar } from './Avatar';
import type { Presence } from './use-presence';

interface NavSection {
  readonly id: string;
  readonly title: string;
}

interface SectionNavProps {
  readonly session: PlanSession;
  readonly sections: readonly NavSection[];
  readonly currentId: string | undefined;
  readonly presence: readonly Presence[];
}

/** On narrow screens the list folds behind a button (CSS shows the button only there), and folds again after a choice. */
export function SectionNav({ session, sections, currentId, presence }: SectionNavProps) {
  const [expanded, setExpanded] = useState(false);
  const locks = useLocks(session);
  useLockAnnouncements(session, locks, sections);
  useEffect(() => {
    if (currentId) setExpanded(false);
  }, [currentId]);
  return (
    <nav
      className={expanded ? 'section-nav' : 'section-nav section-nav--folded'}
      aria-labelledby="section-nav-heading"
      data-testid="section-nav"
    >
      <h2 id="section-nav-heading">Sections</h2>
      <button
        type="button"
        className="button section-nav__toggle"
        aria-expanded={expanded}
        aria-controls="section-nav-list"
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? 'Hide the list of sections' : `Show all ${sections.length} sections`}
      </button>
      <ol id="section-nav-list">
        {sections.map((section) => {
          const here = presence.filter((person) => person.sections.includes(section.id));
          const current = section.id === currentId;
          const lock = locks.get(section.id);
          return (
            <li key={section.id}>
              <a
                href={`#${encodeURIComponent(section.id)}`}
                className={current ? 'section-link section-link--current' : 'section-link'}
                aria-current={current ? 'page' : undefined}
                data-testid={`section-${section.id}`}
              >
                <span className="section-link__title">{section.title}</span>
                {lock && (
                  <span className="section-link__lock" data-testid={`lock-${section.id}`}>
                    <LockIcon />
                    <span className="visually-hidden">, </span>
                    held by {lock.holderId === session.plan.me.id ? 'you' : lock.holderName}
                  </span>
                )}
                <DraftBadge drafts={session.drafts} section={section} />
                {here.length > 0 && (
                  <span className="section-link__people">
                    {here.map((person) => (
                      <Avatar key={person.user.participantId} name={person.user.name} color={person.user.color} small />
                    ))}
                    <span className="visually-hidden">
                      {`, here: ${here.map((person) => (person.isMe ? `${person.user.name} (you)` : person.user.name)).join(', ')}`}
                    </span>
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
