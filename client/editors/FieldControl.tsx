// One value of a fields part or table row, bound to its Y.Map entry by field type: text, long text, date or choice.

import { useCallback } from 'react';
import * as Y from 'yjs';
import { type CellValue, valueText } from '../../shared/schema/section-doc';
import type { FieldDef } from '../../shared/template/types';
import { useYText } from './use-y-text';

/** How the control is named: a visible <label htmlFor={id}> or an aria-label (table cells). */
export interface ControlNaming {
  readonly id?: string;
  readonly 'aria-label'?: string;
  readonly 'aria-describedby'?: string;
}

interface FieldControlProps {
  readonly map: Y.Map<CellValue>;
  readonly field: FieldDef;
  readonly readOnly: boolean;
  readonly naming: ControlNaming;
}

export function FieldControl({ map, field, readOnly, naming }: FieldControlProps) {
  switch (field.type) {
    case 'text':
    case 'longtext':
      return <TextControl map={map} field={field} readOnly={readOnly} naming={naming} />;
    case 'date':
      return (
        <input
          {...naming}
          type="date"
          className="control"
          value={valueText(map.get(field.id))}
          readOnly={readOnly}
          onChange={(event) => map.set(field.id, event.target.value)}
        />
      );
    case 'choice':
      return <ChoiceControl map={map} field={field} readOnly={readOnly} naming={naming} />;
    default: {
      const unknownType: never = field.type;
      throw new Error(`no control for field type ${String(unknownType)}`);
    }
  }
}

function TextControl({ map, field, readOnly, naming }: FieldControlProps) {
  const value = map.get(field.id);
  const text = value instanceof Y.Text ? value : undefined;
  // A field the plan does not carry yet (added to the template later) is created by whoever types in it first.
  const createText = useCallback((typed: string) => map.set(field.id, new Y.Text(typed)), [map, field.id]);
  const onMissing = readOnly ? undefined : createText;
  const initial = text ? undefined : valueText(value);
  if (field.type === 'longtext') {
    return <LongTextControl text={text} onMissing={onMissing} initial={initial} readOnly={readOnly} naming={naming} />;
  }
  return <ShortTextControl text={text} onMissing={onMissing} initial={initial} readOnly={readOnly} naming={naming} />;
}

interface BoundTextProps {
  readonly text: Y.Text | undefined;
  readonly onMissing: ((typed: string) => void) | undefined;
  readonly initial: string | undefined;
  readonly readOnly: boolean;
  readonly naming: ControlNaming;
}

function ShortTextControl({ text, onMissing, initial, readOnly, naming }: BoundTextProps) {
  const ref = useYText<HTMLInputElement>(text, onMissing);
  return <input {...naming} ref={ref} type="text" className="control" defaultValue={initial} readOnly={readOnly} />;
}

function LongTextControl({ text, onMissing, initial, readOnly, naming }: BoundTextProps) {
  const ref = useYText<HTMLTextAreaElement>(text, onMissing);
  return <textarea {...naming} ref={ref} className="control" rows={3} defaultValue={initial} readOnly={readOnly} />;
}

function ChoiceControl({ map, field, readOnly, naming }: FieldControlProps) {
  const value = valueText(map.get(field.id));
  const options = field.options ?? [];
  // A value the template no longer offers is still shown as it is, never silently as "Not decided".
  const retired = value !== '' && !options.some((option) => option.value === value);
  return (
    <select {...naming} className="control" value={value} disabled={readOnly} onChange={(event) => map.set(field.id, event.target.value)}>
      <option value="">Not decided</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {retired && <option value={value}>{value} (no longer offered)</option>}
    </select>
  );
}
