// One thread in the panel: what it is about (or that its words are gone), its messages, a reply box, resolve and reopen.

import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CommentThread } from '../../shared/rules/comments';
import { commentApi } from '../api/http';
import type { PlanSession } from '../api/plan-session';
import type { AnchorPlace } from './anchor-place';
import { goneSentence, placeSentence } from './comment-sentences';
import { MessageForm } from './MessageForm';
import { MessageItem } from './MessageItem';
import { useCommentAction } from './use-comment-action';

interface ThreadCardProps {
  readonly session: PlanSession;
  readonly thread: CommentThread;
  readonly place: AnchorPlace | undefined;
  readonly nameOf: (id: string) => string | undefined;
  readonly canComment: boolean;
  readonly active: boolean;
  /** Changes when this thread should take focus (its highlight was clicked, or it was just made). */
  readonly focusSerial: number;
}

export const ThreadCard = memo(function ThreadCard({ session, thread, place, nameOf, canComment, active, focusSerial }: ThreadCardProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const resolving = useCommentAction();
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const gone = goneSentence(place);
  const iepId = session.plan.id;
  const focusThread = useCallback(() => heading.current?.focus(), []);

  useEffect(() => {
    if (focusSerial === 0) return;
    // After the frame: on a phone the panel around this thread is only being opened now.
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusSerial]);

  const closeReply = () => {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };

  const setResolved = async (resolved: boolean) => {
    if (resolving.busy) return;
    if (await resolving.run(() => commentApi.setResolved(iepId, thread.id, resolved))) focusThread();
  };

  const classes = ['comment-thread', active ? 'comment-thread--active' : '', thread.resolved ? 'comment-thread--resolved' : ''];
  return (
    <li className={classes.filter(Boolean).join(' ')} data-thread-id={thread.id} data-testid="comment-thread">
      <article aria-labelledby={headingId}>
        <h4 id={headingId} ref={heading} tabIndex={-1} className="comment-thread__about">
          {placeSentence(place)}
          {gone && <span className="comment-thread__gone"> ({gone})</span>}
        </h4>
        {thread.resolved && <p className="comment-thread__resolved">Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}.</p>}
        <ol className="comment-thread__messages" aria-label="Messages">
          {thread.messages.map((message) => (
            <MessageItem
              key={message.id}
              session={session}
              threadId={thread.id}
              message={message}
              nameOf={nameOf}
              canChange={canComment}
              focusThread={focusThread}
            />
          ))}
        </ol>
        {canComment && !thread.resolved && replying && (
          <MessageForm
            session={session}
            label="Your reply"
            submitLabel="Send reply"
            focusOnMount
            onSubmit={(body) => commentApi.reply(iepId, thread.id, body)}
            onSent={closeReply}
            onCancel={closeReply}
          />
        )}
        {canComment && !thread.resolved && !replying && (
          <button ref={replyButton} type="button" className="button comment-thread__reply" onClick={() => setReplying(true)}>
            Reply<span className="visually-hidden"> to this comment</span>
          </button>
        )}
        {canComment && (
          <button type="button" className="button comment-thread__resolve" aria-disabled={resolving.busy || undefined} onClick={() => void setResolved(!thread.resolved)}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
            <span className="visually-hidden"> this comment</span>
          </button>
        )}
        {resolving.error && (
          <p className="comment-form__error" role="alert">
            {resolving.error}
          </p>
        )}
      </article>
    </li>
  );
});
