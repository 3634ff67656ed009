// A restart herd: many participants in many meetings are connected when the server goes down and comes back on the same
// port; we watch them return on the meeting room's reconnect schedule while a probe meeting keeps typing.

import type { Role } from '../../shared/rules/roles';
import { collabBase, connectDoc, type DocClient } from './collab-client';
import { DeliveryProbe, type ProbeResult } from './delivery-probe';
import { HerdClient } from './herd-client';
import { proseSection } from './plan-fixtures';
import { type RunningServer, startServer, tempDataDir } from './server';
import { seedPlans } from './seeded-plans';

export interface HerdPlan {
  /** Meetings of eight: the herd is eight times this. */
  readonly meetings: number;
  /** What each participant resyncs. */
  readonly docs: readonly string[];
  readonly signal: 'SIGKILL' | 'SIGTERM';
  /** How long the server stays down before it starts again (beyond its own start-up time). */
  readonly downForMs?: number;
  readonly resyncWithinMs?: number;
}

export interface HerdReport {
  readonly size: number;
  /** From the crash until the restarted server was ready. */
  readonly downMs: number;
  /** From the server's return until every participant had resynced. */
  readonly allBackAfterUpMs: number;
  readonly attempts: number;
  readonly accepted: number;
  /** When the attempts that got in were started: the busiest 100 ms, and from the first to the last. */
  readonly busiest100msAcceptedAttempts: number;
  readonly acceptedAttemptSpreadMs: number;
  /** When the server accepted them: capped by its own accept rate, herd or not. */
  readonly busiest100msAccepted: number;
  /** Every participant connected, synced on a connection made after the crash, and not given up. */
  readonly everyoneBack: boolean;
  readonly probeBaseline: ProbeResult;
  readonly probeDuringHerd: ProbeResult;
}

const SEATS: readonly Role[] = ['special-education-teacher', 'general-education-teacher', 'evaluator', 'related-service-provider', 'parent', 'student', 'lea-representative', 'interpreter'];
const ENV = { CONCORD_DEMO: '0' };
const PROBE_EVERY_MS = 100;

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

export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

export class RestartHerd {
  private server: RunningServer | null = null;
  private readonly herd: HerdClient[] = [];
  private readonly probeClients: DocClient[] = [];

  async run(plan: HerdPlan): Promise<HerdReport> {
    const dataDir = tempDataDir();
    const meetings = seedPlans(dataDir, plan.meetings, SEATS);
    const [probePlan] = seedPlans(dataDir, 1, ['special-education-teacher', 'general-education-teacher']);
    if (!probePlan) throw new Error('no probe plan');
    let server = await startServer({ dataDir, env: ENV });
    this.server = server;
    for (const meeting of meetings) for (const cookie of meeting.cookies) this.herd.push(new HerdClient(collabBase(server.url, meeting.id), cookie, plan.docs));
    await this.join();

    const { section, part } = proseSection();
    const [writerCookie = '', readerCookie = ''] = probePlan.cookies;
    const writer = connectDoc(server.url, probePlan.id, section.id, writerCookie);
    const reader = connectDoc(server.url, probePlan.id, section.id, readerCookie);
    this.probeClients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    const probe = new DeliveryProbe(writer.doc, reader.doc, part);
    probe.start(PROBE_EVERY_MS);
    await sleep(2_000);
    const probeBaseline = await probe.stop();

    const crashedAt = performance.now();
    if (plan.signal === 'SIGTERM') await server.stop();
    else await server.kill();
    await sleep(plan.downForMs ?? 0);
    server = await startServer({ dataDir, port: server.port, env: ENV });
    this.server = server;
    const upAt = performance.now();
    await within(Promise.all([resynced(writer), resynced(reader)]), 15_000, 'the probe meeting reconnecting');
    probe.start(PROBE_EVERY_MS);
    await within(Promise.all(this.herd.map((client) => client.syncedAfter(crashedAt))), plan.resyncWithinMs ?? 30_000, 'the herd resyncing');
    const allBackAt = performance.now();
    const probeDuringHerd = await probe.stop();
    probe.destroy();

    // When the attempts that got in were made, all at once or spread out, is what jitter decides. (When the server
    // accepted them cannot show it alone: it accepts only so many a second, herd or not, and queues the rest.)
    const knocks = this.herd.flatMap((client) => client.acceptedAttempts.filter((at) => at > crashedAt));
    const arrivals = this.herd.flatMap((client) => client.opens.filter((at) => at > crashedAt));
    return {
      size: this.herd.length,
      downMs: upAt - crashedAt,
      allBackAfterUpMs: allBackAt - upAt,
      attempts: this.herd.reduce((sum, client) => sum + client.attempts.filter((at) => at > crashedAt).length, 0),
      accepted: arrivals.length,
      busiest100msAcceptedAttempts: busiestWindow(knocks, 100),
      acceptedAttemptSpreadMs: Math.max(...knocks) - Math.min(...knocks),
      busiest100msAccepted: busiestWindow(arrivals, 100),
      everyoneBack: this.herd.every((client) => client.open && !client.stopped && client.syncedAt !== null),
      probeBaseline,
      probeDuringHerd,
    };
  }

  async close(): Promise<void> {
    for (const client of this.herd.splice(0)) client.close();
    for (const client of this.probeClients.splice(0)) client.destroy();
    await this.server?.kill();
    this.server = null;
  }

  /** Joining is not under test: in waves, so the first connection is not a herd of its own. */
  private async join(): Promise<void> {
    for (let i = 0; i < this.herd.length; i += 100) {
      const wave = this.herd.slice(i, i + 100);
      for (const client of wave) client.connect();
      await within(Promise.all(wave.map((client) => client.syncedAfter())), 30_000, 'joining');
    }
  }
}
