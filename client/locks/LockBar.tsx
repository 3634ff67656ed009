// The lock bar on a section: who is editing it, the controls the lock rules offer this participant, and the holder's countdown.

import { useRef } from 'react';
import { participantsMap } from '../../shared/protocol/meeting-doc';
import type { SectionLock } from '../../shared/rules/locks';
import { isRole, type Role } from '../../shared/rules/roles';
import type { SectionDef } from '../../shared/template/types';
import { lockApi } from '../api/http';
import type { PlanSession } from '../api/plan-session';
import { HoldCountdown } from './HoldCountdown';
import { LockActions } from './LockActions';
import { LockIcon } from './LockIcon';
import { lockChoices } from './lock-choices';
import { holderSentence } from './lock-sentences';
import { useLockAction } from './use-lock-action';

interface LockBarProps {
  readonly session: PlanSession;
  readonly section: SectionDef;
  readonly lock: SectionLock | undefined;
  /** The local participant's live roles. */
  readonly roles: readonly Role[];
}

/** Live roles of a team member, for whether they may be handed a section. */
function rolesOf(session: PlanSession, participantId: string): readonly Role[] | undefined {
  const live = participantsMap(session.meeting.doc).get(participantId)?.roles.filter(isRole);
  return live ?? session.plan.participants.find((person) => person.id === participantId)?.roles;
}

/** Back to the section's first editable control: "Keep editing" means exactly that. */
function focusEditor(sectionId: string): void {
  const article = document.querySelector(`[data-section="${CSS.escape(sectionId)}"]`);
  article?.querySelector<HTMLElement>('[contenteditable="true"], input:not([readonly]), textarea:not([readonly])')?.focus();
}

export function LockBar({ session, section, lock, roles }: LockBarProps) {
  const me = session.plan.me.id;
  const iepId = session.plan.id;
  const choices = lockChoices({ participantId: me, roles }, section.id, lock, (id) => rolesOf(session, id));
  const action = useLockAction();
  const status = useRef<HTMLParagraphElement>(null);
  const state = !lock ? 'free' : lock.holderId === me ? 'mine' : 'held';

  // After a change the controls are different buttons; focus goes to the line that says what is true now.
  const perform = async (request: () => Promise<unknown>) => {
    if (await action.run(request)) status.current?.focus();
  };
  const keep = async () => {
    if (await action.run(() => lockApi.claim(iepId, section.id))) focusEditor(section.id);
  };

  return (
    <div className={`lock-bar lock-bar--${state}`} data-testid="lock-bar" data-lock-state={state}>
      <p ref={status} tabIndex={-1} className="lock-bar__status">
        <LockIcon open={!lock} />
        <span>{holderSentence(lock, me)}</span>
      </p>
      {choices.handOverTo && <p className="lock-bar__request">{choices.handOverTo.name} asks to edit this section.</p>}
      {choices.askedByMe && lock && <p className="lock-bar__request">You asked {lock.holderName} to hand this section over; they have been told.</p>}
      <LockActions
        choices={choices}
        title={section.title}
        holderName={lock?.holderName}
        busy={action.busy}
        onClaim={() => perform(() => lockApi.claim(iepId, section.id))}
        onRelease={() => perform(() => lockApi.release(iepId, section.id))}
        onAsk={() => perform(() => lockApi.ask(iepId, section.id))}
        onTakeOver={() => perform(() => lockApi.claim(iepId, section.id, true))}
        onHandOver={(to) => perform(() => lockApi.handOver(iepId, section.id, to))}
      />
      {action.error && (
        <p className="lock-bar__error" role="alert">
          {action.error}
        </p>
      )}
      {lock && state === 'mine' && <HoldCountdown lock={lock} title={section.title} busy={action.busy} onKeep={() => void keep()} />}
    </div>
  );
}
