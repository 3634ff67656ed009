// The list of sections that apply to this plan, each showing who is in it right now.

import { useEffect, useState } from 'react';
import { Avatar } from './Avatar';
import type { Presence } from './use-presence';

interface NavSection {
  readonly id: string;
  readonly title: string;
}

interface SectionNavProps {
  readonly sections: readonly NavSection[];
  readonly currentId: string | undefined;
  readonly presence: readonly Presence[];
}

/** On narrow screens the list folds behind a button (CSS shows the button only there), and folds again after a choice. */
export function SectionNav({ sections, currentId, presence }: SectionNavProps) {
  const [expanded, setExpanded] = useState(false);
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
          return (
            <li key={section.id}>
              <a
                href={`#${encodeURIComponent(section.id)}`}
                className={current ? 'section-link section-link--current' : 'section-link'}
                aria-current={current ? 'page' : undefined}
                data-testid={`section-${section.id}`}
              >
                <span className="section-link__title">{section.title}</span>
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
