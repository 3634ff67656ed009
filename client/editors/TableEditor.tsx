// A table part (goals, services, participants): one row per Y.Map in the part's Y.Array, every cell collaborative.

import { type ReactNode, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { makeRow, ROW_ID, type Row, rowsOf, valueText } from '../../shared/schema/section-doc';
import type { TablePart } from '../../shared/template/types';
import { useAnnounce } from '../page/announcer';
import { newRowId } from './row-id';
import { TableRow } from './TableRow';
import { useYChange } from './use-y-change';

interface TableEditorProps {
  readonly doc: Y.Doc;
  readonly part: TablePart;
  readonly readOnly: boolean;
  /** Extra actions on a row that do not edit it (comment on it): shown to readers too. */
  readonly rowAction?: (rowId: string, rowName: string) => ReactNode;
}

function capitalized(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

export function TableEditor({ doc, part, readOnly, rowAction }: TableEditorProps) {
  const rows = rowsOf(doc, part);
  // Shallow: rows added or removed; each row observes its own cells.
  useYChange(rows);
  const announce = useAnnounce();
  const addButton = useRef<HTMLButtonElement>(null);
  const [addedRowId, setAddedRowId] = useState<string | null>(null);

  const addRow = () => {
    const rowId = newRowId();
    rows.push([makeRow(part, rowId)]);
    setAddedRowId(rowId);
    announce(`${capitalized(part.rowNoun)} ${rows.length} added.`);
  };

  const removeRow = (row: Row, number: number) => {
    // Find the row again: others may have added or removed rows since this one was drawn.
    const index = rows.toArray().indexOf(row);
    if (index >= 0) rows.delete(index, 1);
    announce(`${capitalized(part.rowNoun)} ${number} removed.`);
    addButton.current?.focus();
  };

  const list = rows.toArray();
  return (
    <section className="part part-table">
      <div className="table-scroll">
        <table className="part-table__table">
          <caption>
            <h3>{part.label}</h3>
          </caption>
          <thead>
            <tr>
              {part.columns.map((column) => (
                <th key={column.id} scope="col">
                  {column.label}
                  {column.help && <span className="help help--header">{column.help}</span>}
                </th>
              ))}
              {(!readOnly || rowAction) && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.map((row, index) => {
              const rowId = valueText(row.get(ROW_ID));
              return (
                <TableRow
                  key={rowId || `row-${index}`}
                  row={row}
                  part={part}
                  number={index + 1}
                  readOnly={readOnly}
                  focusOnMount={rowId !== '' && rowId === addedRowId}
                  onRemove={() => removeRow(row, index + 1)}
                  extraAction={rowAction?.(rowId, `${part.rowNoun} ${index + 1}`)}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {list.length === 0 && <p className="empty-table">No {part.rowNoun} has been added yet.</p>}
      {!readOnly && (
        <button ref={addButton} type="button" className="button" onClick={addRow}>
          Add {part.rowNoun}
        </button>
      )}
    </section>
  );
}
