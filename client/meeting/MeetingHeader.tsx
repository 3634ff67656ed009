// The banner of the meeting room: whose plan this is, what kind of plan, and where it stands.

import type { ReactNode } from 'react';
import type { PlanStatus, Student } from '../../shared/protocol/api';
import { STATUS_LABELS } from './plan-status';

interface MeetingHeaderProps {
  readonly student: Student;
  readonly planTitle: string;
  readonly status: PlanStatus;
  /** The connection line, kept inside the banner landmark. */
  readonly children?: ReactNode;
}

export function MeetingHeader({ student, planTitle, status, children }: MeetingHeaderProps) {
  return (
    <header className="meeting-header">
      <p className="brand">
        <a href="/">Concord</a>
      </p>
      <h1>
        {student.firstName} {student.lastName}
      </h1>
      <p className="plan-type">{planTitle}</p>
      <p className={`plan-status plan-status--${status}`}>{STATUS_LABELS[status]}</p>
      {children}
    </header>
  );
}
