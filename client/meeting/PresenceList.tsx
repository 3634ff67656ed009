// "Who is here": everyone present, with their roles on the team and the section they are looking at.

import { ROLE_LABELS } from '../../shared/rules/roles';
import { Avatar } from './Avatar';
import type { Presence } from './use-presence';

interface PresenceListProps {
  readonly presence: readonly Presence[];
  readonly titleOf: (sectionId: string) => string | undefined;
}

export function PresenceList({ presence, titleOf }: PresenceListProps) {
  return (
    <aside className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Who is here</h2>
      <ul className="presence__list" data-testid="presence-list">
        {presence.map((person) => {
          const roles = person.user.roles.map((role) => ROLE_LABELS[role]).join(', ');
          const where = person.sections.map(titleOf).filter((title) => title !== undefined);
          return (
            <li key={person.user.participantId} className="presence__person" data-participant={person.user.participantId}>
              <Avatar name={person.user.name} color={person.user.color} />
              <span className="presence__text">
                <span className="presence__name">
                  {person.user.name}
                  {person.isMe && ' (you)'}
                </span>
                {roles && <span className="presence__roles">{roles}</span>}
                {where.length > 0 && <span className="presence__where">Looking at: {where.join(', ')}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
