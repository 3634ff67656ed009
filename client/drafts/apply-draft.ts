// Puts a draft's text back into its part: new paragraphs at the end of prose, or appended to the part's first text field or cell.

import * as Y from 'yjs';
import { fieldsOf, isCollaborativeText, makeRow, richTextOf, rowsOf } from '../../shared/schema/section-doc';
import type { FieldDef, FieldsPart, Part, RichTextPart, TablePart } from '../../shared/template/types';
import { newRowId } from '../editors/row-id';

function paragraphsOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim().length > 0);
}

function appendParagraphs(doc: Y.Doc, part: RichTextPart, text: string): void {
  const paragraphs = paragraphsOf(text).map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
  richTextOf(doc, part).push(paragraphs);
}

/**
 * Appends to a text value after what it already says (a new line in long text, a space in a one-line field, where a
 * line break would not show), creating the value if the plan lacks it.
 */
function appendToText(map: Y.Map<Y.Text | string>, field: FieldDef, text: string): void {
  const separator = field.type === 'longtext' ? '\n' : ' ';
  const addition = field.type === 'longtext' ? text : text.replace(/\s*\n\s*/g, ' ');
  const value = map.get(field.id);
  if (value instanceof Y.Text) {
    value.insert(value.length, value.length > 0 ? `${separator}${addition}` : addition);
    return;
  }
  const earlier = typeof value === 'string' && value ? `${value}${separator}` : '';
  map.set(field.id, new Y.Text(`${earlier}${addition}`));
}

function appendToFields(doc: Y.Doc, part: FieldsPart, text: string): void {
  const field = part.fields.find(isCollaborativeText);
  if (field) appendToText(fieldsOf(doc, part), field, text);
}

function appendToTable(doc: Y.Doc, part: TablePart, text: string): void {
  const column = part.columns.find(isCollaborativeText);
  if (!column) return;
  const rows = rowsOf(doc, part);
  const first = rows.get(0);
  if (first) appendToText(first, column, text);
  else rows.push([makeRow(part, newRowId(), { [column.id]: text })]);
}

/** Whether `applyDraftText` has somewhere to put text in this part. */
export function acceptsText(part: Part): boolean {
  if (part.kind === 'richtext') return true;
  if (part.kind === 'fields') return part.fields.some(isCollaborativeText);
  return part.columns.some(isCollaborativeText);
}

/** One transaction, so the server takes it or refuses it whole; a refusal turns it into a draft again. */
export function applyDraftText(doc: Y.Doc, part: Part, text: string): void {
  doc.transact(() => {
    switch (part.kind) {
      case 'richtext':
        return appendParagraphs(doc, part, text);
      case 'fields':
        return appendToFields(doc, part, text);
      case 'table':
        return appendToTable(doc, part, text);
      default: {
        const unknownPart: never = part;
        throw new Error(`no way to add text to ${JSON.stringify(unknownPart)}`);
      }
    }
  });
}
