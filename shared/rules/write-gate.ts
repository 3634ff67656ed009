// Whether a participant may change a document right now: the rule the server's gate applies to every sync frame.

import { MEETING_DOC } from '../protocol/doc-names';
import type { ErrorCode } from '../protocol/errors';
import { can, type Role } from './roles';

export interface WriteContext {
  readonly roles: readonly Role[];
  /** The doc being written: a section id or the meeting doc. */
  readonly doc: string;
}

export type WriteDecision = { readonly ok: true } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

const ALLOW: WriteDecision = { ok: true };

/** The meeting doc is the server's record (status, locks, sign-offs, comments): only the server writes it. */
export function decideWrite({ roles, doc }: WriteContext): WriteDecision {
  if (doc === MEETING_DOC) {
    return { ok: false, code: 'SERVER_WRITTEN_DOC', reason: 'the meeting record is written by the server only' };
  }
  if (!can(roles, 'edit')) {
    return { ok: false, code: 'ROLE_CANNOT_EDIT', reason: `section ${doc}: your role may comment but not edit` };
  }
  return ALLOW;
}
