// A restart herd: 1,000 participants in 125 meetings are connected when the server crashes and comes back on the same port.
// On the meeting room's reconnect schedule they all return and resync, spread out rather than in one burst, and a meeting
// typing meanwhile keeps getting its keystrokes through.

import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/rules/roles';
import { RECONNECT_POLICY } from '../../shared/protocol/reconnect';
import { collabBase, connectDoc, type DocClient } from '../helpers/collab-client';
import { DeliveryProbe, type ProbeResult } from '../helpers/delivery-probe';
import { HerdClient } from '../helpers/herd-client';
import { proseSection } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer, startServer, tempDataDir } from '../helpers/server';
import { seedPlans } from '../helpers/seeded-plans';

const MEETINGS = 125;
const SEATS: readonly Role[] = ['special-education-teacher', 'general-education-teacher', 'evaluator', 'related-service-provider', 'parent', 'student', 'lea-representative', 'interpreter'];
const { section, part } = proseSection();
/** What each herd member resyncs: the meeting doc and the sections a participant typically has open. */
const DOCS = ['meeting', section.id, 'present-levels', 'annual-goals'];
const ENV = { CONCORD_DEMO: '0' };

let server: RunningServer | undefined;
const herd: HerdClient[] = [];
const probeClients: DocClient[] = [];

afterAll(async () => {
  for (const client of herd.splice(0)) client.close();
  for (const client of probeClients.splice(0)) client.destroy();
  await server?.kill();
  removeTempDirs();
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves when a stock provider has synced again after a reconnect. */
function resynced(client: DocClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => client.provider.once('sync', () => resolve()));
}

function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

async function probeFor(probe: DeliveryProbe, ms: number): Promise<ProbeResult> {
  probe.start(100);
  await sleep(ms);
  return await probe.stop();
}

describe('a restart herd', () => {
  it('1,000 clients reconnect after a crash with jittered backoff: all resync, spread out, and a meeting keeps typing', async () => {
    const dataDir = tempDataDir();
    const meetings = seedPlans(dataDir, MEETINGS, SEATS);
    const [probePlan] = seedPlans(dataDir, 1, ['special-education-teacher', 'general-education-teacher']);
    if (!probePlan) throw new Error('no probe plan');
    server = await startServer({ dataDir, env: ENV });
    const base = server.url;
    for (const meeting of meetings) for (const cookie of meeting.cookies) herd.push(new HerdClient(collabBase(base, meeting.id), cookie, DOCS));
    // Joining is not under test: in waves, so the first connection is not a herd of its own.
    for (let i = 0; i < herd.length; i += 100) {
      const wave = herd.slice(i, i + 100);
      for (const client of wave) client.connect();
      await within(Promise.all(wave.map((client) => client.syncedAfter())), 20_000, 'joining');
    }

    const [writerCookie = '', readerCookie = ''] = probePlan.cookies;
    const writer = connectDoc(base, probePlan.id, section.id, writerCookie);
    const reader = connectDoc(base, probePlan.id, section.id, readerCookie);
    probeClients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    const probe = new DeliveryProbe(writer.doc, reader.doc, part);
    const baseline = await probeFor(probe, 2_000);

    const crashedAt = performance.now();
    await server.kill();
    server = await startServer({ dataDir, port: server.port, env: ENV });
    const upAt = performance.now();
    await within(Promise.all([resynced(writer), resynced(reader)]), 10_000, 'the probe meeting reconnecting');
    probe.start(100);
    await within(Promise.all(herd.map((client) => client.syncedAfter(crashedAt))), 30_000, 'the herd resyncing');
    const allBackAt = performance.now();
    const duringHerd = await probe.stop();
    probe.destroy();

    // When the attempts that got in were made: all at once or spread out is what jitter decides. (When the server
    // accepted them cannot show it alone: it accepts only so many a second, herd or not, and queues the rest.)
    const knocks = herd.flatMap((client) => client.acceptedAttempts.filter((at) => at > crashedAt));
    const arrivals = herd.flatMap((client) => client.opens.filter((at) => at > crashedAt));
    const figures = {
      downMs: Math.round(upAt - crashedAt),
      allBackAfterUpMs: Math.round(allBackAt - upAt),
      attempts: herd.reduce((sum, client) => sum + client.attempts.filter((at) => at > crashedAt).length, 0),
      accepted: arrivals.length,
      busiest100msAcceptedAttempts: busiestWindow(knocks, 100),
      acceptedAttemptSpreadMs: Math.round(Math.max(...knocks) - Math.min(...knocks)),
      busiest100msAccepted: busiestWindow(arrivals, 100),
      probeBaselineP95Ms: Math.round(percentile(baseline.latencies, 95)),
      probeDuringHerdP95Ms: Math.round(percentile(duringHerd.latencies, 95)),
      probeDuringHerdMaxMs: Math.round(Math.max(...duringHerd.latencies)),
      probeKeystrokesDuringHerd: duringHerd.latencies.length,
    };
    console.log(JSON.stringify(figures));

    // Nobody lost or stuck: every client is connected, synced on a connection made after the crash, and still trying.
    expect(herd.every((client) => client.open && !client.stopped && client.syncedAt !== null)).toBe(true);
    expect(arrivals.length).toBeGreaterThanOrEqual(herd.length);
    // Spread: the busiest 100 ms at the restarted server's door saw a small fraction of the herd, and the herd was back
    // within the policy's cap (plus the time the server takes to resync everyone).
    expect(figures.busiest100msAcceptedAttempts).toBeLessThan(herd.length / 5);
    expect(figures.busiest100msAccepted).toBeLessThan(herd.length / 5);
    expect(figures.acceptedAttemptSpreadMs).toBeGreaterThan(2_000);
    expect(allBackAt - upAt).toBeLessThan(RECONNECT_POLICY.capMs + 10_000);
    // The meeting's keystrokes kept arriving: every one delivered, and promptly next to the quiet-server baseline.
    expect(baseline.undelivered).toBe(0);
    expect(duringHerd.undelivered).toBe(0);
    expect(duringHerd.latencies.length).toBeGreaterThan(20);
    expect(figures.probeDuringHerdP95Ms).toBeLessThan(Math.max(1_000, 10 * figures.probeBaselineP95Ms));
  }, 90_000);
});
