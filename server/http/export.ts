// GET /api/ieps/:id/export.pdf, .docx and .html: the plan as it stands with its signature page, each export audited as a disclosure.

import { Router } from 'express';
import { CONTENT_TYPES, EXPORT_FORMATS } from '../export/formats';
import { readPlanSnapshot } from '../export/plan-snapshot';
import { exportFileName } from '../export/running-text';
import { type AppContext, caller, participantOn } from './context';

export function exportRouter(context: AppContext): Router {
  const router = Router();

  for (const format of EXPORT_FORMATS) {
    router.get(`/api/ieps/:id/export.${format}`, async (request, response, next) => {
      const who = caller(context, request, response);
      if (!who) return;
      const access = participantOn(context, who, request.params.id, request, response, 'export');
      if (!access) return;
      const { plan, participant } = access;
      try {
        const snapshot = readPlanSnapshot(context, plan);
        const body = await context.exports.render(format, snapshot);
        // A copy handed out is a disclosure of the education record (34 CFR 99.32): who received which content, in what form.
        context.audit.record({ actor: participant.id, iepId: plan.id, action: 'plan.disclosed', detail: { format, documentHash: snapshot.documentHash, status: snapshot.status }, ip: request.ip });
        response.setHeader('Content-Type', CONTENT_TYPES[format]);
        response.setHeader('Content-Disposition', `attachment; filename="${exportFileName(plan.id, format)}"`);
        response.setHeader('Cache-Control', 'no-store');
        response.send(body);
      } catch (error) {
        next(error);
      }
    });
  }

  return router;
}
