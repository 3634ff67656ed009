// Section locks: who may claim, release, take over or hand over a section, as pure functions of the lock table.

import type { ErrorCode } from '../protocol/errors';
import { can, type Role } from './roles';

/** A server-held lease on one section by one participant, as recorded in the meeting doc. Times are epoch ms. */
export interface SectionLock {
  readonly holderId: string;
  readonly holderName: string;
  readonly since: number;
  /** When the lease lapses unless the holder edits the section (idle expiry); the holder is warned before. */
  readonly expiresAt: number;
  /** Someone asking the holder to hand the section over. */
  readonly request?: { readonly participantId: string; readonly name: string; readonly at: number };
}

export interface LockActor {
  readonly participantId: string;
  readonly roles: readonly Role[];
}

export type LockDecision = { readonly ok: true } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

const ALLOW: LockDecision = { ok: true };

export function heldByOther(lock: SectionLock | undefined, participantId: string): lock is SectionLock {
  return lock !== undefined && lock.holderId !== participantId;
}

/** Claiming a free section, or renewing one's own; taking over someone else's is the facilitator's alone. */
export function decideClaim(actor: LockActor, sectionId: string, lock: SectionLock | undefined, takeOver: boolean): LockDecision {
  if (!can(actor.roles, 'lock')) return { ok: false, code: 'CAPABILITY_MISSING', reason: 'Your role on this team cannot claim sections.' };
  if (!heldByOther(lock, actor.participantId)) return ALLOW;
  if (takeOver && can(actor.roles, 'manage-participants')) return ALLOW;
  return { ok: false, code: 'LOCKED_BY_OTHER', reason: `section ${sectionId} is held by ${lock.holderName}` };
}

/** The holder releases; the facilitator may release anyone's. */
export function decideRelease(actor: LockActor, sectionId: string, lock: SectionLock | undefined): LockDecision {
  if (!lock) return { ok: false, code: 'NOT_LOCKED', reason: `section ${sectionId} is not held by anyone` };
  if (lock.holderId === actor.participantId || can(actor.roles, 'manage-participants')) return ALLOW;
  return { ok: false, code: 'LOCKED_BY_OTHER', reason: `section ${sectionId} is held by ${lock.holderName}; only they or the case manager can release it` };
}

/** Anyone who could claim the section may ask its holder for it. */
export function decideRequest(actor: LockActor, sectionId: string, lock: SectionLock | undefined): LockDecision {
  if (!can(actor.roles, 'lock')) return { ok: false, code: 'CAPABILITY_MISSING', reason: 'Your role on this team cannot claim sections.' };
  if (!lock) return { ok: false, code: 'NOT_LOCKED', reason: `section ${sectionId} is free: claim it instead` };
  if (lock.holderId === actor.participantId) return { ok: false, code: 'BAD_REQUEST', reason: 'You already hold this section.' };
  return ALLOW;
}

/** Only the holder hands a section over, and only to someone who may hold it. */
export function decideHandOver(actor: LockActor, sectionId: string, lock: SectionLock | undefined, recipientRoles: readonly Role[] | undefined): LockDecision {
  if (!lock || lock.holderId !== actor.participantId) {
    return { ok: false, code: 'LOCKED_BY_OTHER', reason: `only the holder of section ${sectionId} can hand it over` };
  }
  if (!recipientRoles || !can(recipientRoles, 'lock')) return { ok: false, code: 'BAD_REQUEST', reason: 'That person cannot hold a section.' };
  return ALLOW;
}
