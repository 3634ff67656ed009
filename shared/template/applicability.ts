// Which conditional sections a plan must carry, computed from the student's facts.

import type { Applicability, PlanFacts, PlanTemplate, SectionDef } from './types';

/** The ISO date on which someone born on `dateOfBirth` turns `age` (string order equals date order for ISO dates). */
export function birthdayAt(dateOfBirth: string, age: number): string {
  const [year, rest] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(4)];
  return `${String(year + age).padStart(4, '0')}${rest}`;
}

export function applies(rule: Applicability, facts: PlanFacts): boolean {
  switch (rule.when) {
    case 'always':
      return true;
    case 'age-during-plan':
      return birthdayAt(facts.dateOfBirth, rule.age) <= facts.planEnd;
    case 'before-majority':
      return birthdayAt(facts.dateOfBirth, facts.ageOfMajority - rule.yearsBefore) <= facts.planEnd;
    case 'alternate-assessment':
      return facts.alternateAssessment;
  }
}

export function applicableSections(template: PlanTemplate, facts: PlanFacts): SectionDef[] {
  return template.sections.filter((section) => applies(section.applies, facts));
}

/** A plan runs a year from its start unless told otherwise (annual review, §300.324(b)). */
export function defaultPlanEnd(planStart: string): string {
  // Date.UTC, not parsing `${year + 1}-02-29`: engines disagree on out-of-range ISO strings (some give Invalid Date),
  // while Date.UTC's day overflow is specified, so day - 1 on the anniversary lands right even from a leap day.
  const [year, month, day] = planStart.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, day - 1)).toISOString().slice(0, 10);
}
