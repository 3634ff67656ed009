// The registry of plan templates: the only list of templates there is.

import { ideaIep } from './idea-iep';
import { section504 } from './section-504';
import type { PlanTemplate, SectionDef, TemplateId } from './types';

export const TEMPLATES: Readonly<Record<TemplateId, PlanTemplate>> = {
  'idea-iep': ideaIep,
  'section-504': section504,
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}

export function templateOf(id: TemplateId): PlanTemplate {
  return TEMPLATES[id];
}

export function sectionOf(template: PlanTemplate, sectionId: string): SectionDef | undefined {
  return template.sections.find((section) => section.id === sectionId);
}
