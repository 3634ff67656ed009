// Comment threads over HTTP: start one on a section (anchored to text, a row, or the whole section), reply, resolve, edit, delete.

import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { MAX_COMMENT_CHARS } from '../../shared/rules/comments';
import { decodeAnchorPosition } from '../../shared/schema/comment-anchor';
import { sectionOf, templateOf } from '../../shared/template/index';
import { Comments } from '../plan/comments';
import type { ParticipantRecord } from '../store/plans';
import { type AppContext, caller, participantOn, sendError } from './context';

const Body = z.string().trim().min(1).max(MAX_COMMENT_CHARS);
const position = z.string().max(2048).refine((value) => decodeAnchorPosition(value) !== null, 'not a relative position');
const Anchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), partId: z.string().max(64), start: position, end: position, quote: z.string().max(2000) }),
  z.object({ kind: z.literal('row'), partId: z.string().max(64), rowId: z.string().max(64) }),
  z.object({ kind: z.literal('section') }),
]);
const NewThread = z.object({ sectionId: z.string().max(64), anchor: Anchor.optional(), body: Body });
const Reply = z.object({ body: Body });
const Resolve = z.object({ resolved: z.boolean() });

type CommentRequest = Request<Record<string, string>>;

export function commentsRouter(context: AppContext): Router {
  const router = Router();
  const comments = new Comments(context);

  function participant(request: CommentRequest, response: Response): ParticipantRecord | undefined {
    const who = caller(context, request, response);
    if (!who) return undefined;
    return participantOn(context, who, request.params.id ?? '', request, response, 'comment')?.participant;
  }

  function answer(request: CommentRequest, response: Response, actor: ParticipantRecord, outcome: ReturnType<Comments['reply']>, status = 200): void {
    if (!outcome.ok) {
      context.audit.record({ actor: actor.id, iepId: actor.iepId, action: 'request.refused', detail: { route: `${request.method} comments`, code: outcome.code }, ip: request.ip });
      sendError(response, outcome.code, outcome.reason);
      return;
    }
    response.status(status).json(outcome.thread);
  }

  router.post('/api/ieps/:id/comments', (request, response) => {
    const author = participant(request, response);
    if (!author) return;
    const body = NewThread.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST', `A comment needs a section and some text (at most ${MAX_COMMENT_CHARS} characters).`);
    const plan = context.plans.get(author.iepId);
    const section = plan ? sectionOf(templateOf(plan.template), body.data.sectionId) : undefined;
    if (!section) return sendError(response, 'UNKNOWN_DOC');
    const anchor = body.data.anchor ?? { kind: 'section' as const };
    // A text anchor points into prose, a row anchor into a table: anything else would never resolve.
    const wanted = anchor.kind === 'text' ? 'richtext' : 'table';
    if (anchor.kind !== 'section' && !section.parts.some((part) => part.id === anchor.partId && part.kind === wanted)) {
      return sendError(response, 'BAD_REQUEST', 'That part of the section cannot hold this kind of comment.');
    }
    answer(request, response, author, comments.start(author, section.id, anchor, body.data.body), 201);
  });

  router.post('/api/ieps/:id/comments/:cid/replies', (request, response) => {
    const author = participant(request, response);
    if (!author) return;
    const body = Reply.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST', 'A reply needs some text.');
    answer(request, response, author, comments.reply(author, request.params.cid, body.data.body), 201);
  });

  router.patch('/api/ieps/:id/comments/:cid', (request, response) => {
    const actor = participant(request, response);
    if (!actor) return;
    const body = Resolve.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST', 'Say whether the comment is resolved.');
    answer(request, response, actor, comments.setResolved(actor, request.params.cid, body.data.resolved));
  });

  router.patch('/api/ieps/:id/comments/:cid/messages/:mid', (request, response) => {
    const actor = participant(request, response);
    if (!actor) return;
    const body = Reply.safeParse(request.body);
    if (!body.success) return sendError(response, 'BAD_REQUEST', 'A message needs some text.');
    answer(request, response, actor, comments.edit(actor, request.params.cid, request.params.mid, body.data.body));
  });

  router.delete('/api/ieps/:id/comments/:cid/messages/:mid', (request, response) => {
    const actor = participant(request, response);
    if (!actor) return;
    answer(request, response, actor, comments.edit(actor, request.params.cid, request.params.mid, null));
  });

  return router;
}
