// Comments: a parent points at words, a teacher answers and resolves, everyone sees it live, and the anchor follows the text.

import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadsMap } from '../../shared/protocol/meeting-doc';
import type { CommentThread } from '../../shared/rules/comments';
import { anchoredText, textAnchor } from '../../shared/schema/comment-anchor';
import { richTextOf } from '../../shared/schema/section-doc';
import { connectDoc, type DocClient, waitForDoc } from '../helpers/collab-client';
import { appendParagraph, proseSection } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const { section, part } = proseSection();
let server: RunningServer;
let team: PlanWithTeam;
let other: PlanWithTeam;

beforeAll(async () => {
  server = await startWithAdmin();
  team = await planWithTeam(server, ['parent', 'special-education-teacher', 'general-education-teacher', 'observer']);
  other = await planWithTeam(server, ['parent']);
}, 60_000);
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

const comments = (suffix = '', iepId = team.iepId) => `/api/ieps/${iepId}/comments${suffix}`;

function lastParagraph(doc: Y.Doc): Y.XmlText | undefined {
  const paragraphs = richTextOf(doc, part).toArray();
  const last = paragraphs[paragraphs.length - 1];
  const text = last instanceof Y.XmlElement ? last.get(0) : undefined;
  return text instanceof Y.XmlText ? text : undefined;
}

function lastParagraphText(doc: Y.Doc): Y.XmlText {
  const text = lastParagraph(doc);
  if (!text) throw new Error('no paragraph text');
  return text;
}

describe('comments', () => {
  it('a parent comments, a teacher replies and resolves; both see each step live; a restart keeps it all', async () => {
    const parent = member(team, 'parent');
    const teacher = member(team, 'special-education-teacher');
    const parentView = connectDoc(server.url, team.iepId, 'meeting', parent.cookie);
    const teacherView = connectDoc(server.url, team.iepId, 'meeting', teacher.cookie);
    await Promise.all([parentView.synced, teacherView.synced]);
    const thread = (view: DocClient, id: string) => threadsMap(view.doc).get(id);

    const started = await api<CommentThread>(server, parent.cookie, 'POST', comments(), { sectionId: section.id, body: 'We want speech twice a week.', authorId: teacher.id });
    expect(started.status).toBe(201);
    const id = started.body.id;
    expect(started.body.messages[0]?.authorId).toBe(parent.id);
    for (const view of [parentView, teacherView]) await waitForDoc(view.doc, () => thread(view, id)?.messages.length === 1);

    expect((await api(server, teacher.cookie, 'POST', comments(`/${id}/replies`), { body: `@[A parent](${parent.id}) Agreed, we will add it.` })).status).toBe(201);
    for (const view of [parentView, teacherView]) await waitForDoc(view.doc, () => thread(view, id)?.messages.length === 2);
    expect(thread(parentView, id)?.messages[1]?.mentions).toEqual([parent.id]);

    expect((await api(server, teacher.cookie, 'PATCH', comments(`/${id}`), { resolved: true })).status).toBe(200);
    for (const view of [parentView, teacherView]) await waitForDoc(view.doc, () => thread(view, id)?.resolved === true);

    const mine = started.body.messages[0]?.id ?? '';
    expect((await api(server, teacher.cookie, 'DELETE', comments(`/${id}/messages/${mine}`))).status).toBe(403);
    expect((await api(server, parent.cookie, 'DELETE', comments(`/${id}/messages/${mine}`))).status).toBe(200);
    await waitForDoc(teacherView.doc, () => thread(teacherView, id)?.messages[0]?.deletedAt !== undefined);
    expect(thread(teacherView, id)?.messages).toHaveLength(2);
    parentView.destroy();
    teacherView.destroy();

    const dataDir = server.dataDir;
    await server.stop();
    server = await startWithAdmin({}, dataDir);
    const after = connectDoc(server.url, team.iepId, 'meeting', teacher.cookie);
    await after.synced;
    expect(threadsMap(after.doc).get(id)).toMatchObject({ resolved: true, messages: [{ deletedAt: expect.any(String) }, { body: expect.stringContaining('Agreed') }] });
    after.destroy();
    const audit = await api<{ action: string }[]>(server, team.creatorCookie, 'GET', `/api/ieps/${team.iepId}/audit?limit=10000`);
    expect(audit.body.map((event) => event.action)).toEqual(expect.arrayContaining(['comment.created', 'comment.replied', 'comment.resolved', 'comment.deleted']));
  });

  it("a parent cannot comment on another plan; an observer cannot comment; bodies are limited", async () => {
    const parent = member(team, 'parent');
    expect((await api(server, parent.cookie, 'POST', comments('', other.iepId), { sectionId: section.id, body: 'x' })).status).toBe(404);
    expect((await api(server, member(team, 'observer').cookie, 'POST', comments(), { sectionId: section.id, body: 'x' })).status).toBe(403);
    expect((await api(server, parent.cookie, 'POST', comments(), { sectionId: section.id, body: 'x'.repeat(5001) })).status).toBe(400);
    expect((await api(server, parent.cookie, 'POST', comments(), { sectionId: 'no-such-section', body: 'x' })).status).toBe(404);
    expect((await api(server, parent.cookie, 'POST', comments(), { sectionId: section.id, body: 'x', anchor: { kind: 'text', partId: part.id, start: 'not base64!', end: 'x', quote: '' } })).status).toBe(400);
  });

  it('the anchor covers the same words while three clients edit around and inside it; deleting them leaves the thread on its section', async () => {
    const cookies = ['special-education-teacher', 'general-education-teacher', 'special-education-teacher'] as const;
    const clients = await Promise.all(
      cookies.map(async (role) => {
        const client = connectDoc(server.url, team.iepId, section.id, member(team, role).cookie);
        await client.synced;
        return client;
      }),
    );
    const [a, b, c] = clients as [DocClient, DocClient, DocClient];
    appendParagraph(a.doc, part, 'Maya reads ninety words per minute today.');
    await Promise.all([b, c].map((client) => waitForDoc(client.doc, () => lastParagraph(client.doc)?.toString().includes('ninety words') === true)));
    const sentence = lastParagraphText(a.doc);
    const start = sentence.toString().indexOf('ninety words');
    const anchor = textAnchor(part.id, sentence, start, start + 'ninety words'.length);
    const created = await api<CommentThread>(server, member(team, 'parent').cookie, 'POST', comments(), { sectionId: section.id, anchor, body: 'This seems low.' });
    expect(created.status).toBe(201);

    lastParagraphText(a.doc).insert(0, 'Today ');
    const bText = lastParagraphText(b.doc);
    bText.insert(bText.length, ' Great progress!');
    const cText = lastParagraphText(c.doc);
    const inside = cText.toString().indexOf('words');
    cText.insert(inside, 'correct ');
    const expected = 'ninety correct words';
    for (const client of clients) await waitForDoc(client.doc, () => anchoredText(client.doc, created.body.anchor) === expected);

    const remove = lastParagraphText(b.doc);
    const at = remove.toString().indexOf(expected);
    remove.delete(at, expected.length);
    for (const client of clients) await waitForDoc(client.doc, () => anchoredText(client.doc, created.body.anchor) === null);
    const meeting = connectDoc(server.url, team.iepId, 'meeting', team.creatorCookie);
    await meeting.synced;
    expect(threadsMap(meeting.doc).get(created.body.id)?.sectionId).toBe(section.id);
    for (const client of [...clients, meeting]) client.destroy();
  });
});
