// GET /api/ieps/:id/audit: who read or changed this student's record, for those the capability table allows.

import { Router } from 'express';
import { type AppContext, caller, participantOn } from './context';

export function auditRouter(context: AppContext): Router {
  const router = Router();
  router.get('/api/ieps/:id/audit', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read-audit');
    if (!access) return;
    context.audit.record({ actor: access.participant.id, iepId: access.plan.id, action: 'audit.read', ip: request.ip });
    response.json(context.audit.forPlan(access.plan.id, Number(request.query.limit ?? 1000) || 1000));
  });
  return router;
}
