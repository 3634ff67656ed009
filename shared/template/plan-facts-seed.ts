// The starting content a new plan gets from what Concord already knows: every field the template binds to a fact.

import type { SectionSeed } from '../schema/seed-content';
import type { PlanFact, PlanTemplate } from './types';

export type KnownFacts = Partial<Record<PlanFact, string>>;

export function factsSeed(template: PlanTemplate, facts: KnownFacts): Record<string, SectionSeed> {
  const seed: Record<string, SectionSeed> = {};
  for (const section of template.sections) {
    const fields: Record<string, Record<string, string>> = {};
    for (const part of section.parts) {
      if (part.kind !== 'fields') continue;
      for (const field of part.fields) {
        const value = field.fact ? facts[field.fact] : undefined;
        if (value !== undefined) (fields[part.id] ??= {})[field.id] = value;
      }
    }
    if (Object.keys(fields).length > 0) seed[section.id] = { fields };
  }
  return seed;
}
