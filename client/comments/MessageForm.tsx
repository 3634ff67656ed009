// The form behind every comment message: a new comment, a reply, an edit. Ctrl+Enter sends, Escape cancels, errors are said.

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { MAX_COMMENT_CHARS } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';
import { MentionTextarea } from './MentionTextarea';
import { useCommentAction } from './use-comment-action';

interface MessageFormProps {
  readonly session: PlanSession;
  readonly label: string;
  readonly submitLabel: string;
  readonly initial?: string;
  /** Sends the text; the form empties itself when this resolves. */
  readonly onSubmit: (body: string) => Promise<unknown>;
  readonly onCancel?: () => void;
  readonly onSent?: () => void;
  readonly focusOnMount?: boolean;
  /** Controls shown above the text box (what a new comment is about). */
  readonly children?: ReactNode;
  readonly testId?: string;
}

/** Counting down only near the end keeps the form quiet for ordinary comments. */
const COUNT_FROM = MAX_COMMENT_CHARS - 500;

export function MessageForm({ session, label, submitLabel, initial = '', onSubmit, onCancel, onSent, focusOnMount, children, testId }: MessageFormProps) {
  const [value, setValue] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const action = useCommentAction();
  const box = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const errorId = useId();
  const countId = useId();
  const error = empty ? 'Write something first.' : action.error;

  useEffect(() => {
    // After the frame: on a phone the panel around this form is only being opened now.
    if (!focusOnMount) return;
    const frame = requestAnimationFrame(() => box.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusOnMount]);

  const submit = async () => {
    if (action.busy) return;
    const body = value.trim();
    setEmpty(!body);
    if (!body) return box.current?.focus();
    if (await action.run(() => onSubmit(body))) {
      setValue('');
      onSent?.();
    } else box.current?.focus();
  };

  return (
    <form
      className="comment-form"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {children}
      <label htmlFor={fieldId} className="comment-form__label">
        {label}
      </label>
      <MentionTextarea
        id={fieldId}
        session={session}
        className="control comment-form__text"
        rows={3}
        value={value}
        textareaRef={box}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : '', value.length > COUNT_FROM ? countId : ''].filter(Boolean).join(' ') || undefined}
        onValueChange={(next) => {
          setValue(next);
          if (next.trim()) setEmpty(false);
        }}
        onOtherKey={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {value.length > COUNT_FROM && (
        <p id={countId} className="help comment-form__count">
          {MAX_COMMENT_CHARS - value.length} characters left
        </p>
      )}
      {error && (
        <p id={errorId} className="comment-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={action.busy || undefined}>
          {action.busy ? 'Sending…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
