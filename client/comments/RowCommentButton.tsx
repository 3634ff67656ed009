// "Comment on this row": for a table row's actions, opening the comment form on that row (anchor kind `row`, the row map's `id`).

import { useRef } from 'react';
import { decideComment } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';
import { useMyRoles } from '../team/use-my-roles';
import { panelStateOf } from './panel-state';

interface RowCommentButtonProps {
  readonly session: PlanSession;
  readonly sectionId: string;
  readonly partId: string;
  /** The row map's `id` (ROW_ID). */
  readonly rowId: string;
  /** How people name the row, e.g. "goal 2". */
  readonly rowName: string;
}

/** Renders nothing for roles that cannot comment; read-only rows (parents) should still show it. */
export function RowCommentButton({ session, sectionId, partId, rowId, rowName }: RowCommentButtonProps) {
  const roles = useMyRoles(session, session.plan);
  const button = useRef<HTMLButtonElement>(null);
  if (!decideComment(roles).ok || !rowId) return null;
  return (
    <button
      ref={button}
      type="button"
      className="button button--small"
      // The visible words first (WCAG 2.5.3), then which row: a hidden span would be read with a stray pause before the comma.
      aria-label={`Comment on this row, ${rowName}`}
      onClick={() => panelStateOf(session).compose(sectionId, { kind: 'row', partId, rowId }, button.current)}
    >
      Comment on this row
    </button>
  );
}
