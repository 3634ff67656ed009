// Names of the Y.Docs that make up one plan: one per template section, plus the server-written meeting doc.

import type { PlanTemplate } from '../template/types';

export const MEETING_DOC = 'meeting';

export function docNames(template: PlanTemplate): string[] {
  return [...template.sections.map((section) => section.id), MEETING_DOC];
}

export function isDocOf(template: PlanTemplate, name: string): boolean {
  return name === MEETING_DOC || template.sections.some((section) => section.id === name);
}
