// The threads of one section in the panel: comment on the section, the form for a new comment, open threads, resolved ones.

import { useEffect, useId, useRef, useState } from 'react';
import { decideComment } from '../../shared/rules/comments';
import type { Role } from '../../shared/rules/roles';
import type { SectionDef } from '../../shared/template/types';
import type { PlanSession } from '../api/plan-session';
import { useSectionDoc } from '../editors/use-section-doc';
import { useAnchorPlaces } from './anchor-place';
import { CommentComposer } from './CommentComposer';
import { type PanelView, panelStateOf } from './panel-state';
import { useSectionThreads } from './thread-list';
import { ThreadCard } from './ThreadCard';
import { seenThreadsOf } from './unread';

interface SectionCommentsProps {
  readonly session: PlanSession;
  readonly section: SectionDef;
  readonly roles: readonly Role[];
  readonly view: PanelView;
  /** Whether the participant can see the panel now (on a phone, only while it is open): shown threads count as read. */
  readonly visible: boolean;
  readonly isPhone: boolean;
  readonly nameOf: (id: string) => string | undefined;
}

export function SectionComments({ session, section, roles, view, visible, isPhone, nameOf }: SectionCommentsProps) {
  const threads = useSectionThreads(session, section.id);
  const { doc } = useSectionDoc(session, section.id);
  const places = useAnchorPlaces(doc, section, threads);
  const panel = panelStateOf(session);
  const canComment = decideComment(roles).ok;
  const sectionButton = useRef<HTMLButtonElement>(null);
  const [showResolved, setShowResolved] = useState(false);
  const resolvedId = useId();
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const draft = view.draft?.sectionId === section.id ? view.draft : null;

  useEffect(() => {
    if (visible) seenThreadsOf(session).markSeen(threads);
  }, [visible, threads, session]);

  // The thread asked for may be resolved: its list opens so it can take focus.
  const activeResolved = resolved.some((thread) => thread.id === view.activeThreadId);
  useEffect(() => {
    if (activeResolved) setShowResolved(true);
  }, [activeResolved]);

  const cancelDraft = () => {
    const origin = draft?.origin;
    panel.closeDraft();
    if (origin?.isConnected && !origin.closest('.comments-panel')) {
      if (isPhone) panel.setOpen(false);
      requestAnimationFrame(() => origin.focus());
    } else requestAnimationFrame(() => sectionButton.current?.focus());
  };

  const card = (thread: (typeof threads)[number]) => (
    <ThreadCard
      key={thread.id}
      session={session}
      thread={thread}
      place={places.get(thread.id)}
      nameOf={nameOf}
      canComment={canComment}
      active={thread.id === view.activeThreadId}
      focusSerial={thread.id === view.activeThreadId ? view.focusSerial : 0}
    />
  );

  return (
    <div className="section-comments" data-section={section.id}>
      {canComment && (
        <button ref={sectionButton} type="button" className="button" data-testid="comment-on-section" onClick={() => panel.compose(section.id, { kind: 'section' }, sectionButton.current)}>
          Comment on this section
        </button>
      )}
      {draft && (
        <CommentComposer
          key={draft.serial}
          session={session}
          section={section}
          doc={doc}
          draft={draft}
          onCreated={(threadId) => panel.showThread(threadId, true)}
          onCancel={cancelDraft}
        />
      )}
      {open.length === 0 ? (
        <p className="comments-empty">No open comments on this section.</p>
      ) : (
        <ul className="comments-list" aria-label={`Open comments, ${open.length}`} data-testid="open-threads">
          {open.map(card)}
        </ul>
      )}
      {resolved.length > 0 && (
        <>
          <button type="button" className="button comments-resolved-toggle" aria-expanded={showResolved} aria-controls={resolvedId} onClick={() => setShowResolved(!showResolved)}>
            {showResolved ? 'Hide' : 'Show'} {resolved.length} resolved {resolved.length === 1 ? 'comment' : 'comments'}
          </button>
          <ul id={resolvedId} className="comments-list comments-list--resolved" aria-label="Resolved comments" hidden={!showResolved}>
            {showResolved && resolved.map(card)}
          </ul>
        </>
      )}
    </div>
  );
}
