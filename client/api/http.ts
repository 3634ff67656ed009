// The typed HTTP client: every call the pages make to the server, with errors as plain sentences.

import type { PlanSummary, PlanView, Student } from '../../shared/protocol/api';
import { ERRORS, isErrorCode, type ErrorCode } from '../../shared/protocol/errors';
import type { Role } from '../../shared/rules/roles';
import type { TemplateId } from '../../shared/template/types';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    /** The server's own sentence, when it names what to fix (which field, which account). */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Who the session belongs to: a staff account (`user`) or one invited participant of one plan. */
export interface Me {
  readonly user: { readonly id: string; readonly name: string; readonly email: string; readonly isAdmin: boolean } | null;
  readonly participant: { readonly id: string; readonly iepId: string; readonly name: string; readonly roles: readonly Role[] } | null;
  readonly authMethod: 'password' | 'invitation-link';
}

export interface NewPlan {
  readonly template: TemplateId;
  readonly student: Student;
  readonly plan: { readonly start?: string; readonly end?: string; readonly alternateAssessment?: boolean };
}

export interface NewStaffAccount {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly isAdmin: boolean;
}

export interface NewParticipant {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly email?: string;
}

/** An invitation link as the server hands it out: once, to the person who asked for it. */
export interface Invitation {
  readonly id: string;
  readonly inviteUrl: string;
}

const UNREACHABLE = 'Concord could not be reached. Check the connection and try again.';

/** The sentence to show for a failed request: the server's own words where they say what to fix. */
export function plainSentence(error: unknown): string {
  if (!(error instanceof ApiError)) return UNREACHABLE;
  const specific = error.code === 'BAD_REQUEST' || error.code === 'CONFLICT';
  return specific && error.detail ? error.detail : error.message;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = isErrorCode(error?.code) ? error.code : 'INTERNAL';
    const detail = typeof error?.message === 'string' ? error.message : undefined;
    throw new ApiError(code, ERRORS[code].message, response.status, detail);
  }
  return body as T;
}

function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return request<T>(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

const planPath = (iepId: string) => `/api/ieps/${encodeURIComponent(iepId)}`;
const participantPath = (iepId: string, participantId: string) => `${planPath(iepId)}/participants/${encodeURIComponent(participantId)}`;

export const api = {
  me: () => request<Me>('/api/me'),
  signIn: (email: string, password: string) => send<void>('POST', '/api/session', { email, password }),
  signOut: () => send<void>('DELETE', '/api/session'),
  createUser: (account: NewStaffAccount) => send<{ id: string }>('POST', '/api/users', account),

  plan: (iepId: string) => request<PlanView>(planPath(iepId)),
  plans: () => request<PlanSummary[]>('/api/ieps'),
  createPlan: (plan: NewPlan) => send<{ id: string }>('POST', '/api/ieps', plan),

  addParticipant: (iepId: string, person: NewParticipant) => send<Invitation>('POST', `${planPath(iepId)}/participants`, person),
  changeRoles: (iepId: string, participantId: string, roles: readonly Role[]) =>
    send<{ id: string; name: string; roles: Role[] }>('PATCH', participantPath(iepId, participantId), { roles }),
  removeParticipant: (iepId: string, participantId: string) => send<void>('DELETE', participantPath(iepId, participantId)),
  reissueInvitation: (iepId: string, participantId: string) => send<Invitation>('POST', `${participantPath(iepId, participantId)}/invitation`),
  revokeInvitation: (iepId: string, participantId: string) => send<void>('DELETE', `${participantPath(iepId, participantId)}/invitation`),
};

/** Section locks (issue 4): the lock as the server answers a claim, hand-over or request. */
export type LockAnswer = import('../../shared/rules/locks').SectionLock & { readonly sectionId: string };

const lockPath = (iepId: string, sectionId: string) => `${planPath(iepId)}/locks/${encodeURIComponent(sectionId)}`;

/** Claim (also renews one's own hold), release, ask the holder, hand over; the server writes the result to the meeting doc. */
export const lockApi = {
  claim: (iepId: string, sectionId: string, takeOver = false) =>
    send<LockAnswer>('POST', lockPath(iepId, sectionId), takeOver ? { takeOver: true } : undefined),
  release: (iepId: string, sectionId: string) => send<void>('DELETE', lockPath(iepId, sectionId)),
  ask: (iepId: string, sectionId: string) => send<LockAnswer>('POST', `${lockPath(iepId, sectionId)}/requests`),
  handOver: (iepId: string, sectionId: string, to: string) => send<LockAnswer>('POST', `${lockPath(iepId, sectionId)}/handover`, { to }),
};

/** Sign-off and the plan's lifecycle (issue 6): the client says what is signed and by whom; the server computes every hash. */
export interface SignOffRequest {
  readonly kind: import('../../shared/rules/signoffs').SignOffKind;
  /** The one section of a section approval. */
  readonly sectionId?: string;
  /** The listed parts of a partial consent (or its revocation); none for the whole plan. */
  readonly sectionIds?: readonly string[];
  /** The signer's own words; required for a disagreement. */
  readonly statement?: string;
  readonly typedName: string;
  /** In-room signing on a staff member's device: the participant who signs, with the caller as witness. */
  readonly onBehalfOf?: string;
}

/** The signed record's check: every entry's hash and link recomputed by the server. */
export type RecordVerification =
  | { readonly intact: true; readonly entries: number }
  | { readonly intact: false; readonly entries: number; readonly problem: string };

export const signOffApi = {
  sign: (iepId: string, body: SignOffRequest) => send<import('../../shared/rules/signoffs').SignOff>('POST', `${planPath(iepId)}/signoffs`, body),
  changeStatus: (iepId: string, status: import('../../shared/protocol/api').PlanStatus) =>
    send<{ readonly status: import('../../shared/protocol/api').PlanStatus }>('POST', `${planPath(iepId)}/status`, { status }),
  startAmendment: (iepId: string) => send<{ readonly id: string; readonly amends: string }>('POST', `${planPath(iepId)}/amendments`),
  verifyRecord: (iepId: string) => request<RecordVerification>(`${planPath(iepId)}/record/verify`),
};

/** Comments (issue 5): a thread on words, a table row or a whole section; the server writes every change to the meeting doc. */
export interface NewComment {
  readonly sectionId: string;
  /** None for the whole section. */
  readonly anchor?: import('../../shared/rules/comments').CommentAnchor;
  readonly body: string;
}

type CommentThreadAnswer = import('../../shared/rules/comments').CommentThread;

const threadPath = (iepId: string, threadId: string) => `${planPath(iepId)}/comments/${encodeURIComponent(threadId)}`;
const messagePath = (iepId: string, threadId: string, messageId: string) => `${threadPath(iepId, threadId)}/messages/${encodeURIComponent(messageId)}`;

export const commentApi = {
  start: (iepId: string, comment: NewComment) => send<CommentThreadAnswer>('POST', `${planPath(iepId)}/comments`, comment),
  reply: (iepId: string, threadId: string, body: string) => send<CommentThreadAnswer>('POST', `${threadPath(iepId, threadId)}/replies`, { body }),
  setResolved: (iepId: string, threadId: string, resolved: boolean) => send<CommentThreadAnswer>('PATCH', threadPath(iepId, threadId), { resolved }),
  edit: (iepId: string, threadId: string, messageId: string, body: string) =>
    send<CommentThreadAnswer>('PATCH', messagePath(iepId, threadId, messageId), { body }),
  remove: (iepId: string, threadId: string, messageId: string) => send<CommentThreadAnswer>('DELETE', messagePath(iepId, threadId, messageId)),
};
