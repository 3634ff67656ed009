// The canonical hash of a section: stable however the content was encoded, different after any change.

import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sectionHash } from '../../shared/schema/canonical';
import { fieldsOf, makeRow, rowsOf } from '../../shared/schema/section-doc';
import { writeSectionSeed } from '../../shared/schema/seed-content';
import { templateOf } from '../../shared/template/index';
import type { FieldsPart, SectionDef, TablePart } from '../../shared/template/types';

const template = templateOf('idea-iep');
let rowCounter = 0;
const nextRowId = () => `row-${++rowCounter}`;

function sectionWith<K extends 'richtext' | 'fields' | 'table'>(kind: K): SectionDef {
  const section = template.sections.find((each) => each.parts.some((part) => part.kind === kind));
  if (!section) throw new Error(`no section with a ${kind} part`);
  return section;
}

function seeded(section: SectionDef, text: string): Y.Doc {
  const doc = new Y.Doc();
  const richtext: Record<string, { paragraph: string }[]> = {};
  for (const part of section.parts) if (part.kind === 'richtext') richtext[part.id] = [{ paragraph: text }];
  writeSectionSeed(section, doc, { richtext }, nextRowId);
  return doc;
}

function reencoded(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('canonical content hash', () => {
  it('is a SHA-256 in hex', () => {
    expect(sectionHash(sectionWith('richtext'), seeded(sectionWith('richtext'), 'hello'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable under re-encoding, in V1 and through a merged update', () => {
    for (const section of template.sections) {
      const doc = seeded(section, 'Reads 92 words per minute.');
      const copy = reencoded(doc);
      expect(sectionHash(section, copy)).toBe(sectionHash(section, doc));
      const merged = new Y.Doc();
      Y.applyUpdate(merged, Y.mergeUpdates([Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(copy)]));
      expect(sectionHash(section, merged)).toBe(sectionHash(section, doc));
    }
  });

  it('does not depend on how the same text was typed (one insert or many)', () => {
    const section = sectionWith('fields');
    const part = section.parts.find((each): each is FieldsPart => each.kind === 'fields');
    const field = part?.fields.find((each) => each.type === 'text' || each.type === 'longtext');
    if (!part || !field) throw new Error('no text field');
    const once = new Y.Doc();
    writeSectionSeed(section, once, {}, nextRowId);
    (fieldsOf(once, part).get(field.id) as Y.Text).insert(0, 'Grade 9');
    const typed = new Y.Doc();
    writeSectionSeed(section, typed, {}, nextRowId);
    for (const [i, char] of [...'Grade 9'].entries()) (fieldsOf(typed, part).get(field.id) as Y.Text).insert(i, char);
    expect(sectionHash(section, typed)).toBe(sectionHash(section, once));
  });

  it('changes on any change of text, formatting, a cell, or row order', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.nat(50), (inserted, offset) => {
        const section = sectionWith('richtext');
        const doc = seeded(section, 'Maya decodes CVC words with 90% accuracy.');
        const before = sectionHash(section, doc);
        const fragment = doc.getXmlFragment(section.parts.find((part) => part.kind === 'richtext')?.id ?? '');
        const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(Math.min(offset, text.length), inserted);
        expect(sectionHash(section, doc)).not.toBe(before);
      }),
    );
    const section = sectionWith('richtext');
    const doc = seeded(section, 'Bold this');
    const before = sectionHash(section, doc);
    const fragment = doc.getXmlFragment(section.parts.find((part) => part.kind === 'richtext')?.id ?? '');
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 4, { bold: {} });
    expect(sectionHash(section, doc)).not.toBe(before);

    const tableSection = sectionWith('table');
    const table = tableSection.parts.find((part): part is TablePart => part.kind === 'table');
    if (!table) throw new Error('no table');
    const rowsDoc = new Y.Doc();
    const column = table.columns.find((each) => each.type === 'text' || each.type === 'longtext');
    const values = (label: string) => Object.fromEntries(table.columns.map((each) => [each.id, each.type === 'choice' ? '' : label]));
    rowsOf(rowsDoc, table).push([makeRow(table, 'r1', values('first')), makeRow(table, 'r2', values('second'))]);
    const ordered = sectionHash(tableSection, rowsDoc);
    const cell = rowsOf(rowsDoc, table).get(0).get(column?.id ?? '') as Y.Text;
    cell.insert(0, 'x');
    expect(sectionHash(tableSection, rowsDoc)).not.toBe(ordered);
    cell.delete(0, 1);
    expect(sectionHash(tableSection, rowsDoc)).toBe(ordered);
    rowsDoc.transact(() => {
      const rows = rowsOf(rowsDoc, table);
      const first = rows.get(0).clone();
      rows.delete(0, 1);
      rows.push([first]);
    });
    expect(sectionHash(tableSection, rowsDoc)).not.toBe(ordered);
  });

  it('writes JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 0, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":0}]},"b":1}');
  });
});
