// Every plan template is well formed, and the IEP template carries every element §300.320 requires.

import { describe, expect, it } from 'vitest';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { ROW_ID } from '../../shared/schema/section-doc';
import { TEMPLATE_IDS, templateOf } from '../../shared/template/index';
import type { FieldDef, Part, SectionDef } from '../../shared/template/types';

const ID = /^[a-z][a-z0-9-]*$/;

/** The fields of a fields part or the columns of a table; none for prose or a missing part. */
function fieldsOfPart(part: Part | undefined): readonly FieldDef[] {
  if (part?.kind === 'fields') return part.fields;
  if (part?.kind === 'table') return part.columns;
  return [];
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function partOf(section: SectionDef | undefined, partId: string): Part | undefined {
  return section?.parts.find((part) => part.id === partId);
}

describe.each(TEMPLATE_IDS)('template %s', (templateId) => {
  const template = templateOf(templateId);
  const sectionIds = template.sections.map((section) => section.id);

  it('knows its own id and says what the plan is called', () => {
    expect(template.id).toBe(templateId);
    expect(template.title.trim()).not.toBe('');
    expect(template.shortName.trim()).not.toBe('');
    expect(template.legalBasis.trim()).not.toBe('');
  });

  it('names each section doc once, in the id alphabet, never as the meeting doc', () => {
    expect(duplicates(sectionIds)).toEqual([]);
    for (const id of sectionIds) expect(id).toMatch(ID);
    expect(sectionIds).not.toContain(MEETING_DOC);
  });

  it('gives each section a unique title, a legal reference and a plain-language summary', () => {
    expect(duplicates(template.sections.map((section) => section.title))).toEqual([]);
    for (const section of template.sections) {
      expect(section.title.trim(), section.id).not.toBe('');
      expect(section.legalRef.trim(), section.id).not.toBe('');
      expect(section.legalRef, section.id).toMatch(/^34 CFR §/);
      expect(section.summary.trim(), section.id).not.toBe('');
      expect(section.parts.length, section.id).toBeGreaterThan(0);
    }
  });

  it('gives each part of a section its own id, since parts share one Y.Doc', () => {
    for (const section of template.sections) {
      const partIds = section.parts.map((part) => part.id);
      expect(duplicates(partIds), section.id).toEqual([]);
      for (const id of partIds) expect(id, section.id).toMatch(ID);
    }
  });

  it('gives each field or column its own id within its part, and no column takes the row id key', () => {
    for (const section of template.sections) {
      for (const part of section.parts) {
        const where = `${section.id}/${part.id}`;
        const ids = fieldsOfPart(part).map((field) => field.id);
        expect(duplicates(ids), where).toEqual([]);
        for (const id of ids) expect(id, where).toMatch(ID);
        if (part.kind === 'table') {
          expect(ids, where).not.toContain(ROW_ID);
          expect(part.rowNoun.trim(), where).not.toBe('');
          expect(part.columns.length, where).toBeGreaterThan(0);
        }
        if (part.kind === 'fields') expect(part.fields.length, where).toBeGreaterThan(0);
      }
    }
  });

  it('offers at least two distinct, id-shaped values for every choice, and options only on choices', () => {
    for (const section of template.sections) {
      for (const part of section.parts) {
        for (const field of fieldsOfPart(part)) {
          const where = `${section.id}/${part.id}/${field.id}`;
          if (field.type !== 'choice') {
            expect(field.options, where).toBeUndefined();
            continue;
          }
          const values = (field.options ?? []).map((option) => option.value);
          expect(values.length, where).toBeGreaterThanOrEqual(2);
          expect(duplicates(values), where).toEqual([]);
          for (const value of values) expect(value, where).toMatch(ID);
          for (const option of field.options ?? []) expect(option.label.trim(), where).not.toBe('');
        }
      }
    }
  });
});

describe('the IDEA IEP template', () => {
  const iep = templateOf('idea-iep');
  const section = (id: string) => iep.sections.find((each) => each.id === id);

  it.each([
    ['§300.320(a)(1)', 'present-levels'],
    ['§300.320(a)(2)(i)', 'annual-goals'],
    ['§300.320(a)(2)(ii)', 'short-term-objectives'],
    ['§300.320(a)(3)', 'progress-reporting'],
    ['§300.320(a)(4)', 'special-education-services'],
    ['§300.320(a)(4)', 'supplementary-aids'],
    ['§300.320(a)(5)', 'least-restrictive-environment'],
    ['§300.320(a)(6)', 'assessment-participation'],
    ['§300.320(b)', 'transition'],
    ['§300.320(c)', 'transfer-of-rights'],
  ])('carries the %s element as section %s, citing it', (citation, sectionId) => {
    expect(section(sectionId)?.legalRef).toContain(citation);
  });

  it('records, per §300.320(a)(7), when each service begins and how often, where and how long it is given', () => {
    const columns = fieldsOfPart(partOf(section('special-education-services'), 'services')).map((column) => column.id);
    expect(columns).toEqual(expect.arrayContaining(['start-date', 'frequency', 'location', 'duration']));
  });

  it('measures every annual goal: baseline, criterion and method beside the statement', () => {
    const goals = fieldsOfPart(partOf(section('annual-goals'), 'goals'));
    expect(goals.map((column) => column.id)).toEqual(['area', 'baseline', 'statement', 'criterion', 'method', 'linked-need']);
  });

  it('asks the team to record a determination on each of the five special factors of §300.324(a)(2)', () => {
    const factors = partOf(section('special-factors'), 'factors');
    const choices = fieldsOfPart(factors).filter((field) => field.type === 'choice');
    expect(choices.map((field) => field.id)).toEqual(['behavior', 'english-learner', 'braille', 'communication', 'assistive-technology']);
    for (const field of choices) expect(field.options?.map((option) => option.value)).toEqual(['not-needed', 'addressed']);
  });

  it('offers exactly the 13 disability categories of §300.8 as the primary category', () => {
    const determination = partOf(section('eligibility'), 'determination');
    const primary = fieldsOfPart(determination).find((field) => field.id === 'primary-category');
    expect(primary?.options).toHaveLength(13);
  });

  it('keeps the order a team works through: student first, participants last', () => {
    expect(iep.sections[0]?.id).toBe('student-information');
    expect(iep.sections.at(-1)?.id).toBe('team-participants');
  });
});

describe('the Section 504 plan template', () => {
  const plan = templateOf('section-504');

  it('cites Part 104, not IDEA, for every section', () => {
    for (const section of plan.sections) expect(section.legalRef, section.id).toMatch(/§104\./);
  });

  it('opens with the same student header as the IEP, so a new plan fills either the same way', () => {
    const header = (templateId: 'idea-iep' | 'section-504') =>
      templateOf(templateId).sections[0]?.parts.map((part) => [part.id, fieldsOfPart(part).map((field) => field.id)]);
    expect(header('section-504')).toEqual(header('idea-iep'));
  });

  it('says who implements each accommodation', () => {
    const accommodations = plan.sections.find((section) => section.id === 'accommodations');
    const table = partOf(accommodations, 'accommodations');
    expect(fieldsOfPart(table).map((column) => column.id)).toContain('responsible');
  });
});
