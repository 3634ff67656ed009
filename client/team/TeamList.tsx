// Everyone on the team with their roles, live; a manager can open one member at a time to change roles, links or membership.

import { useRef, useState } from 'react';
import { MemberActions } from './MemberActions';
import { roleLabels } from './role-choices';
import type { TeamMember } from './use-team';

interface TeamListProps {
  readonly iepId: string;
  readonly team: readonly TeamMember[];
  readonly myId: string;
  readonly canManage: boolean;
}

export function TeamList({ iepId, team, myId, canManage }: TeamListProps) {
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const removed = (name: string) => {
    setOpen(null);
    setNotice(`${name} was removed from the team.`);
    heading.current?.focus();
  };

  return (
    <section className="team-section" aria-labelledby="team-list-heading">
      <h3 id="team-list-heading" ref={heading} tabIndex={-1}>
        Members ({team.length})
      </h3>
      <ul className="team-list" data-testid="team-list">
        {team.map((member) => {
          const isMe = member.id === myId;
          const expanded = open === member.id;
          const panelId = `member-${member.id}`;
          return (
            <li key={member.id} className="team-member" data-participant={member.id}>
              <div className="team-member__summary">
                <span className="team-member__text">
                  <span className="team-member__name">
                    {member.name}
                    {isMe && ' (you)'}
                  </span>
                  <span className="team-member__roles">{roleLabels(member.roles)}</span>
                </span>
                {canManage && !isMe && (
                  <button
                    type="button"
                    className="button"
                    aria-expanded={expanded}
                    aria-controls={panelId}
                    onClick={() => setOpen(expanded ? null : member.id)}
                  >
                    Manage<span className="visually-hidden"> {member.name}</span>
                  </button>
                )}
              </div>
              {expanded && (
                <div id={panelId}>
                  <MemberActions iepId={iepId} member={member} onRemoved={() => removed(member.name)} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {/* Inside the dialog: a modal dialog makes the page's own live region inert, so it would not be heard. */}
      <p className="form-success" role="status">
        {notice}
      </p>
    </section>
  );
}
