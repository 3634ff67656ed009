// The "Comment" button beside a rich-text editor: comments on the words selected in it (read-only editors too), like Ctrl+Alt+M.

import type { Editor } from '@tiptap/core';
import { useId } from 'react';
import { decideComment } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';
import { useMyRoles } from '../team/use-my-roles';
import { threadUnderCaret } from './comment-highlights';
import { startComment } from './start-comment';

interface CommentOnSelectionProps {
  readonly editor: Editor;
  readonly session: PlanSession;
  readonly sectionId: string;
  readonly partId: string;
  /** The part's label, so the button says which editor it is for. */
  readonly label: string;
}

export function CommentOnSelection({ editor, session, sectionId, partId, label }: CommentOnSelectionProps) {
  const roles = useMyRoles(session, session.plan);
  const hintId = useId();
  if (!decideComment(roles).ok) return null;
  return (
    <div className="comment-on-selection">
      <button
        type="button"
        className="toolbar-button comment-on-selection__button"
        aria-keyshortcuts="Control+Alt+M"
        aria-describedby={hintId}
        data-testid={`comment-selection-${sectionId}-${partId}`}
        // Keeps the selection (and, in an editable editor, the focus) where it is while the button is pressed.
        onMouseDown={(event) => event.preventDefault()}
        onClick={(event) => startComment(editor.view, { session, sectionId, partId }, event.currentTarget, threadUnderCaret(editor.state))}
      >
        Comment<span className="visually-hidden"> on the selected words in {label}</span>
      </button>
      <span id={hintId} className="help comment-on-selection__hint">
        Select words, then Comment (Ctrl+Alt+M). With nothing selected, the comment is on the whole section.
      </span>
    </div>
  );
}
