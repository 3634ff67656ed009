// Which conditional sections a plan carries, at the exact days the law turns them on.

import { describe, expect, it } from 'vitest';
import { applicableSections, birthdayAt, defaultPlanEnd } from '../../shared/template/applicability';
import { templateOf } from '../../shared/template/index';
import type { PlanFacts } from '../../shared/template/types';

const iep = templateOf('idea-iep');

/** A student born 15 June 2011, on a one-year plan ending `planEnd`; everything else unremarkable. */
function facts(overrides: Partial<PlanFacts> = {}): PlanFacts {
  return {
    dateOfBirth: '2011-06-15',
    planStart: '2026-12-01',
    planEnd: '2027-11-30',
    alternateAssessment: false,
    ageOfMajority: 18,
    ...overrides,
  };
}

function carries(sectionId: string, planFacts: PlanFacts): boolean {
  return applicableSections(iep, planFacts).some((section) => section.id === sectionId);
}

describe('transition services (§300.320(b): from the IEP in effect when the student turns 16)', () => {
  // Born 2011-06-15: turns 16 on 2027-06-15.
  it('is left out of a plan that ends the day before the 16th birthday', () => {
    expect(carries('transition', facts({ planStart: '2026-06-15', planEnd: '2027-06-14' }))).toBe(false);
  });

  it('is included in a plan that ends on the 16th birthday', () => {
    expect(carries('transition', facts({ planStart: '2026-06-16', planEnd: '2027-06-15' }))).toBe(true);
  });

  it('is included in a plan that ends the day after the 16th birthday', () => {
    expect(carries('transition', facts({ planStart: '2026-06-17', planEnd: '2027-06-16' }))).toBe(true);
  });

  it('stays in every later plan', () => {
    expect(carries('transition', facts({ planStart: '2029-01-10', planEnd: '2030-01-09' }))).toBe(true);
  });
});

describe('transfer of rights (§300.320(c): one year before the age of majority)', () => {
  // Age of majority 18: the statement is due from the plan in effect at the 17th birthday, 2028-06-15.
  it('is left out of a plan that ends the day before the student turns 17', () => {
    expect(carries('transfer-of-rights', facts({ planStart: '2027-06-15', planEnd: '2028-06-14' }))).toBe(false);
  });

  it('is included in a plan that ends on the 17th birthday', () => {
    expect(carries('transfer-of-rights', facts({ planStart: '2027-06-16', planEnd: '2028-06-15' }))).toBe(true);
  });

  it('is included in a plan that ends the day after the 17th birthday', () => {
    expect(carries('transfer-of-rights', facts({ planStart: '2027-06-17', planEnd: '2028-06-16' }))).toBe(true);
  });

  it("follows the state's age of majority: at 19, the notice starts a year later", () => {
    const atNineteen = { ageOfMajority: 19 };
    expect(birthdayAt('2011-06-15', 18)).toBe('2029-06-15');
    expect(carries('transfer-of-rights', facts({ ...atNineteen, planStart: '2028-06-15', planEnd: '2029-06-14' }))).toBe(false);
    expect(carries('transfer-of-rights', facts({ ...atNineteen, planStart: '2028-06-16', planEnd: '2029-06-15' }))).toBe(true);
  });
});

describe('short-term objectives (§300.320(a)(2)(ii): students on alternate assessments)', () => {
  it('is included when the student takes an alternate assessment', () => {
    expect(carries('short-term-objectives', facts({ alternateAssessment: true }))).toBe(true);
  });

  it('is left out when the student takes the general assessment', () => {
    expect(carries('short-term-objectives', facts({ alternateAssessment: false }))).toBe(false);
  });
});

describe('a young student on the general assessment', () => {
  it('gets every IEP section except the three conditional ones', () => {
    const young = facts({ dateOfBirth: '2018-03-02' });
    const left = iep.sections.filter((section) => !carries(section.id, young)).map((section) => section.id);
    expect(left).toEqual(['short-term-objectives', 'transition', 'transfer-of-rights']);
  });
});

describe('the Section 504 plan', () => {
  it('has no conditional sections, so every student gets all of it', () => {
    const plan = templateOf('section-504');
    for (const section of plan.sections) expect(section.applies, section.id).toEqual({ when: 'always' });
    const adultOnAlternate = facts({ dateOfBirth: '2005-01-01', alternateAssessment: true });
    expect(applicableSections(plan, adultOnAlternate)).toHaveLength(plan.sections.length);
  });
});

describe('the default plan end (annual review, §300.324(b))', () => {
  it('is the day before the first anniversary of the start', () => {
    expect(defaultPlanEnd('2026-12-01')).toBe('2027-11-30');
  });

  it('crosses a year end', () => {
    expect(defaultPlanEnd('2027-01-01')).toBe('2027-12-31');
  });

  it('ends on 28 February for a plan starting on leap day', () => {
    expect(defaultPlanEnd('2024-02-29')).toBe('2025-02-28');
  });

  it('ends on 29 February for a plan starting on 1 March before a leap year', () => {
    expect(defaultPlanEnd('2023-03-01')).toBe('2024-02-29');
  });
});
