// The "Status and signatures" region of the meeting room: where the plan stands, signing, who has signed what, and the record's check.

import { useCallback } from 'react';
import type { PlanView } from '../../shared/protocol/api';
import { can } from '../../shared/rules/roles';
import { useMe } from '../account/me-context';
import type { PlanSession } from '../api/plan-session';
import { usePlanStatus } from '../meeting/use-plan-status';
import { useMyRoles } from '../team/use-my-roles';
import { LifecycleControls } from './LifecycleControls';
import { RecordCheck } from './RecordCheck';
import { SigningForm } from './SigningForm';
import { TeamSignOffs } from './TeamSignOffs';
import { useContentHashes } from './use-content-hashes';
import { useSigners } from './use-signers';
import { useSignOffs } from './use-signoffs';

/** The panel's id, for the link to it in the header. */
export const SIGN_OFF_PANEL = 'sign-off';
export const SIGN_OFF_HEADING = 'sign-off-heading';

export function SignOffPanel({ session, plan }: { readonly session: PlanSession; readonly plan: PlanView }) {
  const roles = useMyRoles(session, plan);
  const status = usePlanStatus(session, plan.status);
  const signOffs = useSignOffs(session);
  const signers = useSigners(session, plan, signOffs);
  const hashes = useContentHashes(session, plan);
  const { current } = useMe();
  // The server accepts a witness only from a staff session (a password sign-in) whose roles edit.
  const canWitness = current.state === 'signed-in' && current.me.authMethod === 'password' && can(roles, 'edit');
  const titleOf = useCallback((id: string) => plan.sections.find((section) => section.id === id)?.title ?? id, [plan.sections]);

  return (
    <section id={SIGN_OFF_PANEL} className="signoff-panel" aria-labelledby={SIGN_OFF_HEADING} data-testid="signoff-panel">
      <h2 id={SIGN_OFF_HEADING} tabIndex={-1}>
        Status and signatures
      </h2>
      <p className="help">
        Each signature says what it means and covers the text exactly as it read when it was given. If the text changes afterwards, the signature shows that
        it no longer covers it.
      </p>
      <LifecycleControls plan={plan} status={status} roles={roles} />
      <SigningForm plan={plan} status={status} roles={roles} signers={signers} canWitness={canWitness} titleOf={titleOf} />
      <TeamSignOffs signers={signers} signOffs={signOffs} hashes={hashes} myId={plan.me.id} titleOf={titleOf} />
      <RecordCheck session={session} />
    </section>
  );
}
