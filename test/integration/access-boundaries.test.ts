// The edges of access: other teams' plans, dead invitations, bad cookies, foreign origins, borrowed client ids, leaked secrets.

import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collabBase, connectDoc, rawSocket, upgradeStatus, waitForDoc } from '../helpers/collab-client';
import { permissionDeniedReason, step1Frame, updateFrame } from '../helpers/frames';
import { appendParagraph, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer, signIn } from '../helpers/server';
import { ADMIN, api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const INVITATION_TTL_MS = 1500;
const { section, part } = proseSection();
let server: RunningServer;
let first: PlanWithTeam;
let second: PlanWithTeam;

beforeAll(async () => {
  server = await startWithAdmin({ CONCORD_INVITATION_TTL_MS: String(INVITATION_TTL_MS) });
  first = await planWithTeam(server, ['parent', 'special-education-teacher', 'general-education-teacher']);
  second = await planWithTeam(server, ['parent']);
}, 60_000);
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

function socketStatus(iepId: string, doc: string, cookie: string, origin?: string): Promise<number> {
  return upgradeStatus(`${collabBase(server.url, iepId)}/${doc}`, cookie, origin);
}

describe('access boundaries', () => {
  it("a participant of one plan cannot open another plan's docs or routes", async () => {
    const parent = member(first, 'parent');
    expect(await socketStatus(second.iepId, section.id, parent.cookie)).toBe(404);
    expect(await socketStatus(second.iepId, 'meeting', parent.cookie)).toBe(404);
    expect((await api(server, parent.cookie, 'GET', `/api/ieps/${second.iepId}`)).status).toBe(404);
    expect((await api(server, parent.cookie, 'GET', `/api/ieps/${second.iepId}/participants`)).status).toBe(404);
    const list = await api<{ id: string }[]>(server, parent.cookie, 'GET', '/api/ieps');
    expect(list.body.map((plan) => plan.id)).toEqual([first.iepId]);
  });

  it('no session, a forged cookie, or a foreign Origin is refused', async () => {
    const teacher = member(first, 'special-education-teacher');
    expect(await socketStatus(first.iepId, section.id, '')).toBe(401);
    expect(await socketStatus(first.iepId, section.id, 'concord_session=forged')).toBe(401);
    expect(await socketStatus(first.iepId, section.id, teacher.cookie, 'https://attacker.example')).toBe(403);
    expect(await socketStatus(first.iepId, section.id, teacher.cookie, server.url)).toBe(101);
    const crossSite = await fetch(`${server.url}/api/ieps/${first.iepId}/participants`, {
      method: 'POST',
      headers: { cookie: first.creatorCookie, origin: 'https://attacker.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Injected', role: 'facilitator' }),
    });
    expect(crossSite.status).toBe(403);
  });

  it('an expired invitation signs nobody in; a reissued one does, and the old one stops working', async () => {
    const added = await api<{ id: string; inviteUrl: string }>(server, first.creatorCookie, 'POST', `/api/ieps/${first.iepId}/participants`, { name: 'Late aunt', role: 'parent' });
    const link = added.body.inviteUrl.replace(/^http:\/\/[^/]+/, server.url);
    await new Promise((resolve) => setTimeout(resolve, INVITATION_TTL_MS + 100));
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(401);
    const reissued = await api<{ inviteUrl: string }>(server, first.creatorCookie, 'POST', `/api/ieps/${first.iepId}/participants/${added.body.id}/invitation`);
    const fresh = reissued.body.inviteUrl.replace(/^http:\/\/[^/]+/, server.url);
    const { cookie } = await signIn({ roles: 'parent', url: fresh });
    expect((await api(server, cookie, 'GET', `/api/ieps/${first.iepId}`)).status).toBe(200);
  });

  it('a revoked invitation is refused and ends the sessions it opened, sockets included', async () => {
    const parent = member(first, 'parent');
    const socket = rawSocket(`${collabBase(server.url, first.iepId)}/meeting`, parent.cookie);
    await socket.opened;
    expect((await api(server, first.creatorCookie, 'DELETE', `/api/ieps/${first.iepId}/participants/${parent.id}/invitation`)).status).toBe(204);
    expect((await socket.closed).code).toBe(4401);
    expect((await fetch(parent.inviteUrl, { redirect: 'manual' })).status).toBe(401);
    expect((await api(server, parent.cookie, 'GET', `/api/ieps/${first.iepId}`)).status).toBe(401);
  });

  it("a teacher cannot write as another teacher's Yjs client", async () => {
    const owner = connectDoc(server.url, first.iepId, section.id, member(first, 'special-education-teacher').cookie);
    await owner.synced;
    appendParagraph(owner.doc, part, 'owner-text');
    const reader = connectDoc(server.url, first.iepId, section.id, first.creatorCookie);
    await waitForDoc(reader.doc, () => proseText(reader.doc, part).includes('owner-text'));

    const impostor = rawSocket(`${collabBase(server.url, first.iepId)}/${section.id}`, member(first, 'general-education-teacher').cookie);
    await impostor.opened;
    impostor.ws.send(step1Frame());
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(owner.doc));
    // After the sync: Yjs gives a doc a new client id when it receives content under its own.
    forged.clientID = owner.doc.clientID;
    appendParagraph(forged, part, 'impostor-text');
    impostor.ws.send(updateFrame(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(owner.doc))));
    const reason = permissionDeniedReason(await impostor.next((message) => permissionDeniedReason(message) !== undefined));
    expect(reason).toMatch(/belongs to another participant/);
    expect(proseText(reader.doc, part)).not.toContain('impostor-text');
    owner.destroy();
    reader.destroy();
    impostor.ws.close();
  });

  it('passwords and tokens never appear in logs, API responses or the URL after the first redirect', async () => {
    const added = await api<{ id: string; inviteUrl: string }>(server, first.creatorCookie, 'POST', `/api/ieps/${first.iepId}/participants`, { name: 'Grandfather', role: 'parent' });
    const token = added.body.inviteUrl.split('/join/')[1] ?? '';
    const joined = await fetch(added.body.inviteUrl.replace(/^http:\/\/[^/]+/, server.url), { redirect: 'manual' });
    expect(joined.headers.get('location')).not.toContain(token);
    const sessionToken = (joined.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1] ?? '';
    const responses = await Promise.all(
      [`/api/ieps/${first.iepId}`, `/api/ieps/${first.iepId}/participants`, `/api/ieps/${first.iepId}/audit?limit=10000`, '/api/me'].map(async (path) =>
        JSON.stringify((await api(server, first.creatorCookie, 'GET', path)).body),
      ),
    );
    for (const secret of [ADMIN.password, token, sessionToken]) {
      expect(secret.length).toBeGreaterThan(8);
      for (const body of responses) expect(body).not.toContain(secret);
      expect(server.output()).not.toContain(secret);
    }
    expect(responses.join('')).not.toMatch(/scrypt\$|password_hash|token_hash/);
  });
});
