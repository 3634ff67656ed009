// The plan's lifecycle: draft → meeting → agreed → finalized, who may move it, and when content is frozen.

import type { PlanStatus } from '../protocol/api';
import type { ErrorCode } from '../protocol/errors';
import { can, type Role } from './roles';

export const STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  draft: 'Preliminary draft: a proposal for discussion',
  meeting: 'In the meeting',
  agreed: 'Agreed: content frozen for signatures',
  finalized: 'Finalized: the plan in effect',
};

/** Moves allowed between states. A finalized plan never changes: it is amended by a new version. */
const TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['meeting'],
  meeting: ['draft', 'agreed'],
  agreed: ['meeting', 'finalized'],
  finalized: [],
};

export function nextStatuses(from: PlanStatus): readonly PlanStatus[] {
  return TRANSITIONS[from];
}

/** In `agreed` and `finalized` nobody writes any section: signatures must cover exactly what was agreed. */
export function isFrozen(status: PlanStatus): boolean {
  return status === 'agreed' || status === 'finalized';
}

export type TransitionDecision = { readonly ok: true } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

export function decideTransition(roles: readonly Role[], from: PlanStatus, to: PlanStatus): TransitionDecision {
  if (!can(roles, 'change-status')) return { ok: false, code: 'CAPABILITY_MISSING', reason: 'Your role on this team cannot change the plan’s status.' };
  if (!TRANSITIONS[from].includes(to)) {
    return { ok: false, code: 'BAD_TRANSITION', reason: `The plan is “${STATUS_LABELS[from]}”; it cannot move to “${STATUS_LABELS[to]}” from there.` };
  }
  return { ok: true };
}

/** Only a finalized plan is amended; the amendment starts as a draft holding the plan's content. */
export function decideAmendment(roles: readonly Role[], status: PlanStatus): TransitionDecision {
  if (!can(roles, 'change-status')) return { ok: false, code: 'CAPABILITY_MISSING', reason: 'Your role on this team cannot start an amendment.' };
  if (status !== 'finalized') return { ok: false, code: 'BAD_TRANSITION', reason: 'Only a finalized plan is amended; change this one directly.' };
  return { ok: true };
}
