// Comment threads written by the server into the meeting doc: checked, stored with the doc's durable log, audited, seen live.

import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { threadsMap } from '../../shared/protocol/meeting-doc';
import { type CommentAnchor, type CommentDecision, type CommentMessage, type CommentThread, decideComment, decideOwnMessage, mentionsIn } from '../../shared/rules/comments';
import { newId } from '../auth/tokens';
import type { AppContext } from '../http/context';
import type { ParticipantRecord } from '../store/plans';
import { saveToMeetingDoc } from './save-meeting-doc';

type Outcome = CommentDecision & { readonly thread?: CommentThread };

export class Comments {
  constructor(private readonly context: AppContext) {}

  thread(iepId: string, threadId: string): CommentThread | undefined {
    const found = this.context.rooms.readAsServer(iepId, MEETING_DOC, (doc) => threadsMap(doc).get(threadId));
    return typeof found === 'string' ? undefined : found;
  }

  start(author: ParticipantRecord, sectionId: string, anchor: CommentAnchor, body: string): Outcome {
    const decision = decideComment(author.roles);
    if (!decision.ok) return decision;
    const at = new Date().toISOString();
    const thread: CommentThread = { id: newId(), sectionId, anchor, resolved: false, createdAt: at, messages: [this.message(author, body, at)] };
    this.save(author, thread, 'comment.created');
    return { ok: true, thread };
  }

  reply(author: ParticipantRecord, threadId: string, body: string): Outcome {
    const decision = decideComment(author.roles);
    if (!decision.ok) return decision;
    const thread = this.thread(author.iepId, threadId);
    if (!thread) return { ok: false, code: 'NOT_FOUND', reason: 'There is no such comment.' };
    const updated = { ...thread, messages: [...thread.messages, this.message(author, body, new Date().toISOString())] };
    this.save(author, updated, 'comment.replied');
    return { ok: true, thread: updated };
  }

  setResolved(actor: ParticipantRecord, threadId: string, resolved: boolean): Outcome {
    const decision = decideComment(actor.roles);
    if (!decision.ok) return decision;
    const thread = this.thread(actor.iepId, threadId);
    if (!thread) return { ok: false, code: 'NOT_FOUND', reason: 'There is no such comment.' };
    const { resolvedBy: _previous, ...rest } = thread;
    const updated: CommentThread = resolved ? { ...rest, resolved, resolvedBy: actor.name } : { ...rest, resolved };
    this.save(actor, updated, resolved ? 'comment.resolved' : 'comment.reopened');
    return { ok: true, thread: updated };
  }

  edit(actor: ParticipantRecord, threadId: string, messageId: string, body: string | null): Outcome {
    const thread = this.thread(actor.iepId, threadId);
    const message = thread?.messages.find((each) => each.id === messageId);
    const decision = decideOwnMessage(actor.roles, actor.id, message);
    if (!decision.ok || !thread || !message) return decision.ok ? { ok: false, code: 'NOT_FOUND', reason: 'There is no such comment.' } : decision;
    const at = new Date().toISOString();
    const changed: CommentMessage =
      body === null ? { ...message, body: '', mentions: [], deletedAt: at } : { ...message, body, mentions: this.mentions(actor.iepId, body), editedAt: at };
    const updated = { ...thread, messages: thread.messages.map((each) => (each.id === messageId ? changed : each)) };
    this.save(actor, updated, body === null ? 'comment.deleted' : 'comment.edited', { message: messageId });
    return { ok: true, thread: updated };
  }

  private message(author: ParticipantRecord, body: string, at: string): CommentMessage {
    return { id: newId(), authorId: author.id, authorName: author.name, body, mentions: this.mentions(author.iepId, body), at };
  }

  private mentions(iepId: string, body: string): string[] {
    return mentionsIn(body, new Set(this.context.plans.participants(iepId).map((each) => each.id)));
  }

  private save(actor: ParticipantRecord, thread: CommentThread, action: string, detail: Record<string, unknown> = {}): void {
    saveToMeetingDoc(this.context, actor.iepId, (doc) => threadsMap(doc).set(thread.id, thread));
    this.context.audit.record({ actor: actor.id, iepId: actor.iepId, action, detail: { thread: thread.id, section: thread.sectionId, ...detail } });
  }
}
