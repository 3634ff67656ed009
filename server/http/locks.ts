// Section locks over HTTP: claim (or take over), release, ask the holder for a section, hand it over.

import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { LockActor } from '../../shared/rules/locks';
import { sectionOf, templateOf } from '../../shared/template/index';
import type { LockOutcome } from '../collab/section-locks';
import { type AppContext, caller, participantOn, sendError } from './context';

const Claim = z.object({ takeOver: z.boolean().optional() }).optional();
const HandOver = z.object({ to: z.string().min(1).max(64) });

type LockRequest = Request<{ id: string; sectionId: string }>;

export function locksRouter(context: AppContext): Router {
  const router = Router();

  /** The signed-in participant acting on a section of their plan, or an error already sent. */
  function actorOn(request: LockRequest, response: Response): { iepId: string; actor: LockActor & { name: string } } | undefined {
    const who = caller(context, request, response);
    if (!who) return undefined;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return undefined;
    if (!sectionOf(templateOf(access.plan.template), request.params.sectionId)) {
      sendError(response, 'UNKNOWN_DOC');
      return undefined;
    }
    const { id, roles, name } = access.participant;
    return { iepId: access.plan.id, actor: { participantId: id, roles, name } };
  }

  function answer(request: LockRequest, response: Response, actorId: string, outcome: LockOutcome, status = 200): void {
    if (!outcome.ok) {
      context.audit.record({ actor: actorId, iepId: request.params.id, action: 'request.refused', detail: { route: `${request.method} locks`, section: request.params.sectionId, code: outcome.code }, ip: request.ip });
      sendError(response, outcome.code, outcome.reason);
      return;
    }
    if (outcome.lock) response.status(status).json({ sectionId: request.params.sectionId, ...outcome.lock });
    else response.status(204).end();
  }

  router.post('/api/ieps/:id/locks/:sectionId', (request, response) => {
    const on = actorOn(request, response);
    if (!on) return;
    const body = Claim.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST');
    answer(request, response, on.actor.participantId, context.locks.claim(on.actor, on.iepId, request.params.sectionId, body.data?.takeOver ?? false));
  });

  router.delete('/api/ieps/:id/locks/:sectionId', (request, response) => {
    const on = actorOn(request, response);
    if (!on) return;
    answer(request, response, on.actor.participantId, context.locks.release(on.actor, on.iepId, request.params.sectionId));
  });

  router.post('/api/ieps/:id/locks/:sectionId/requests', (request, response) => {
    const on = actorOn(request, response);
    if (!on) return;
    answer(request, response, on.actor.participantId, context.locks.request(on.actor, on.iepId, request.params.sectionId), 201);
  });

  router.post('/api/ieps/:id/locks/:sectionId/handover', (request, response) => {
    const on = actorOn(request, response);
    if (!on) return;
    const body = HandOver.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST', 'Say who should get the section.');
    answer(request, response, on.actor.participantId, context.locks.handOver(on.actor, on.iepId, request.params.sectionId, body.data.to));
  });

  return router;
}
