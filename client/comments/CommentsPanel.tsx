// The comments panel beside the open section: its threads, live; on a phone a full-screen dialog behind a Comments button.

import { useCallback, useEffect, useId, useRef } from 'react';
import type { SectionDef } from '../../shared/template/types';
import type { PlanSession } from '../api/plan-session';
import { useAnnounce } from '../page/announcer';
import { useMyRoles } from '../team/use-my-roles';
import { panelStateOf, usePanelView } from './panel-state';
import { SectionComments } from './SectionComments';
import { useSectionThreads } from './thread-list';
import { useUnreadCounts } from './unread';
import { useCommentAnnouncements } from './use-comment-announcements';
import { useBackCloses, useIsPhone } from './use-phone-panel';
import { useTeamNames } from './use-team-names';

interface CommentsPanelProps {
  readonly session: PlanSession;
  /** The section on screen; the panel follows it. */
  readonly section: SectionDef | undefined;
}

export function CommentsPanel({ session, section }: CommentsPanelProps) {
  const view = usePanelView(session);
  const panel = panelStateOf(session);
  const roles = useMyRoles(session, session.plan);
  const nameOf = useTeamNames(session);
  const isPhone = useIsPhone();
  const open = isPhone && view.open;
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const announce = useAnnounce();
  const threads = useSectionThreads(session, section?.id);
  const unread = useUnreadCounts(session).get(section?.id ?? '') ?? 0;
  const close = useCallback(() => panel.setOpen(false), [panel]);
  useCommentAnnouncements(session, section, nameOf);
  useBackCloses(open, close);

  useEffect(() => {
    if (view.notice) announce(view.notice.text);
  }, [view.notice, announce]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const content = (
    <>
      <div className="comments-panel__header">
        <h2 id={headingId}>
          Comments
          {section && <span className="visually-hidden"> on {section.title}</span>}
        </h2>
        {isPhone && (
          <button type="button" className="button" onClick={close}>
            Close<span className="visually-hidden"> comments</span>
          </button>
        )}
      </div>
      {section ? (
        <SectionComments session={session} section={section} roles={roles} view={view} visible={!isPhone || open} isPhone={isPhone} nameOf={nameOf} />
      ) : (
        <p className="comments-empty">Open a section to see its comments.</p>
      )}
    </>
  );

  const openCount = threads.filter((thread) => !thread.resolved).length;
  return (
    <aside className="comments-panel" aria-labelledby={isPhone ? undefined : headingId} aria-label={isPhone ? 'Comments' : undefined} data-testid="comments-panel">
      {isPhone ? (
        <>
          <button type="button" className="button comments-panel__toggle" aria-haspopup="dialog" aria-expanded={open} data-testid="comments-toggle" onClick={() => panel.setOpen(true)}>
            Comments ({openCount} open{unread > 0 ? `, ${unread} unread` : ''})
          </button>
          {/* Escape closes a modal dialog natively; its close event brings the state along. */}
          <dialog ref={dialog} className="comments-dialog" aria-labelledby={headingId} onClose={close}>
            {open && content}
          </dialog>
        </>
      ) : (
        content
      )}
    </aside>
  );
}
