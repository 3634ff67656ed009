// The "Team" button in the meeting header and the modal dialog it opens: the team for everyone, the controls for its managers.

import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PlanView } from '../../shared/protocol/api';
import { can, type Role } from '../../shared/rules/roles';
import type { PlanSession } from '../api/plan-session';
import { AddParticipantForm } from './AddParticipantForm';
import { TeamList } from './TeamList';
import { useTeam } from './use-team';

interface TeamPanelProps {
  readonly session: PlanSession;
  readonly plan: PlanView;
  /** The local participant's live roles (from `useMyRoles`). */
  readonly roles: readonly Role[];
}

export function TeamPanel({ session, plan, roles }: TeamPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const team = useTeam(session);
  const canManage = can(roles, 'manage-participants');

  const show = () => {
    // The content must exist before showModal, which moves focus to the dialog's first control.
    flushSync(() => setOpen(true));
    dialog.current?.showModal();
  };
  // Escape closes a modal <dialog> by itself; closing it any way drops its content, so links shown in it are gone.
  const closed = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <>
      <button ref={opener} type="button" className="button team-button" aria-haspopup="dialog" onClick={show}>
        Team
      </button>
      <dialog ref={dialog} className="team-dialog" aria-labelledby="team-heading" onClose={closed}>
        {open && (
          <>
            <div className="team-dialog__top">
              <h2 id="team-heading">Team</h2>
              <button type="button" className="button" onClick={() => dialog.current?.close()}>
                Close
              </button>
            </div>
            <p className="help">
              Everyone on this student’s team.{canManage && ' Changes you make here reach everyone in the meeting at once.'}
            </p>
            <TeamList iepId={plan.id} team={team} myId={plan.me.id} canManage={canManage} />
            {canManage && <AddParticipantForm iepId={plan.id} />}
          </>
        )}
      </dialog>
    </>
  );
}
