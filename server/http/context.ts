// What every route needs: the stores, and the signed-in participant resolved from the session cookie.

import type { NextFunction, Request, Response } from 'express';
import { errorBody, ERRORS, type ErrorCode } from '../../shared/protocol/errors';
import { type Capability, can } from '../../shared/rules/roles';
import type { AuditLog } from '../auth/audit';
import type { OriginPolicy } from '../auth/origin';
import { participantFor } from '../auth/access';
import { readCookie, SESSION_COOKIE, type Session, type Sessions } from '../auth/sessions';
import type { Rooms } from '../collab/rooms';
import type { PlanStatuses } from '../collab/plan-statuses';
import type { ExportRenderer } from '../export/export-renderer';
import type { SectionLocks } from '../collab/section-locks';
import type { RecordLog } from '../store/record-log';
import type { CollabGateway } from '../collab/upgrade';
import type { Db } from '../store/database';
import type { DocLog } from '../store/doc-log';
import type { ParticipantRecord, PlanRecord, Plans } from '../store/plans';
import type { UserRecord, Users } from '../store/users';

export interface AppContext {
  readonly db: Db;
  readonly plans: Plans;
  readonly users: Users;
  readonly log: DocLog;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly rooms: Rooms;
  readonly gateway: CollabGateway;
  readonly locks: SectionLocks;
  readonly statuses: PlanStatuses;
  readonly record: RecordLog;
  readonly exports: ExportRenderer;
  /** The base of links Concord hands out (invitations), e.g. https://iep.district.example. */
  readonly publicUrl: string | null;
  readonly origins: OriginPolicy;
  readonly secureCookies: boolean;
}

export interface Caller {
  readonly session: Session;
  readonly token: string;
  /** The staff account, when the session is a password sign-in. */
  readonly user: UserRecord | undefined;
}

export function sendError(response: Response, code: ErrorCode, message?: string): void {
  response.status(ERRORS[code].status).json(errorBody(code, message));
}

/** Resolves the session cookie, or answers 401 and returns undefined. */
export function caller(context: AppContext, request: Request, response: Response): Caller | undefined {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  const session = context.sessions.find(token);
  const user = session?.userId !== undefined ? context.users.get(session.userId) : undefined;
  const stillValid = session && (session.userId === undefined ? context.plans.participant(session.participantId) !== undefined : user !== undefined);
  if (!session || !token || !stillValid) {
    sendError(response, 'NOT_SIGNED_IN');
    return undefined;
  }
  return { session, token, user };
}

/**
 * The caller's participant on this plan, checked for a capability. A plan the caller is not on answers exactly
 * like a plan that does not exist (404), so ids of other students' plans disclose nothing.
 */
export function participantOn(
  context: AppContext,
  who: Caller,
  iepId: string,
  request: Request,
  response: Response,
  capability: Capability,
): { plan: PlanRecord; participant: ParticipantRecord } | undefined {
  const plan = context.plans.get(iepId);
  const participant = plan ? participantFor(context.plans, who.session, plan.id) : undefined;
  if (!plan || !participant) {
    sendError(response, 'UNKNOWN_IEP');
    return undefined;
  }
  if (!can(participant.roles, capability)) {
    context.audit.record({ actor: participant.id, iepId: plan.id, action: 'request.refused', detail: { capability, route: `${request.method} ${request.route?.path ?? ''}` }, ip: request.ip });
    sendError(response, 'CAPABILITY_MISSING', `Your role on this team does not allow this (${capability}).`);
    return undefined;
  }
  return { plan, participant };
}

/** Refuses state-changing requests from pages on other origins (a second line behind SameSite cookies). */
export function originGuard(context: AppContext) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (unsafe && !context.origins.allows(request.headers.origin, request.headers.host)) {
      sendError(response, 'FORBIDDEN_ORIGIN');
      return;
    }
    next();
  };
}

/** Where links should point: the configured public URL, else the address this request came to. */
export function baseUrlOf(context: AppContext, request: Request): string {
  return context.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
