// Section locks: the holder writes, everyone else is refused by the server, and every way a lock ends keeps the text.

import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { locksMap, noticesArray } from '../../shared/protocol/meeting-doc';
import { collabBase, connectDoc, type DocClient, rawSocket, waitForDoc } from '../helpers/collab-client';
import { permissionDeniedReason, step1Frame, step2Frame, updateFrame } from '../helpers/frames';
import { appendParagraph, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const GRACE_MS = 600;
const IDLE_MS = 1500;
const { section, part } = proseSection();
let server: RunningServer;
let team: PlanWithTeam;
const clients: DocClient[] = [];

beforeAll(async () => {
  server = await startWithAdmin({ CONCORD_LOCK_GRACE_MS: String(GRACE_MS), CONCORD_LOCK_IDLE_MS: String(IDLE_MS) });
  team = await planWithTeam(server, ['special-education-teacher', 'general-education-teacher', 'parent']);
}, 60_000);
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

const lockPath = `/api/ieps/{id}/locks/${section.id}`;
const claim = (cookie: string, body?: unknown) => api(server, cookie, 'POST', lockPath.replace('{id}', team.iepId), body);
const release = (cookie: string) => api(server, cookie, 'DELETE', lockPath.replace('{id}', team.iepId));

function open(cookie: string, doc = section.id): DocClient {
  const client = connectDoc(server.url, team.iepId, doc, cookie);
  clients.push(client);
  return client;
}

/** A meeting-doc observer: resolves when the section's lock matches. */
async function lockSeen(predicate: (holder: string | undefined) => boolean): Promise<void> {
  const meeting = open(team.creatorCookie, 'meeting');
  await meeting.synced;
  await waitForDoc(meeting.doc, () => predicate(locksMap(meeting.doc).get(section.id)?.holderName), 5_000);
}

describe('section locks', () => {
  it("while A holds a section, B's sync step 2 and updates are refused naming the lock, and A's edits go through", async () => {
    const a = member(team, 'special-education-teacher');
    const b = member(team, 'general-education-teacher');
    const claimed = await claim(a.cookie);
    expect(claimed.status).toBe(200);
    await lockSeen((holder) => holder === 'A special-education-teacher');

    const socket = rawSocket(`${collabBase(server.url, team.iepId)}/${section.id}`, b.cookie);
    await socket.opened;
    socket.ws.send(step1Frame());
    for (const frame of [step2Frame, updateFrame]) {
      const source = new Y.Doc();
      appendParagraph(source, part, 'b-while-locked');
      socket.ws.send(frame(Y.encodeStateAsUpdate(source)));
    }
    const reason = permissionDeniedReason(await socket.next((message) => permissionDeniedReason(message) !== undefined));
    expect(reason).toBe(`section ${section.id} is locked by A special-education-teacher`);

    const holder = open(a.cookie);
    await holder.synced;
    appendParagraph(holder.doc, part, 'a-holds-and-writes');
    const reader = open(team.creatorCookie);
    await waitForDoc(reader.doc, () => proseText(reader.doc, part).includes('a-holds-and-writes'));
    expect(proseText(reader.doc, part)).not.toContain('b-while-locked');
    expect((await claim(b.cookie)).status).toBe(409);
    expect((await release(b.cookie)).status).toBe(409);
    expect((await release(a.cookie)).status).toBe(204);
    socket.ws.close();
  });

  it('the lock is released after the grace period once its holder disconnects, and B can then edit', async () => {
    const a = member(team, 'special-education-teacher');
    const b = member(team, 'general-education-teacher');
    const holderSocket = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, a.cookie);
    await holderSocket.opened;
    expect((await claim(a.cookie)).status).toBe(200);
    holderSocket.ws.close();
    await lockSeen((holder) => holder === undefined);
    const writer = open(b.cookie);
    await writer.synced;
    appendParagraph(writer.doc, part, 'b-after-grace');
    const reader = open(team.creatorCookie);
    await waitForDoc(reader.doc, () => proseText(reader.doc, part).includes('b-after-grace'));
  });

  it('a reconnect within the grace period keeps the lock', async () => {
    const a = member(team, 'special-education-teacher');
    const first = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, a.cookie);
    await first.opened;
    expect((await claim(a.cookie)).status).toBe(200);
    first.ws.close();
    await first.closed;
    const second = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, a.cookie);
    await second.opened;
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 300));
    const meeting = open(team.creatorCookie, 'meeting');
    await meeting.synced;
    expect(locksMap(meeting.doc).get(section.id)?.holderId).toBe(a.id);
    expect((await release(a.cookie)).status).toBe(204);
    second.ws.close();
  });

  it('the facilitator takes over, and the holder is told', async () => {
    const a = member(team, 'special-education-teacher');
    const b = member(team, 'general-education-teacher');
    const keepAlive = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, a.cookie);
    await keepAlive.opened;
    expect((await claim(a.cookie)).status).toBe(200);
    expect((await claim(b.cookie, { takeOver: true })).status).toBe(409);
    expect((await claim(team.creatorCookie, { takeOver: true })).status).toBe(200);
    const meeting = open(team.creatorCookie, 'meeting');
    await meeting.synced;
    expect(locksMap(meeting.doc).get(section.id)?.holderName).toMatch(/Administrator/);
    expect(noticesArray(meeting.doc).toArray().some((notice) => notice.to === a.id && notice.kind === 'lock-taken-over')).toBe(true);
    expect((await release(team.creatorCookie)).status).toBe(204);
    expect((await claim(a.cookie)).status).toBe(200);
    expect((await release(team.creatorCookie)).status).toBe(204);
    await waitForDoc(meeting.doc, () => noticesArray(meeting.doc).toArray().filter((notice) => notice.to === a.id && notice.kind === 'lock-taken-over').length === 2);
    keepAlive.ws.close();
  });

  it('an idle lock expires and its text stays', async () => {
    const a = member(team, 'special-education-teacher');
    const keepAlive = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, a.cookie);
    await keepAlive.opened;
    expect((await claim(a.cookie)).status).toBe(200);
    const holder = open(a.cookie);
    await holder.synced;
    appendParagraph(holder.doc, part, 'written-before-idle');
    await lockSeen((holderName) => holderName === undefined);
    const reader = open(team.creatorCookie);
    await reader.synced;
    expect(proseText(reader.doc, part)).toContain('written-before-idle');
    keepAlive.ws.close();
  });

  it('a request reaches the holder, who hands the section over in one action', async () => {
    const a = member(team, 'special-education-teacher');
    const b = member(team, 'general-education-teacher');
    const keepAlive = [rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, a.cookie), rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, b.cookie)];
    await Promise.all(keepAlive.map((socket) => socket.opened));
    expect((await claim(a.cookie)).status).toBe(200);
    expect((await api(server, b.cookie, 'POST', `/api/ieps/${team.iepId}/locks/${section.id}/requests`)).status).toBe(201);
    const meeting = open(team.creatorCookie, 'meeting');
    await meeting.synced;
    expect(locksMap(meeting.doc).get(section.id)?.request?.participantId).toBe(b.id);
    const requested = locksMap(meeting.doc).get(section.id);
    expect((await claim(a.cookie)).status).toBe(200);
    await waitForDoc(meeting.doc, () => locksMap(meeting.doc).get(section.id) !== requested);
    expect(locksMap(meeting.doc).get(section.id)?.request?.participantId, 'renewing keeps the request').toBe(b.id);
    expect((await api(server, a.cookie, 'POST', `/api/ieps/${team.iepId}/locks/${section.id}/handover`, { to: b.id })).status).toBe(200);
    await waitForDoc(meeting.doc, () => locksMap(meeting.doc).get(section.id)?.holderId === b.id);
    expect((await release(b.cookie)).status).toBe(204);
    for (const socket of keepAlive) socket.ws.close();
  });

  it('a parent cannot claim a section', async () => {
    expect((await claim(member(team, 'parent').cookie)).status).toBe(403);
  });
});
