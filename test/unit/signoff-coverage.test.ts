// Any change to signed content makes a signature stop covering it, and a change in one section leaves the other sections' approvals intact.

import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { sectionHash } from '../../shared/schema/canonical';
import { documentHash } from '../../shared/schema/document-hash';
import { fieldsOf, makeRow, richTextOf, rowsOf } from '../../shared/schema/section-doc';
import { writeSectionSeed } from '../../shared/schema/seed-content';
import { covers } from '../../shared/rules/signoffs';
import { applicableSections } from '../../shared/template/applicability';
import type { Part, SectionDef } from '../../shared/template/types';
import { DEMO_PLAN, DEMO_SEED, DEMO_STUDENT } from '../../server/demo/demo-plan';
import { iepTemplate } from '../helpers/plan-fixtures';

const facts = { ...DEMO_PLAN, dateOfBirth: DEMO_STUDENT.dateOfBirth };
const sections = applicableSections(iepTemplate, facts);
let rowCounter = 0;

function demoDocs(): Map<string, Y.Doc> {
  return new Map(
    sections.map((section) => {
      const doc = new Y.Doc();
      writeSectionSeed(section, doc, DEMO_SEED[section.id], () => `row-${++rowCounter}`);
      return [section.id, doc];
    }),
  );
}

type Mutation = 'insert-text' | 'delete-text' | 'format' | 'cell' | 'choice' | 'reorder' | 'add-row';

/** Applies one kind of change to a part if the part allows it; returns whether anything changed. */
function mutate(doc: Y.Doc, part: Part, mutation: Mutation, seed: number): boolean {
  if (part.kind === 'richtext') {
    const first = richTextOf(doc, part).get(0);
    const text = first instanceof Y.XmlElement ? first.get(0) : undefined;
    if (!(text instanceof Y.XmlText) || text.length < 2) return false;
    if (mutation === 'insert-text') text.insert(seed % text.length, 'x');
    else if (mutation === 'delete-text') text.delete(seed % text.length, 1);
    else if (mutation === 'format') text.format(0, Math.max(1, seed % text.length), { italic: {} });
    else return false;
    return true;
  }
  if (part.kind === 'fields') {
    const field = part.fields[seed % part.fields.length];
    if (!field) return false;
    const map = fieldsOf(doc, part);
    const value = map.get(field.id);
    if (mutation === 'cell' && value instanceof Y.Text) value.insert(0, 'y');
    else if (mutation === 'choice' && field.type === 'choice') {
      const options = field.options ?? [];
      const next = options.find((option) => option.value !== value);
      if (!next) return false;
      map.set(field.id, next.value);
    } else return false;
    return true;
  }
  const rows = rowsOf(doc, part);
  if (mutation === 'add-row') {
    rows.push([makeRow(part, `added-${seed}`)]);
    return true;
  }
  if (mutation === 'reorder' && rows.length >= 2) {
    const moved = rows.get(0).clone();
    rows.delete(0, 1);
    rows.push([moved]);
    return true;
  }
  if (mutation === 'cell' && rows.length > 0) {
    const column = part.columns.find((each) => each.type === 'text' || each.type === 'longtext');
    const cell = column ? rows.get(seed % rows.length).get(column.id) : undefined;
    if (!(cell instanceof Y.Text)) return false;
    cell.insert(0, 'z');
    return true;
  }
  return false;
}

describe('signature coverage', () => {
  it('any change to signed content (text, attribute, cell, choice, row order) stops the signature covering it; other sections keep theirs', () => {
    fc.assert(
      fc.property(
        fc.nat(sections.length - 1),
        fc.nat(20),
        fc.constantFrom<Mutation>('insert-text', 'delete-text', 'format', 'cell', 'choice', 'reorder', 'add-row'),
        fc.nat(1000),
        (sectionIndex, partIndex, mutation, seed) => {
          const docs = demoDocs();
          const docOf = (id: string) => docs.get(id) ?? new Y.Doc();
          const section = sections[sectionIndex] as SectionDef;
          const part = section.parts[partIndex % section.parts.length] as Part;
          const signedPlan = { contentHash: documentHash(iepTemplate, facts, docOf) };
          const approvals = new Map(sections.map((each) => [each.id, { contentHash: sectionHash(each, docOf(each.id)) }]));
          const changed = mutate(docOf(section.id), part, mutation, seed);
          fc.pre(changed);
          expect(covers(signedPlan, documentHash(iepTemplate, facts, docOf))).toBe(false);
          for (const each of sections) {
            const approval = approvals.get(each.id);
            if (!approval) throw new Error('no approval');
            expect(covers(approval, sectionHash(each, docOf(each.id))), each.id).toBe(each.id !== section.id);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a signature keeps covering content that was only re-encoded or merged', () => {
    const docs = demoDocs();
    const signed = documentHash(iepTemplate, facts, (id) => docs.get(id) ?? new Y.Doc());
    const copies = new Map([...docs].map(([id, doc]) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.mergeUpdates([Y.encodeStateAsUpdate(doc)]));
      return [id, copy];
    }));
    expect(covers({ contentHash: signed }, documentHash(iepTemplate, facts, (id) => copies.get(id) ?? new Y.Doc()))).toBe(true);
  });
});
