// Where each template part lives inside a section's Y.Doc, and how rows and field values are made: one layout for every side.

import * as Y from 'yjs';
import type { FieldDef, FieldsPart, RichTextPart, TablePart } from '../template/types';

export type CellValue = Y.Text | string;
export type Row = Y.Map<CellValue>;

export const ROW_ID = 'id';

export function richTextOf(doc: Y.Doc, part: RichTextPart): Y.XmlFragment {
  return doc.getXmlFragment(part.id);
}

export function fieldsOf(doc: Y.Doc, part: FieldsPart): Y.Map<CellValue> {
  return doc.getMap<CellValue>(part.id);
}

export function rowsOf(doc: Y.Doc, part: TablePart): Y.Array<Row> {
  return doc.getArray<Row>(part.id);
}

/** Text fields are collaborative; dates and choices are replaced whole. */
export function isCollaborativeText(field: FieldDef): boolean {
  return field.type === 'text' || field.type === 'longtext';
}

export function makeValue(field: FieldDef, text: string): CellValue {
  return isCollaborativeText(field) ? new Y.Text(text) : text;
}

/** A new row with every column present, so editors bind to existing Y.Texts instead of racing to create them. */
export function makeRow(part: TablePart, rowId: string, values: Readonly<Record<string, string>> = {}): Row {
  const row = new Y.Map<CellValue>();
  row.set(ROW_ID, rowId);
  for (const column of part.columns) row.set(column.id, makeValue(column, values[column.id] ?? ''));
  return row;
}

/** Sets every field of a fields part that is not yet present (seed and creation only). */
export function fillFields(doc: Y.Doc, part: FieldsPart, values: Readonly<Record<string, string>> = {}): void {
  const map = fieldsOf(doc, part);
  for (const field of part.fields) {
    if (!map.has(field.id)) map.set(field.id, makeValue(field, values[field.id] ?? ''));
  }
}

export function valueText(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}
