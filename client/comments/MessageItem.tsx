// One message of a thread: who wrote it and when, "edited" or "deleted" as it is, and edit or delete for its author.

import { useRef, useState } from 'react';
import type { CommentMessage } from '../../shared/rules/comments';
import { commentApi } from '../api/http';
import type { PlanSession } from '../api/plan-session';
import { whenText } from './comment-sentences';
import { MessageBody } from './MessageBody';
import { MessageForm } from './MessageForm';
import { useCommentAction } from './use-comment-action';

interface MessageItemProps {
  readonly session: PlanSession;
  readonly threadId: string;
  readonly message: CommentMessage;
  readonly nameOf: (id: string) => string | undefined;
  /** Whether the local participant may still change their own messages (their role can comment). */
  readonly canChange: boolean;
  /** Where focus goes once this message's controls are gone (it was deleted). */
  readonly focusThread: () => void;
}

type Step = 'reading' | 'editing' | 'confirming-delete';

export function MessageItem({ session, threadId, message, nameOf, canChange, focusThread }: MessageItemProps) {
  const [step, setStep] = useState<Step>('reading');
  const deletion = useCommentAction();
  const editButton = useRef<HTMLButtonElement>(null);
  const iepId = session.plan.id;
  const mine = message.authorId === session.plan.me.id;
  const mayChange = mine && canChange && !message.deletedAt;
  const mentionName = (id: string) => (message.mentions.includes(id) ? nameOf(id) : undefined);

  const backToReading = () => {
    setStep('reading');
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <li className={message.deletedAt ? 'comment-message comment-message--deleted' : 'comment-message'} data-message-id={message.id}>
      <p className="comment-message__meta">
        <span className="comment-message__author">{message.authorName}</span>
        {mine && <span className="comment-message__you"> (you)</span>}{' '}
        <time dateTime={message.at}>{whenText(message.at)}</time>
        {message.editedAt && !message.deletedAt && <span className="comment-message__edited"> · edited</span>}
      </p>
      {message.deletedAt ? (
        <p className="comment-message__deleted-marker">
          Message deleted <time dateTime={message.deletedAt}>{whenText(message.deletedAt)}</time>
        </p>
      ) : step === 'editing' ? (
        <MessageForm
          session={session}
          label="Edit your message"
          submitLabel="Save"
          initial={message.body}
          focusOnMount
          onSubmit={(body) => commentApi.edit(iepId, threadId, message.id, body)}
          onSent={backToReading}
          onCancel={backToReading}
        />
      ) : (
        <MessageBody body={message.body} nameOf={mentionName} />
      )}
      {mayChange && step === 'reading' && (
        <div className="comment-message__actions">
          <button ref={editButton} type="button" className="button button--small" onClick={() => setStep('editing')}>
            Edit<span className="visually-hidden"> your message</span>
          </button>
          <button type="button" className="button button--small" onClick={() => setStep('confirming-delete')}>
            Delete<span className="visually-hidden"> your message</span>
          </button>
        </div>
      )}
      {mayChange && step === 'confirming-delete' && (
        <fieldset className="confirm comment-message__actions comment-message__confirm">
          <legend>Delete this message? A “deleted” marker stays in the thread.</legend>
          <button
            type="button"
            className="button button--danger button--small"
            // biome-ignore lint/a11y/noAutofocus: focus follows the step the participant just asked for.
            autoFocus
            aria-disabled={deletion.busy || undefined}
            onClick={async () => {
              if (deletion.busy) return;
              if (await deletion.run(() => commentApi.remove(iepId, threadId, message.id))) focusThread();
            }}
            onKeyDown={(event) => event.key === 'Escape' && backToReading()}
          >
            Yes, delete
          </button>
          <button type="button" className="button button--small" onClick={backToReading} onKeyDown={(event) => event.key === 'Escape' && backToReading()}>
            Keep
          </button>
        </fieldset>
      )}
      {deletion.error && (
        <p className="comment-form__error" role="alert">
          {deletion.error}
        </p>
      )}
    </li>
  );
}
