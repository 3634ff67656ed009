// Every error Concord reports, with its HTTP status and the plain sentence a participant sees.

export const ERRORS = {
  BAD_REQUEST: { status: 400, message: 'The request was not understood.' },
  NOT_SIGNED_IN: { status: 401, message: 'Please sign in, or open your invitation link again.' },
  BAD_CREDENTIALS: { status: 401, message: 'That email and password do not match an account.' },
  TOO_MANY_CONNECTIONS: { status: 429, message: 'Too many open windows for one person; close some and reload.' },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many attempts. Please wait a few minutes and try again.' },
  INVITATION_INVALID: { status: 401, message: 'This invitation link is not valid any more. Ask the case manager for a new one.' },
  NOT_A_PARTICIPANT: { status: 403, message: 'You are not on this student’s team.' },
  FORBIDDEN_ORIGIN: { status: 403, message: 'This page is not allowed to connect to Concord.' },
  CAPABILITY_MISSING: { status: 403, message: 'Your role on this team does not allow this.' },
  ROLE_CANNOT_EDIT: { status: 403, message: 'You can read and comment; editing the plan is for school staff.' },
  SERVER_WRITTEN_DOC: { status: 403, message: 'The meeting record is kept by Concord itself.' },
  LOCKED_BY_OTHER: { status: 409, message: 'Someone else is editing this section right now.' },
  DOCUMENT_FROZEN: { status: 409, message: 'The plan is agreed or finalized: its content no longer changes.' },
  BAD_TRANSITION: { status: 409, message: 'The plan cannot move to that state from where it is.' },
  NOT_LOCKED: { status: 409, message: 'Nobody holds this section.' },
  UNKNOWN_IEP: { status: 404, message: 'There is no such plan.' },
  UNKNOWN_DOC: { status: 404, message: 'There is no such section in this plan.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  CONFLICT: { status: 409, message: 'That already exists.' },
  FRAME_TOO_LARGE: { status: 413, message: 'That change is too large to send at once.' },
  MALFORMED_FRAME: { status: 400, message: 'Your browser sent something Concord could not read; reconnecting.' },
  UPDATE_REJECTED: { status: 400, message: 'A change could not be applied; reconnecting.' },
  NOT_SAVED: { status: 503, message: 'Concord could not save changes just now. Your text is kept on your screen.' },
  SERVER_BUSY: { status: 503, message: 'Concord is very busy right now; trying again in a moment.' },
  SHUTTING_DOWN: { status: 503, message: 'Concord is restarting; reconnecting.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

export function errorBody(code: ErrorCode, message: string = ERRORS[code].message): ErrorBody {
  return { error: { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}
