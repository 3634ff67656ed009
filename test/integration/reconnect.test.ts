// Participants who lose their network for 30 s while everyone keeps typing, once across a server crash, are back in step
// within 2 s of reconnecting: the meeting room's client (shared jittered backoff) and a stock y-websocket client alike.

import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/database';
import type { CollabSocket, SocketStatus } from '../../client/api/collab-socket';
import { connectMeeting, type PlanClient } from '../helpers/meeting-client';
import { OutageScenario, type OutagePlan, type OutageReport } from '../helpers/outage-scenario';
import { proseSection } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer, startServer } from '../helpers/server';
import { ADMIN, member, planWithTeam } from '../helpers/team';

const CONVERGE_WITHIN_MS = 2_000;
const ENV = { CONCORD_ADMIN_EMAIL: ADMIN.email, CONCORD_ADMIN_PASSWORD: ADMIN.password, CONCORD_DEMO: '0' };
const scenarios: OutageScenario[] = [];
const servers: RunningServer[] = [];
const clients: PlanClient[] = [];

afterAll(async () => {
  await Promise.all(scenarios.splice(0).map((scenario) => scenario.close()));
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.kill()));
  removeTempDirs();
});

function statusBecomes(socket: CollabSocket, wanted: SocketStatus, timeoutMs: number): Promise<void> {
  if (socket.status === wanted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`status stayed ${socket.status}, never ${wanted}`));
    }, timeoutMs);
    const stop = socket.onStatus((status) => {
      if (status !== wanted) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

async function outage(plan: OutagePlan): Promise<OutageReport> {
  const scenario = new OutageScenario(plan);
  scenarios.push(scenario);
  try {
    return await scenario.run();
  } finally {
    await scenario.close();
  }
}

function expectConverged(report: OutageReport): void {
  console.log(JSON.stringify(report, (key, value: unknown) => (key === 'startedAt' ? undefined : typeof value === 'number' ? Math.round(value) : value)));
  expect(report.keystrokes).toBeGreaterThan(300);
  expect(report.allIdenticalMs).toBeLessThan(CONVERGE_WITHIN_MS);
  expect(report.characters).toBe(report.typed);
  expect(report.returns).toHaveLength(2);
  for (const back of report.returns) expect(back.convergedMs, back.client).toBeLessThan(CONVERGE_WITHIN_MS);
}

// The two outages overlap in time: each has its own server, so together they take one outage's wall time.
describe.concurrent('reconnecting after an outage', () => {
  it('two participants offline for 30 s, both sides typing: all converge within 2 s of reconnecting', async () => {
    expectConverged(await outage({ outageMs: 30_000 }));
  }, 90_000);

  it('the server crashes and restarts during the outage: all converge within 2 s of reconnecting', async () => {
    expectConverged(await outage({ outageMs: 30_000, restart: { atMs: 8_000, signal: 'SIGKILL' } }));
  }, 90_000);

  it('a participant whose sign-in ended while the server was away is told so, and stops retrying', async () => {
    const first = await startServer({ env: ENV });
    servers.push(first);
    const team = await planWithTeam(first, ['general-education-teacher']);
    const teacher = member(team, 'general-education-teacher');
    const client = connectMeeting(first.url, team.iepId, [proseSection().section.id, 'meeting'], teacher.cookie);
    clients.push(client);
    await client.synced();
    await first.stop();
    await statusBecomes(client.socket, 'closed', 5_000);
    // As an expiry or a revocation would: the browser only sees refused upgrades, which look like a network failure.
    const db = openDatabase(first.dataDir);
    db.prepare('DELETE FROM sessions WHERE participant_id = ?').run(teacher.id);
    db.close();
    const second = await startServer({ dataDir: first.dataDir, port: first.port, env: ENV });
    servers.push(second);
    await statusBecomes(client.socket, 'ended', 20_000);
    expect(client.providers.every((provider) => !provider.shouldConnect)).toBe(true);
    const attempts = client.attemptsFor('meeting').length;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(client.attemptsFor('meeting').length).toBe(attempts);
  }, 60_000);
});
