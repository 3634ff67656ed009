// One row of a table part: a bound control per column and a Remove button that asks before it removes.

import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { Row } from '../../shared/schema/section-doc';
import type { TablePart } from '../../shared/template/types';
import { FieldControl } from './FieldControl';
import { useYChange } from './use-y-change';

interface TableRowProps {
  readonly row: Row;
  readonly part: TablePart;
  /** 1-based position, as people count rows. */
  readonly number: number;
  readonly readOnly: boolean;
  /** The row this participant just added: its first cell takes focus. */
  readonly focusOnMount: boolean;
  readonly onRemove: () => void;
  /** An action for anyone who can see the row (comment on it), beside Remove. */
  readonly extraAction?: ReactNode;
}

export function TableRow({ row, part, number, readOnly, focusOnMount, onRemove, extraAction }: TableRowProps) {
  useYChange(row);
  const rowElement = useRef<HTMLTableRowElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const cancelled = useRef(false);

  useEffect(() => {
    if (focusOnMount) rowElement.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, [focusOnMount]);

  // Focus follows the step: onto "Yes, remove" when asked, back to Remove when kept.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (cancelled.current) {
      cancelled.current = false;
      removeButton.current?.focus();
    }
  }, [confirming]);

  const keep = () => {
    cancelled.current = true;
    setConfirming(false);
  };
  const keepOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') keep();
  };

  return (
    <tr ref={rowElement}>
      {part.columns.map((column) => (
        <td key={column.id}>
          <FieldControl map={row} field={column} readOnly={readOnly} naming={{ 'aria-label': `${column.label}, ${part.rowNoun} ${number}` }} />
        </td>
      ))}
      {(!readOnly || extraAction) && (
        <td className="row-actions">
          {extraAction}
          {readOnly ? null : confirming ? (
            <span className="confirm">
              <span>
                Remove {part.rowNoun} {number}?
              </span>
              <button
                ref={confirmButton}
                type="button"
                className="button button--danger"
                onClick={onRemove}
                onKeyDown={keepOnEscape}
              >
                Yes, remove<span className="visually-hidden"> {part.rowNoun} {number}</span>
              </button>
              <button type="button" className="button" onClick={keep} onKeyDown={keepOnEscape}>
                Keep<span className="visually-hidden"> {part.rowNoun} {number}</span>
              </button>
            </span>
          ) : (
            <button ref={removeButton} type="button" className="button" onClick={() => setConfirming(true)}>
              Remove<span className="visually-hidden"> {part.rowNoun} {number}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
