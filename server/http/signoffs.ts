// Sign-offs, status changes, amendments and the record's verification over HTTP.

import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { PLAN_STATUSES } from '../../shared/protocol/api';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { recordHeadOf } from '../../shared/protocol/meeting-doc';
import { can } from '../../shared/rules/roles';
import { type AuthMethodKind, SIGNOFF_KINDS } from '../../shared/rules/signoffs';
import { amend, changeStatus } from '../plan/lifecycle';
import { sign } from '../plan/signing';
import { type AppContext, caller, participantOn, sendError } from './context';

const SignBody = z.object({
  kind: z.enum(SIGNOFF_KINDS),
  sectionId: z.string().max(64).optional(),
  sectionIds: z.array(z.string().max(64)).max(40).optional(),
  statement: z.string().max(10_000).optional(),
  typedName: z.string().trim().min(1).max(200),
  /** In-room signing on a staff member's device: the participant who signs; the caller witnesses. */
  onBehalfOf: z.string().max(64).optional(),
});

const StatusBody = z.object({ status: z.enum(PLAN_STATUSES) });

export function signoffsRouter(context: AppContext): Router {
  const router = Router();

  function refused(request: Request, response: Response, actor: string, code: Parameters<typeof sendError>[1], reason: string): void {
    context.audit.record({ actor, iepId: String(request.params.id), action: 'request.refused', detail: { route: `${request.method} ${request.route?.path ?? ''}`, code }, ip: request.ip });
    sendError(response, code, reason);
  }

  router.post('/api/ieps/:id/signoffs', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return;
    const body = SignBody.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST', 'A signature needs its kind and your typed name.');
    const { plan, participant } = access;
    let signer = participant;
    let witness;
    let authMethod: AuthMethodKind = who.session.authMethod === 'password' ? 'staff-session' : 'invitation-link';
    if (body.data.onBehalfOf && body.data.onBehalfOf !== participant.id) {
      const onBehalf = context.plans.participant(body.data.onBehalfOf);
      if (!onBehalf || onBehalf.iepId !== plan.id) return sendError(response, 'NOT_FOUND', 'There is no such participant on this plan.');
      if (who.session.authMethod !== 'password' || !can(participant.roles, 'edit')) {
        return refused(request, response, participant.id, 'CAPABILITY_MISSING', 'Only a signed-in staff member can witness a signature on their device.');
      }
      signer = onBehalf;
      witness = participant;
      authMethod = 'in-room-witnessed';
    }
    const sectionIds = body.data.sectionIds ?? (body.data.sectionId ? [body.data.sectionId] : []);
    const outcome = sign(context, plan, signer, { kind: body.data.kind, sectionIds, statement: body.data.statement ?? '', typedName: body.data.typedName }, authMethod, witness);
    if (!outcome.ok) return refused(request, response, participant.id, outcome.code, outcome.reason);
    response.status(201).json(outcome.signOff);
  });

  router.get('/api/ieps/:id/signoffs', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return;
    response.json(context.record.entries(access.plan.id).filter((entry) => entry.kind === 'signoff'));
  });

  router.post('/api/ieps/:id/status', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return;
    const body = StatusBody.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST', `The status must be one of ${PLAN_STATUSES.join(', ')}.`);
    const outcome = changeStatus(context, access.participant, access.plan, body.data.status);
    if (!outcome.ok) return refused(request, response, access.participant.id, outcome.code, outcome.reason);
    response.json({ status: body.data.status });
  });

  router.post('/api/ieps/:id/amendments', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return;
    const outcome = amend(context, access.participant, access.plan);
    if (!outcome.ok) return refused(request, response, access.participant.id, outcome.code, outcome.reason);
    response.status(201).json({ id: outcome.id, amends: access.plan.id });
  });

  router.get('/api/ieps/:id/record/verify', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return;
    const head = context.rooms.readAsServer(access.plan.id, MEETING_DOC, recordHeadOf);
    response.json(context.record.verify(access.plan.id, typeof head === 'string' ? undefined : head));
  });

  return router;
}
