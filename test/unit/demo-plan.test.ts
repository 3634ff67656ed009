// The demo IEP fits the IDEA template exactly, fills every section Maya's plan carries, and tells one consistent story.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_PARTICIPANTS, DEMO_PLAN, DEMO_SEED, DEMO_STUDENT } from '../../server/demo/demo-plan';
import { StudentSchema } from '../../shared/protocol/api';
import { canonicalJson, canonicalSection } from '../../shared/schema/canonical';
import { writeSectionSeed, type SectionSeed } from '../../shared/schema/seed-content';
import { applicableSections, birthdayAt, defaultPlanEnd } from '../../shared/template/applicability';
import { templateOf } from '../../shared/template/index';
import type { FieldDef, Part, PartKind, PlanFacts, SectionDef } from '../../shared/template/types';

const iep = templateOf(DEMO_PLAN.template);
const facts: PlanFacts = { ...DEMO_PLAN, dateOfBirth: DEMO_STUDENT.dateOfBirth };
const carried = applicableSections(iep, facts);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function sectionOf(id: string): SectionDef {
  const section = iep.sections.find((each) => each.id === id);
  if (!section) throw new Error(`no IEP section ${id}`);
  return section;
}

function seedOf(sectionId: string): SectionSeed {
  const seed = DEMO_SEED[sectionId];
  if (!seed) throw new Error(`the demo has no content for ${sectionId}`);
  return seed;
}

function rowsOf(sectionId: string, partId: string): readonly Readonly<Record<string, string>>[] {
  return seedOf(sectionId).rows?.[partId] ?? [];
}

function fieldOf(sectionId: string, partId: string, fieldId: string): string | undefined {
  return seedOf(sectionId).fields?.[partId]?.[fieldId];
}

/** Every value the seed gives a part, with the field or column it is for. */
function seededValues(seed: SectionSeed, part: Part): { field: FieldDef | undefined; key: string; value: string }[] {
  const defs = part.kind === 'fields' ? part.fields : part.kind === 'table' ? part.columns : [];
  const records = part.kind === 'fields' ? [seed.fields?.[part.id] ?? {}] : part.kind === 'table' ? (seed.rows?.[part.id] ?? []) : [];
  return records.flatMap((record) =>
    Object.entries(record).map(([key, value]) => ({ field: defs.find((def) => def.id === key), key, value })),
  );
}

function isRealDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

describe("the demo student's facts", () => {
  it('describe a valid student record for the API', () => {
    expect(StudentSchema.safeParse(DEMO_STUDENT).success).toBe(true);
  });

  it('make her 15 when the plan starts, so the plan carries transition planning but not yet the transfer of rights', () => {
    expect(birthdayAt(DEMO_STUDENT.dateOfBirth, 15) <= DEMO_PLAN.planStart).toBe(true);
    expect(birthdayAt(DEMO_STUDENT.dateOfBirth, 16) > DEMO_PLAN.planStart).toBe(true);
    const ids = carried.map((section) => section.id);
    expect(ids).toContain('transition');
    expect(ids).not.toContain('transfer-of-rights');
    expect(ids).not.toContain('short-term-objectives');
  });

  it('run the plan for one year', () => {
    expect(DEMO_PLAN.planEnd).toBe(defaultPlanEnd(DEMO_PLAN.planStart));
  });
});

describe('the demo seed against the IDEA template', () => {
  it('only names sections of the template', () => {
    const known = iep.sections.map((section) => section.id);
    for (const id of Object.keys(DEMO_SEED)) expect(known, id).toContain(id);
  });

  it('seeds nothing the plan does not carry', () => {
    const ids = carried.map((section) => section.id);
    for (const id of Object.keys(DEMO_SEED)) expect(ids, id).toContain(id);
  });

  it('puts each piece of content in a part of the matching kind', () => {
    const kinds: readonly [keyof SectionSeed, PartKind][] = [
      ['richtext', 'richtext'],
      ['fields', 'fields'],
      ['rows', 'table'],
    ];
    for (const [sectionId, seed] of Object.entries(DEMO_SEED)) {
      const section = sectionOf(sectionId);
      for (const [key, kind] of kinds) {
        for (const partId of Object.keys(seed[key] ?? {})) {
          expect(section.parts.find((part) => part.id === partId)?.kind, `${sectionId}/${partId}`).toBe(kind);
        }
      }
    }
  });

  it('uses only field and column ids the part defines, with valid choices and real dates', () => {
    for (const [sectionId, seed] of Object.entries(DEMO_SEED)) {
      for (const part of sectionOf(sectionId).parts) {
        for (const { field, key, value } of seededValues(seed, part)) {
          const where = `${sectionId}/${part.id}/${key}`;
          expect(field, where).toBeDefined();
          if (field?.type === 'choice' && value !== '') {
            expect(field.options?.map((option) => option.value), where).toContain(value);
          }
          if (field?.type === 'date') expect(isRealDate(value), `${where} = ${value}`).toBe(true);
        }
      }
    }
  });

  it('fills every part of every section the plan carries', () => {
    for (const section of carried) {
      const seed = DEMO_SEED[section.id];
      expect(seed, section.id).toBeDefined();
      for (const part of section.parts) {
        const where = `${section.id}/${part.id}`;
        if (part.kind === 'richtext') expect(seed?.richtext?.[part.id]?.length ?? 0, where).toBeGreaterThan(0);
        if (part.kind === 'table') expect(seed?.rows?.[part.id]?.length ?? 0, where).toBeGreaterThan(0);
        if (part.kind === 'fields') {
          for (const field of part.fields) expect(seed?.fields?.[part.id]?.[field.id] ?? '', `${where}/${field.id}`).not.toBe('');
        }
      }
    }
  });

  it('writes into fresh section docs through the editor schema, every part ending up with content', () => {
    let rowNumber = 0;
    for (const section of carried) {
      const doc = new Y.Doc();
      writeSectionSeed(section, doc, DEMO_SEED[section.id], () => `row-${++rowNumber}`);
      const canonical = canonicalJson(canonicalSection(section, doc));
      expect(canonical, section.id).not.toContain('"value":[]');
      doc.destroy();
    }
  });
});

