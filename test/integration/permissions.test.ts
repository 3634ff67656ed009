// Who may do what, over HTTP and WebSocket: every role against the one capability table in shared/.

import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, can, ROLES, type Role } from '../../shared/rules/roles';
import { collabBase, connectDoc, rawSocket, waitForDoc } from '../helpers/collab-client';
import { decodeSyncPayload, permissionDeniedReason, step1Frame, step2Frame, updateFrame } from '../helpers/frames';
import { appendParagraph, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const { section, part } = proseSection();
let server: RunningServer;
let team: PlanWithTeam;

beforeAll(async () => {
  server = await startWithAdmin();
  team = await planWithTeam(server, ROLES);
}, 60_000);
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

/** Sends one edit to a section as this cookie; resolves true if it was applied, false if refused with `permission denied`. */
async function tryEdit(cookie: string, marker: string): Promise<boolean> {
  const socket = rawSocket(`${collabBase(server.url, team.iepId)}/${section.id}`, cookie);
  await socket.opened;
  socket.ws.send(step1Frame());
  const source = new Y.Doc();
  appendParagraph(source, part, marker);
  socket.ws.send(updateFrame(Y.encodeStateAsUpdate(source)));
  const reader = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
  const outcome = await Promise.race([
    socket.next((message) => permissionDeniedReason(message) !== undefined).then(() => 'refused' as const),
    waitForDoc(reader.doc, () => proseText(reader.doc, part).includes(marker)).then(() => 'applied' as const),
  ]);
  await reader.synced;
  expect(proseText(reader.doc, part).includes(marker)).toBe(outcome === 'applied');
  reader.destroy();
  socket.ws.close();
  return outcome === 'applied';
}

/** Answers 2xx or a refusal; anything else (a 404, a 500) would make the probe meaningless, so it fails the test. */
async function allowed(cookie: string, method: string, path: string, body?: unknown): Promise<boolean> {
  const { status } = await api(server, cookie, method, `/api/ieps/${team.iepId}${path}`, body);
  expect([200, 201, 204, 403]).toContain(status);
  return status < 400;
}

/** How each capability is exercised for real, one probe per capability of the table: none is left out. */
const PROBES: Record<Capability, (cookie: string, role: Role) => Promise<boolean>> = {
  read: (cookie) => allowed(cookie, 'GET', ''),
  edit: (cookie, role) => tryEdit(cookie, `edit-by-${role}`),
  comment: (cookie, role) => allowed(cookie, 'POST', '/comments', { sectionId: section.id, body: `A comment by ${role}` }),
  lock: async (cookie) => {
    const claimed = await allowed(cookie, 'POST', `/locks/${section.id}`);
    if (claimed) expect(await allowed(cookie, 'DELETE', `/locks/${section.id}`)).toBe(true);
    return claimed;
  },
  sign: (cookie, role) => allowed(cookie, 'POST', '/signoffs', { kind: 'attendance', typedName: `A ${role}` }),
  'change-status': async (cookie) => {
    const moved = await allowed(cookie, 'POST', '/status', { status: 'meeting' });
    if (moved) expect(await allowed(cookie, 'POST', '/status', { status: 'draft' })).toBe(true);
    return moved;
  },
  'manage-participants': (cookie, role) => allowed(cookie, 'POST', '/participants', { name: `Added by ${role}`, role: 'observer' }),
  export: async (cookie) => {
    const { status } = await fetch(`${server.url}/api/ieps/${team.iepId}/export.html`, { headers: { cookie } });
    expect([200, 403]).toContain(status);
    return status === 200;
  },
  'read-audit': (cookie) => allowed(cookie, 'GET', '/audit'),
};

describe('the capability table, enforced', () => {
  for (const role of ROLES) {
    for (const capability of CAPABILITIES) {
      const probe = PROBES[capability];
      it(`${role} ${can([role], capability) ? 'may' : 'may not'} ${capability}`, async () => {
        expect(await probe(member(team, role).cookie, role)).toBe(can([role], capability));
      });
    }
  }

  it('names the section and the rule when it refuses a write', async () => {
    const socket = rawSocket(`${collabBase(server.url, team.iepId)}/${section.id}`, member(team, 'parent').cookie);
    await socket.opened;
    const source = new Y.Doc();
    appendParagraph(source, part, 'parent-typed');
    socket.ws.send(updateFrame(Y.encodeStateAsUpdate(source)));
    const reason = permissionDeniedReason(await socket.next((message) => permissionDeniedReason(message) !== undefined));
    expect(reason).toContain(section.id);
    expect(reason).toMatch(/comment but not edit/);
    socket.ws.close();
  });
});

describe('readers are not refused for syncing', () => {
  it("a parent joining a section that has had deletions is not refused: their sync step 2 only repeats the server's deletions", async () => {
    const teacher = connectDoc(server.url, team.iepId, section.id, member(team, 'special-education-teacher').cookie);
    await teacher.synced;
    appendParagraph(teacher.doc, part, 'to-be-deleted');
    const fragment = teacher.doc.getXmlFragment(part.id);
    fragment.delete(fragment.length - 1, 1);
    const reader = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
    await reader.synced;
    await waitForDoc(reader.doc, () => !proseText(reader.doc, part).includes('to-be-deleted') && Y.encodeStateVector(reader.doc).length === Y.encodeStateVector(teacher.doc).length);

    const parent = rawSocket(`${collabBase(server.url, team.iepId)}/${section.id}`, member(team, 'parent').cookie);
    await parent.opened;
    parent.ws.send(step1Frame());
    const local = new Y.Doc();
    const step2 = await parent.next((message) => message[0] === 0 && message[1] === 1);
    Y.applyUpdate(local, decodeSyncPayload(step2));
    parent.ws.send(step2Frame(Y.encodeStateAsUpdate(local, Y.encodeStateVector(reader.doc))));
    parent.ws.send(new Uint8Array([3]));
    const replies: Uint8Array[] = [];
    await parent.next((message) => {
      replies.push(message);
      return message[0] === 1;
    });
    expect(parent.messages.some((message) => permissionDeniedReason(message) !== undefined)).toBe(false);
    parent.ws.close();
    teacher.destroy();
    reader.destroy();
  });
});

describe('rights change mid-meeting, without a reconnect', () => {
  /** One open socket on a section that sends edits, each from a fresh Yjs client so a refused edit leaves nothing pending. */
  async function openEditor(cookie: string) {
    const socket = rawSocket(`${collabBase(server.url, team.iepId)}/${section.id}`, cookie);
    await socket.opened;
    socket.ws.send(step1Frame());
    const reader = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
    await reader.synced;
    let denials = 0;
    socket.ws.on('message', (data: Buffer) => {
      if (permissionDeniedReason(new Uint8Array(data)) !== undefined) denials++;
    });
    return {
      reader,
      socket,
      denials: () => denials,
      edit: (marker: string) => {
        const source = new Y.Doc();
        appendParagraph(source, part, marker);
        socket.ws.send(updateFrame(Y.encodeStateAsUpdate(source)));
      },
      arrived: (marker: string) => waitForDoc(reader.doc, () => proseText(reader.doc, part).includes(marker)),
      denied: () => socket.next((message) => permissionDeniedReason(message) !== undefined),
    };
  }

  const setRoles = (participantId: string, roles: Role[]) =>
    api(server, team.creatorCookie, 'PATCH', `/api/ieps/${team.iepId}/participants/${participantId}`, { roles });

  it('a teacher moved to observer is refused on the next frame, on the same socket', async () => {
    const teacher = member(team, 'special-education-teacher');
    const editor = await openEditor(teacher.cookie);
    editor.edit('before-demotion');
    await editor.arrived('before-demotion');
    expect((await setRoles(teacher.id, ['observer'])).status).toBe(200);
    editor.edit('after-demotion');
    await editor.denied();
    expect(proseText(editor.reader.doc, part)).not.toContain('after-demotion');
    expect(editor.socket.ws.readyState).toBe(editor.socket.ws.OPEN);
    editor.reader.destroy();
    editor.socket.ws.close();
  });

  it('an observer given a teaching role can edit at once, on the same socket', async () => {
    const observer = member(team, 'observer');
    const editor = await openEditor(observer.cookie);
    editor.edit('while-observer');
    await editor.denied();
    expect((await setRoles(observer.id, ['general-education-teacher'])).status).toBe(200);
    editor.edit('after-promotion');
    await editor.arrived('after-promotion');
    expect(proseText(editor.reader.doc, part)).not.toContain('while-observer');
    expect(editor.denials()).toBe(1);
    editor.reader.destroy();
    editor.socket.ws.close();
    await setRoles(observer.id, ['observer']);
  });

  it('a removed participant is disconnected and cannot come back with the old link', async () => {
    const interpreter = member(team, 'interpreter');
    const socket = rawSocket(`${collabBase(server.url, team.iepId)}/meeting`, interpreter.cookie);
    await socket.opened;
    expect((await api(server, team.creatorCookie, 'DELETE', `/api/ieps/${team.iepId}/participants/${interpreter.id}`)).status).toBe(204);
    expect((await socket.closed).code).toBe(4403);
    expect((await api(server, interpreter.cookie, 'GET', `/api/ieps/${team.iepId}`)).status).toBe(401);
    const again = await fetch(interpreter.inviteUrl, { redirect: 'manual' });
    expect(again.status).toBe(401);
  });
});
