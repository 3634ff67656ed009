// The JSON shapes of Concord's HTTP API, shared by the server's routes and the client's typed calls.

import { z } from 'zod';
import type { Capability, Role } from '../rules/roles';
import type { PlanFacts, TemplateId } from '../template/types';

export const PLAN_STATUSES = ['draft', 'meeting', 'agreed', 'finalized'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const StudentSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  dateOfBirth: isoDate,
  grade: z.string().trim().max(40).optional(),
  school: z.string().trim().max(200).optional(),
  primaryLanguage: z.string().trim().max(80).optional(),
});
export type Student = z.infer<typeof StudentSchema>;

export interface ParticipantView {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface SectionView {
  readonly id: string;
  readonly title: string;
  /** The doc name at /collab/:iepId/:doc. */
  readonly doc: string;
  /** Whether the student's facts make this section part of the plan. */
  readonly applies: boolean;
}

export interface PlanView {
  readonly id: string;
  readonly template: TemplateId;
  readonly status: PlanStatus;
  readonly student: Student;
  readonly facts: PlanFacts;
  readonly sections: readonly SectionView[];
  readonly meetingDoc: string;
  /** The plan this one amends, and the amendments of this one. */
  readonly amends: string | null;
  readonly amendments: readonly string[];
  readonly participants: readonly ParticipantView[];
  readonly me: ParticipantView & { readonly capabilities: readonly Capability[] };
}

export interface PlanSummary {
  readonly id: string;
  readonly template: TemplateId;
  readonly status: PlanStatus;
  readonly studentName: string;
}
