// With a parent's session, 1,000 scripted attempts to change the plan: every one refused and audited, no section changed.

import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionHash } from '../../shared/schema/canonical';
import { collabBase, connectDoc, type DocClient, rawSocket, waitForDoc } from '../helpers/collab-client';
import { awarenessFrame, awarenessStates, permissionDeniedReason, step1Frame, step2Frame, updateFrame } from '../helpers/frames';
import { appendParagraph, iepTemplate, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const ATTEMPTS = 1000;
const { section, part } = proseSection();
let server: RunningServer;
let team: PlanWithTeam;

beforeAll(async () => {
  server = await startWithAdmin();
  team = await planWithTeam(server, ['parent', 'special-education-teacher']);
}, 60_000);
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

async function allSectionHashes(cookie: string): Promise<Map<string, string>> {
  const clients: DocClient[] = iepTemplate.sections.map((each) => connectDoc(server.url, team.iepId, each.id, cookie));
  await Promise.all(clients.map((client) => client.synced));
  const hashes = new Map(iepTemplate.sections.map((each, index) => [each.id, sectionHash(each, clients[index]?.doc ?? new Y.Doc())]));
  for (const client of clients) client.destroy();
  return hashes;
}

async function refusalCount(actor: string): Promise<number> {
  const audit = await api<{ actor: string; action: string }[]>(server, team.creatorCookie, 'GET', `/api/ieps/${team.iepId}/audit?limit=10000`);
  return audit.body.filter((event) => event.actor === actor && ['write.refused', 'request.refused'].includes(event.action)).length;
}

describe('a hostile parent', () => {
  it(`makes ${ATTEMPTS} attempts (sync step 2, updates, forged client ids, forged presence, REST writes) and changes nothing`, async () => {
    const parent = member(team, 'parent');
    const teacher = member(team, 'special-education-teacher');
    const before = await allSectionHashes(team.creatorCookie);
    const refusalsBefore = await refusalCount(parent.id);

    // The teacher's real client id, which the parent will try to write as.
    const teacherClient = connectDoc(server.url, team.iepId, section.id, teacher.cookie);
    await teacherClient.synced;
    appendParagraph(teacherClient.doc, part, 'teacher-wrote-this');
    const watcher = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
    await waitForDoc(watcher.doc, () => proseText(watcher.doc, part).includes('teacher-wrote-this'));

    const socket = rawSocket(`${collabBase(server.url, team.iepId)}/${section.id}`, parent.cookie);
    await socket.opened;
    socket.ws.send(step1Frame());
    const meetingWatcher = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, team.creatorCookie);
    await meetingWatcher.opened;
    const parentPresence = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, parent.cookie);
    await parentPresence.opened;

    let denials = 0;
    socket.ws.on('message', (data: Buffer) => {
      if (permissionDeniedReason(new Uint8Array(data)) !== undefined) denials++;
    });
    const kinds = ['step2', 'update', 'forged-client', 'presence', 'rest'] as const;
    let restRefusals = 0;
    let planRefusals = 0;
    let wsAttempts = 0;
    for (let i = 0; i < ATTEMPTS; i++) {
      const kind = kinds[i % kinds.length];
      const source = new Y.Doc();
      if (kind === 'forged-client') source.clientID = teacherClient.doc.clientID;
      appendParagraph(source, part, `parent-attempt-${i}`);
      const update = Y.encodeStateAsUpdate(source);
      if (kind === 'step2') socket.ws.send(step2Frame(update));
      else if (kind === 'update' || kind === 'forged-client') socket.ws.send(updateFrame(update));
      else if (kind === 'presence') {
        parentPresence.ws.send(awarenessFrame(4242, i + 1, { user: { name: 'Principal Moore', roles: ['lea-representative'] } }));
        continue;
      } else {
        const attempts = [
          () => api(server, parent.cookie, 'POST', `/api/ieps/${team.iepId}/participants`, { name: 'Fake teacher', role: 'special-education-teacher' }),
          () => api(server, parent.cookie, 'PATCH', `/api/ieps/${team.iepId}/participants/${parent.id}`, { roles: ['facilitator'] }),
          () => api(server, parent.cookie, 'POST', '/api/ieps', { template: 'idea-iep', student: { firstName: 'A', lastName: 'B', dateOfBirth: '2010-01-01' } }),
          () => api(server, parent.cookie, 'DELETE', `/api/ieps/${team.iepId}/participants/${teacher.id}`),
        ];
        const which = Math.floor(i / kinds.length) % attempts.length;
        const result = await attempts[which]?.();
        if (result?.status === 403) {
          restRefusals++;
          // Starting a plan concerns no existing plan: its refusal is audited, but not in this plan's log.
          if (which !== 2) planRefusals++;
        }
        continue;
      }
      wsAttempts++;
    }
    await socket.next(() => denials >= wsAttempts, 10_000).catch(() => undefined);
    while (denials < wsAttempts) await new Promise((resolve) => socket.ws.once('message', resolve));
    expect(denials).toBe(wsAttempts);
    expect(restRefusals).toBe(ATTEMPTS / kinds.length);

    // Presence: whatever the parent claimed, others see the parent.
    const stamped = await meetingWatcher.next((message) => awarenessStates(message)?.has(4242) === true);
    expect((awarenessStates(stamped)?.get(4242) as { user: { name: string; roles: string[] } }).user).toMatchObject({ name: 'A parent', roles: ['parent'] });

    const after = await allSectionHashes(team.creatorCookie);
    const changed = [...after].filter(([id, hash]) => id !== section.id && before.get(id) !== hash);
    expect(changed).toEqual([]);
    expect(proseText(watcher.doc, part)).not.toMatch(/parent-attempt-/);
    // Every refused write is audited; rewritten presence once per socket (it is not refused, it is corrected).
    expect(await refusalCount(parent.id)).toBe(refusalsBefore + wsAttempts + planRefusals + 1);

    for (const each of [socket, meetingWatcher, parentPresence]) each.ws.close();
    teacherClient.destroy();
    watcher.destroy();
  }, 60_000);
});
