// A socket whose other end is gone without closing it (a laptop that slept, Wi-Fi that dropped) is dropped within two
// heartbeats, so it stops holding a place under the connection cap; a client that answers pings stays however quiet.

import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collabBase, upgradeStatus } from '../helpers/collab-client';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

// Long enough that a client answering pings is never late on a busy CI machine (the tests run in parallel).
const HEARTBEAT_MS = 400;

let server: RunningServer;
let plan: PlanWithTeam;

beforeAll(async () => {
  server = await startWithAdmin({ CONCORD_HEARTBEAT_MS: String(HEARTBEAT_MS), CONCORD_MAX_SOCKETS_PER_PARTICIPANT: '1' });
  plan = await planWithTeam(server, []);
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

/** A multiplexed socket that sends nothing; with `answersPings` false it also leaves the server's pings unanswered. */
async function quietSocket(answersPings: boolean): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(collabBase(server.url, plan.iepId), { headers: { cookie: plan.creatorCookie }, autoPong: answersPings });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dead peers', () => {
  it('a socket that answers no ping is dropped, and its place under the cap is free again', async () => {
    const gone = await quietSocket(false);
    // The participant's one socket is taken while the silent one is held.
    expect(await upgradeStatus(collabBase(server.url, plan.iepId), plan.creatorCookie)).toBe(429);
    const started = performance.now();
    // Terminated without a close frame, as a connection whose other end is gone must be.
    expect(await gone.closed).toBe(1006);
    expect(performance.now() - started).toBeLessThan(HEARTBEAT_MS * 3 + 500);
    const next = await quietSocket(true);
    next.ws.close();
    await next.closed;
  });

  it('a quiet socket that answers pings stays open', async () => {
    const quiet = await quietSocket(true);
    let pings = 0;
    quiet.ws.on('ping', () => pings++);
    await sleep(HEARTBEAT_MS * 4);
    expect(quiet.ws.readyState).toBe(WebSocket.OPEN);
    expect(pings).toBeGreaterThanOrEqual(2);
    quiet.ws.close();
    expect(await quiet.closed).toBe(1005);
  });
});