describe("the demo's story holds together", () => {
  it('opens with the same student and dates as the plan record', () => {
    expect(seedOf('student-information').fields?.student).toMatchObject({
      'first-name': DEMO_STUDENT.firstName,
      'last-name': DEMO_STUDENT.lastName,
      'date-of-birth': DEMO_STUDENT.dateOfBirth,
      grade: DEMO_STUDENT.grade,
      school: DEMO_STUDENT.school,
      'primary-language': DEMO_STUDENT.primaryLanguage,
    });
    expect(fieldOf('student-information', 'plan', 'plan-start')).toBe(DEMO_PLAN.planStart);
    expect(fieldOf('student-information', 'plan', 'plan-end')).toBe(DEMO_PLAN.planEnd);
    const meetingDate = fieldOf('student-information', 'plan', 'meeting-date') ?? '';
    expect(isRealDate(meetingDate) && meetingDate < DEMO_PLAN.planStart).toBe(true);
  });

  it('names as case manager the participant who facilitates', () => {
    const facilitator = DEMO_PARTICIPANTS.find((person) => person.roles.includes('facilitator'));
    expect(fieldOf('student-information', 'plan', 'case-manager')).toBe(facilitator?.name);
  });

  it('seats the team §300.321 requires, with the student invited because transition is discussed', () => {
    const roles = DEMO_PARTICIPANTS.flatMap((person) => person.roles);
    for (const role of ['parent', 'general-education-teacher', 'special-education-teacher', 'lea-representative', 'evaluator', 'student'] as const) {
      expect(roles, role).toContain(role);
    }
    expect(DEMO_PARTICIPANTS.filter((person) => person.roles.includes('facilitator'))).toHaveLength(1);
  });

  it('lists the same people in the participants table as on the team', () => {
    expect(rowsOf('team-participants', 'participants').map((row) => row.name)).toEqual(DEMO_PARTICIPANTS.map((person) => person.name));
  });

  it('gives only reserved example addresses, so no demo email reaches a real person', () => {
    for (const person of DEMO_PARTICIPANTS) {
      if (person.email) expect(person.email, person.name).toMatch(/@([a-z]+\.)?example\.(org|com)$/);
    }
  });

  it('sets at least three measurable goals, each with baseline, statement, criterion, method and linked need', () => {
    const goals = rowsOf('annual-goals', 'goals');
    expect(goals.length).toBeGreaterThanOrEqual(3);
    for (const goal of goals) {
      for (const column of ['area', 'baseline', 'statement', 'criterion', 'method', 'linked-need']) {
        expect(goal[column] ?? '', `${goal.statement} / ${column}`).not.toBe('');
      }
    }
  });

  it('schedules at least four services, each fully specified and inside the plan dates', () => {
    const services = rowsOf('special-education-services', 'services');
    expect(services.length).toBeGreaterThanOrEqual(4);
    for (const service of services) {
      for (const column of ['service', 'category', 'provider', 'start-date', 'end-date', 'frequency', 'duration', 'location']) {
        expect(service[column] ?? '', `${service.service} / ${column}`).not.toBe('');
      }
      const { 'start-date': start = '', 'end-date': end = '' } = service;
      expect(DEMO_PLAN.planStart <= start && start <= end && end <= DEMO_PLAN.planEnd, service.service).toBe(true);
    }
  });

  it('takes the general assessments, matching the plan fact that she is not on an alternate assessment', () => {
    expect(DEMO_PLAN.alternateAssessment).toBe(false);
    expect(fieldOf('assessment-participation', 'participation', 'state')).not.toBe('alternate');
    expect(fieldOf('assessment-participation', 'participation', 'district')).not.toBe('alternate');
  });

  it('places her in a regular class 80% or more of the day, as the stated percentage says', () => {
    expect(fieldOf('least-restrictive-environment', 'placement', 'setting')).toBe('regular-class-80-plus');
    const percent = Number.parseInt(fieldOf('least-restrictive-environment', 'placement', 'general-education-percent') ?? '', 10);
    expect(percent).toBeGreaterThanOrEqual(80);
  });

  it('records a determination on every special factor', () => {
    const factors = seedOf('special-factors').fields?.factors ?? {};
    for (const factor of ['behavior', 'english-learner', 'braille', 'communication', 'assistive-technology']) {
      expect(['not-needed', 'addressed'], factor).toContain(factors[factor]);
    }
  });

  it('sets postsecondary goals for education or training and for employment', () => {
    const areas = rowsOf('transition', 'postsecondary-goals').map((goal) => goal.area);
    expect(areas).toEqual(expect.arrayContaining(['education-training', 'employment']));
  });
});
