// GET /api/ieps and GET /api/ieps/:id: the plans a participant may open, and one plan's layout for the meeting room.

import { Router } from 'express';
import { z } from 'zod';
import { type PlanSummary, type PlanView, StudentSchema } from '../../shared/protocol/api';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { CAPABILITIES, can } from '../../shared/rules/roles';
import { applies, defaultPlanEnd } from '../../shared/template/applicability';
import { TEMPLATE_IDS, templateOf } from '../../shared/template/index';
import { factsSeed } from '../../shared/template/plan-facts-seed';
import type { TemplateId } from '../../shared/template/types';
import { createPlan } from '../plan/create-plan';
import { type AppContext, caller, participantOn, sendError } from './context';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const NewPlanBody = z.object({
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]),
  student: StudentSchema,
  plan: z
    .object({
      start: isoDate.optional(),
      end: isoDate.optional(),
      alternateAssessment: z.boolean().optional(),
      ageOfMajority: z.number().int().min(14).max(25).optional(),
    })
    .optional(),
});

export function plansRouter(context: AppContext): Router {
  const router = Router();

  router.get('/api/ieps', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const invited = who.session.participantId !== undefined ? context.plans.participant(who.session.participantId) : undefined;
    const plans = who.session.userId !== undefined ? context.plans.forUser(who.session.userId) : [invited && context.plans.get(invited.iepId)];
    const list: PlanSummary[] = plans
      .filter((plan) => plan !== undefined)
      .map((plan) => ({ id: plan.id, template: plan.template, status: plan.status, studentName: `${plan.student.firstName} ${plan.student.lastName}` }));
    context.audit.record({ actor: who.session.userId ?? who.session.participantId ?? null, iepId: null, action: 'plans.listed', detail: { count: list.length }, ip: request.ip });
    response.json(list);
  });

  router.post('/api/ieps', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    if (!who.user) {
      context.audit.record({ actor: who.session.participantId ?? null, iepId: null, action: 'request.refused', detail: { route: 'POST /api/ieps' }, ip: request.ip });
      sendError(response, 'CAPABILITY_MISSING', 'Only school staff signed in with an account can start a plan.');
      return;
    }
    const body = NewPlanBody.safeParse(request.body);
    if (!body.success) {
      sendError(response, 'BAD_REQUEST', `Check the plan details: ${body.error.issues.map((issue) => issue.path.join('.') || issue.message).join(', ')}.`);
      return;
    }
    const { template, student, plan: dates } = body.data;
    const planStart = dates?.start ?? new Date().toISOString().slice(0, 10);
    const facts = {
      dateOfBirth: student.dateOfBirth,
      planStart,
      planEnd: dates?.end ?? defaultPlanEnd(planStart),
      alternateAssessment: dates?.alternateAssessment ?? false,
      ageOfMajority: dates?.ageOfMajority ?? 18,
    };
    const { plan, participants } = createPlan(context.db, context.plans, context.log, {
      template,
      student,
      facts,
      participants: [{ name: who.user.name, roles: ['facilitator'], email: who.user.email, userId: who.user.id }],
      seed: factsSeed(templateOf(template), { ...student, planStart: facts.planStart, planEnd: facts.planEnd }),
    });
    context.audit.record({ actor: participants[0]?.id ?? who.user.id, iepId: plan.id, action: 'plan.created', detail: { template }, ip: request.ip });
    response.status(201).json({ id: plan.id });
  });

  router.get('/api/ieps/:id', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return;
    const { plan, participant } = access;
    context.audit.record({ actor: participant.id, iepId: plan.id, action: 'plan.read', ip: request.ip });
    const template = templateOf(plan.template);
    const view: PlanView = {
      id: plan.id,
      template: plan.template,
      status: plan.status,
      student: plan.student,
      facts: plan.facts,
      sections: template.sections.map((section) => ({ id: section.id, title: section.title, doc: section.id, applies: applies(section.applies, plan.facts) })),
      meetingDoc: MEETING_DOC,
      amends: plan.amendsId,
      amendments: context.plans.amendmentsOf(plan.id),
      participants: context.plans.participants(plan.id).map(({ id, name, roles }) => ({ id, name, roles })),
      me: {
        id: participant.id,
        name: participant.name,
        roles: participant.roles,
        capabilities: CAPABILITIES.filter((capability) => can(participant.roles, capability)),
      },
    };
    response.json(view);
  });

  return router;
}
