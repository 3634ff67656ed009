// A fields part: labelled single values (names, dates, choices) kept in the part's Y.Map.

import { useId } from 'react';
import type * as Y from 'yjs';
import { fieldsOf } from '../../shared/schema/section-doc';
import type { FieldsPart } from '../../shared/template/types';
import { FieldControl } from './FieldControl';
import { useYChange } from './use-y-change';

interface FieldsEditorProps {
  readonly doc: Y.Doc;
  readonly part: FieldsPart;
  readonly readOnly: boolean;
}

export function FieldsEditor({ doc, part, readOnly }: FieldsEditorProps) {
  const baseId = useId();
  const map = fieldsOf(doc, part);
  // Shallow: dates and choices are replaced whole; typed text updates its own input through useYText.
  useYChange(map);
  return (
    <section className="part part-fields" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>{part.label}</h3>
      <div className="field-grid">
        {part.fields.map((field) => {
          const id = `${baseId}-${field.id}`;
          const helpId = field.help ? `${id}-help` : undefined;
          return (
            <div key={field.id} className={field.type === 'longtext' ? 'field field--wide' : 'field'}>
              <label htmlFor={id}>{field.label}</label>
              {field.help && (
                <p id={helpId} className="help">
                  {field.help}
                </p>
              )}
              <FieldControl map={map} field={field} readOnly={readOnly} naming={{ id, 'aria-describedby': helpId }} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
