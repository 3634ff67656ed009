// The banner of the meeting room: whose plan this is, what kind, where it stands, what you may do, the team, and the way out.

import type { ReactNode } from 'react';
import type { PlanStatus, PlanView } from '../../shared/protocol/api';
import type { Role } from '../../shared/rules/roles';
import { SessionControl } from '../account/SessionControl';
import { ExportLinks } from '../export/ExportLinks';
import type { PlanSession } from '../api/plan-session';
import { MyRights } from '../team/MyRights';
import { TeamPanel } from '../team/TeamPanel';
import { STATUS_LABELS } from '../../shared/rules/lifecycle';

interface MeetingHeaderProps {
  readonly plan: PlanView;
  readonly session: PlanSession;
  /** The local participant's live roles (from `useMyRoles`). */
  readonly roles: readonly Role[];
  readonly planTitle: string;
  readonly status: PlanStatus;
  /** The connection line, kept inside the banner landmark. */
  readonly children?: ReactNode;
}

export function MeetingHeader({ plan, session, roles, planTitle, status, children }: MeetingHeaderProps) {
  return (
    <header className="meeting-header">
      <div className="meeting-header__bar">
        <p className="brand">
          <a href="/">Concord</a>
        </p>
        <div className="meeting-header__actions">
          <TeamPanel session={session} plan={plan} roles={roles} />
          <SessionControl />
        </div>
      </div>
      <h1>
        {plan.student.firstName} {plan.student.lastName}
      </h1>
      <p className="plan-type">{planTitle}</p>
      <p className={`plan-status plan-status--${status}`}>{STATUS_LABELS[status]}</p>
      <MyRights roles={roles} />
      <ExportLinks iepId={plan.id} roles={roles} />
      {children}
    </header>
  );
}
