// Starting a comment from an editor (its Comment button or Ctrl+Alt+M): on the selected words, the thread under the caret, or the section.

import type { EditorView } from '@tiptap/pm/view';
import { participantsMap } from '../../shared/protocol/meeting-doc';
import { decideComment } from '../../shared/rules/comments';
import type { PlanSession } from '../api/plan-session';
import { panelStateOf } from './panel-state';
import { selectionAnchor } from './selection-anchor';

/** The local participant's roles as the meeting doc says now (the plan's answer until the team has synced). */
function rolesNow(session: PlanSession) {
  return participantsMap(session.meeting.doc).get(session.plan.me.id)?.roles ?? session.plan.me.roles;
}

export interface CommentPlace {
  readonly session: PlanSession;
  readonly sectionId: string;
  readonly partId: string;
}

/**
 * `threadUnderCaret` names the open thread whose highlight holds an empty selection: asking to comment there opens it.
 * With no words and no thread, the form opens on the whole section, where words can still be named by typing them.
 */
export function startComment(view: EditorView, place: CommentPlace, origin: HTMLElement | null, threadUnderCaret: string | null): void {
  const panel = panelStateOf(place.session);
  const decision = decideComment(rolesNow(place.session));
  if (!decision.ok) {
    panel.say(decision.reason);
    return;
  }
  const anchor = selectionAnchor(view.state, place.partId);
  if (anchor) panel.compose(place.sectionId, anchor, origin);
  else if (threadUnderCaret) panel.showThread(threadUnderCaret, true);
  else panel.compose(place.sectionId, { kind: 'section' }, origin);
}

/** Ctrl+Alt+M (Control+Option+M on a Mac: the key's code, since Option changes the character). */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && !event.shiftKey && !event.metaKey && event.code === 'KeyM';
}

/**
 * Whether the key press is meant for this editor: it has focus, or (a read-only editor cannot take focus) the
 * page's selection lies inside it.
 */
export function isForEditor(view: EditorView): boolean {
  if (view.hasFocus()) return true;
  const selection = document.getSelection();
  return !!selection?.anchorNode && !selection.isCollapsed && view.dom.contains(selection.anchorNode);
}
