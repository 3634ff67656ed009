// Comment threads: their shape in the meeting doc, the limits on a message, and who may do what to which message.

import type { ErrorCode } from '../protocol/errors';
import { can, type Role } from './roles';

export const MAX_COMMENT_CHARS = 5000;

/** Where a thread points: a range of text (Yjs relative positions, base64, into one part), a table row, or the whole section. */
export type CommentAnchor =
  | { readonly kind: 'text'; readonly partId: string; readonly start: string; readonly end: string; readonly quote: string }
  | { readonly kind: 'row'; readonly partId: string; readonly rowId: string }
  | { readonly kind: 'section' };

export interface CommentMessage {
  readonly id: string;
  readonly authorId: string;
  readonly authorName: string;
  /** Plain text; links are made clickable on display, never markup. Empty once deleted. */
  readonly body: string;
  readonly mentions: readonly string[];
  readonly at: string;
  readonly editedAt?: string;
  /** A deleted message stays as a visible marker: the thread keeps its shape, and the audit log says who and when. */
  readonly deletedAt?: string;
}

export interface CommentThread {
  readonly id: string;
  readonly sectionId: string;
  readonly anchor: CommentAnchor;
  readonly resolved: boolean;
  readonly resolvedBy?: string;
  readonly createdAt: string;
  readonly messages: readonly CommentMessage[];
}

export type CommentDecision = { readonly ok: true } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

const ALLOW: CommentDecision = { ok: true };

export function decideComment(roles: readonly Role[]): CommentDecision {
  return can(roles, 'comment') ? ALLOW : { ok: false, code: 'CAPABILITY_MISSING', reason: 'Your role on this team cannot comment.' };
}

/** Only its author edits or deletes a message, and a deleted message stays deleted. */
export function decideOwnMessage(roles: readonly Role[], participantId: string, message: CommentMessage | undefined): CommentDecision {
  const base = decideComment(roles);
  if (!base.ok) return base;
  if (!message) return { ok: false, code: 'NOT_FOUND', reason: 'There is no such message.' };
  if (message.authorId !== participantId) return { ok: false, code: 'CAPABILITY_MISSING', reason: 'You can only change your own messages.' };
  if (message.deletedAt) return { ok: false, code: 'BAD_REQUEST', reason: 'That message was deleted.' };
  return ALLOW;
}

/** Mentions are written `@[Name](participantId)`; only ids of the plan's team count. */
export function mentionsIn(body: string, teamIds: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(/@\[[^\]]{1,200}\]\(([A-Za-z0-9_-]{1,64})\)/g)) {
    const id = match[1];
    if (id && teamIds.has(id)) found.add(id);
  }
  return [...found];
}
