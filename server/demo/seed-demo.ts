// The demo: on an empty database, a fictional student's IEP with realistic content; at every start, fresh sign-in links for its team.

import { ROLE_LABELS } from '../../shared/rules/roles';
import type { AppContext } from '../http/context';
import { createPlan } from '../plan/create-plan';
import { DEMO_PARTICIPANTS, DEMO_PLAN, DEMO_SEED, DEMO_STUDENT } from './demo-plan';

export interface DemoLink {
  readonly name: string;
  readonly roles: string;
  readonly url: string;
}

export function ensureDemo(context: AppContext, baseUrl: string): DemoLink[] {
  let plan = context.plans.demo();
  if (!plan && context.plans.count() === 0) {
    plan = createPlan(context.db, context.plans, context.log, {
      template: DEMO_PLAN.template,
      student: DEMO_STUDENT,
      facts: {
        dateOfBirth: DEMO_STUDENT.dateOfBirth,
        planStart: DEMO_PLAN.planStart,
        planEnd: DEMO_PLAN.planEnd,
        alternateAssessment: DEMO_PLAN.alternateAssessment,
        ageOfMajority: DEMO_PLAN.ageOfMajority,
      },
      participants: DEMO_PARTICIPANTS,
      seed: DEMO_SEED,
      isDemo: true,
    }).plan;
  }
  if (!plan) return [];
  return context.plans.participants(plan.id).map((participant) => ({
    name: participant.name,
    roles: participant.roles.map((role) => ROLE_LABELS[role]).join(', '),
    url: `${baseUrl}/join/${context.sessions.invite(participant.id)}`,
  }));
}
