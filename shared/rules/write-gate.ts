// Whether a participant may change a document right now: the rule the server's gate applies to every sync frame.

import { MEETING_DOC } from '../protocol/doc-names';
import type { ErrorCode } from '../protocol/errors';
import type { PlanStatus } from '../protocol/api';
import { isFrozen } from './lifecycle';
import { heldByOther, type SectionLock } from './locks';
import { can, type Role } from './roles';

export interface WriteContext {
  readonly participantId: string;
  readonly roles: readonly Role[];
  /** The doc being written: a section id or the meeting doc. */
  readonly doc: string;
  /** The section's lock, if anyone holds it. */
  readonly lock?: SectionLock | undefined;
  /** The plan's lifecycle state; agreed and finalized plans take no edits. */
  readonly status?: PlanStatus | undefined;
}

export type WriteDecision = { readonly ok: true } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

const ALLOW: WriteDecision = { ok: true };

/** The meeting doc is the server's record (status, locks, sign-offs, comments): only the server writes it. */
export function decideWrite({ participantId, roles, doc, lock, status }: WriteContext): WriteDecision {
  if (doc === MEETING_DOC) {
    return { ok: false, code: 'SERVER_WRITTEN_DOC', reason: 'the meeting record is written by the server only' };
  }
  if (!can(roles, 'edit')) {
    return { ok: false, code: 'ROLE_CANNOT_EDIT', reason: `section ${doc}: your role may comment but not edit` };
  }
  if (status && isFrozen(status)) {
    return { ok: false, code: 'DOCUMENT_FROZEN', reason: `section ${doc}: the plan is ${status}; changes go into an amendment` };
  }
  if (heldByOther(lock, participantId)) {
    return { ok: false, code: 'LOCKED_BY_OTHER', reason: `section ${doc} is locked by ${lock.holderName}` };
  }
  return ALLOW;
}
