// The HTTP surface: health, invitation sign-in, the plan view, refusals, OpenAPI, headers, and a clean SIGTERM.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { PlanView } from '../../shared/protocol/api';
import { collabBase, rawSocket } from '../helpers/collab-client';
import { inviteFor, removeTempDirs, type RunningServer, signIn, startServer } from '../helpers/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

describe('HTTP API', () => {
  it('answers /healthz with {"ok":true}', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('prints a sign-in link per demo participant, and a link signs in without leaving the token in the URL', async () => {
    expect(server.invites.length).toBeGreaterThanOrEqual(4);
    const response = await fetch(server.invites[0]?.url ?? '', { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/ieps\/[A-Za-z0-9_-]+$/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('gives a signed-in participant the plan layout and their capabilities', async () => {
    const { cookie, iepId } = await signIn(inviteFor(server, /parent/i));
    const response = await fetch(`${server.url}/api/ieps/${iepId}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const plan = (await response.json()) as PlanView;
    expect(plan.template).toBe('idea-iep');
    expect(plan.status).toBe('draft');
    expect(plan.sections.length).toBeGreaterThan(10);
    expect(plan.me.roles).toContain('parent');
    expect(plan.me.capabilities).not.toContain('edit');
    const list = (await (await fetch(`${server.url}/api/ieps`, { headers: { cookie } })).json()) as { id: string }[];
    expect(list.map((each) => each.id)).toEqual([iepId]);
  });

  it('refuses the API without a session, and hides plans of other teams', async () => {
    const anonymous = await fetch(`${server.url}/api/ieps`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('NOT_SIGNED_IN');
    const { cookie } = await signIn(inviteFor(server, /teacher/i));
    const other = await fetch(`${server.url}/api/ieps/not-a-plan`, { headers: { cookie } });
    expect(other.status).toBe(404);
  });

  it('refuses an unknown invitation', async () => {
    const response = await fetch(`${server.url}/join/not-a-real-token`, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('documents its routes at /api/openapi.json', async () => {
    const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/ieps', '/api/ieps/{id}', '/join/{token}']));
  });

  it('sends a strict Content-Security-Policy with every page', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('on SIGTERM closes sockets with 1001 and exits 0, started the way `npm start` starts it', async () => {
    const own = await startServer({ viaStartScript: true });
    expect((await fetch(`${own.url}/healthz`)).status).toBe(200);
    await expectCleanShutdown(own);
  });

  it('`npm start` relaunches itself with GC on the event loop when told to (one core), and still shuts down cleanly', async () => {
    const own = await startServer({ viaStartScript: true, env: { CONCORD_SINGLE_THREADED_GC: '1' } });
    const children = fs.readFileSync(`/proc/${own.pid}/task/${own.pid}/children`, 'utf8').trim().split(/\s+/);
    expect(children).toHaveLength(1);
    const argv = fs.readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0');
    expect(argv).toContain('--single-threaded-gc');
    await expectCleanShutdown(own);
    expect(fs.existsSync(`/proc/${children[0]}`)).toBe(false);
  });
});

/** SIGTERM closes an open collab socket with 1001 and the process exits 0. */
async function expectCleanShutdown(own: RunningServer): Promise<void> {
  const { cookie, iepId } = await signIn(inviteFor(own, /teacher/i));
  const socket = rawSocket(`${collabBase(own.url, iepId)}/meeting`, cookie);
  await socket.opened;
  const exit = own.stop();
  expect((await socket.closed).code).toBe(CloseCode.GOING_AWAY);
  expect(await exit).toBe(0);
}
