// One measurement window of live meetings: server CPU and memory from /proc, event-loop delay from the preloaded probe,
// delivery latency and loss from the observers, and the generator's own CPU (a run is invalid above 70 % of its core).

import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServerProcess } from '../contenders/server-process';
import type { LoadEngine } from '../load/live-meetings';
import { cpuSeconds, ForeignCpu, rssBytes } from './proc-stats';
import { round, type Summary, summarize } from './stats';

export const GENERATOR_CPU_LIMIT = 0.7;
/** Other processes using more than this share of a core during a window make it "disturbed". */
export const FOREIGN_CPU_LIMIT = 0.25;

export interface WindowResult {
  readonly meetings: number;
  readonly seconds: number;
  /** Server CPU time over the window divided by meetings × seconds, in ms per meeting-second. */
  readonly cpuMsPerMeetingSecond: number;
  /** Server CPU use over the window, as a share of one core. */
  readonly serverCpuShare: number;
  readonly rssBytes: number;
  /** (RSS − idle baseline) / meetings. */
  readonly rssBytesPerMeeting: number;
  readonly delivery: Summary;
  readonly keystrokesSent: number;
  readonly expectedDeliveries: number;
  readonly receivedDeliveries: number;
  readonly lost: number;
  readonly unmatchedFrames: number;
  readonly echoesToSender: number;
  readonly awarenessSent: number;
  readonly awarenessReceived: number;
  readonly eventLoopDelay: { readonly p50: number; readonly p99: number; readonly max: number } | null;
  readonly generatorCpuShare: number;
  /**
   * The generator's own event-loop delay beyond its 10 ms sampling interval: its latency floor, and a witness of
   * machine-wide pauses (this VM stalls both cores for ~150 ms now and then, idle or not).
   */
  readonly generatorEventLoop: { readonly p99: number; readonly max: number };
  readonly valid: boolean;
  /** CPU used by other processes on this machine during the window, in cores. */
  readonly foreignCpuCores: number;
  /** Other work on the machine competed with the measurement (foreign CPU above FOREIGN_CPU_LIMIT). */
  readonly disturbed: boolean;
  readonly streamsExhausted: number;
  readonly unexpectedCloses: number;
  readonly clientErrors: readonly string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureWindow(server: ServerProcess, engine: LoadEngine, seconds: number, baselineRss: number): Promise<WindowResult> {
  await server.resetEventLoopDelay();
  engine.resetTally();
  const ownLoop = monitorEventLoopDelay({ resolution: 10 });
  ownLoop.enable();
  const foreign = new ForeignCpu(server.pid);
  const cpuBefore = cpuSeconds(server.pid);
  const selfBefore = process.cpuUsage();
  const start = performance.now();
  engine.startTyping();
  await sleep(seconds * 1000);
  engine.stopTyping();
  ownLoop.disable();
  const beyond = (ns: number) => round(Math.max(0, ns / 1e6 - 10), 3);
  const wall = (performance.now() - start) / 1000;
  const serverCpu = cpuSeconds(server.pid) - cpuBefore;
  const self = process.cpuUsage(selfBefore);
  const rss = rssBytes(server.pid);
  const foreignCpuCores = foreign.cores();
  const eventLoopDelay = await server.readEventLoopDelay();
  await engine.drain();
  const tally = engine.tally;
  const meetings = engine.meetings.length;
  const generatorCpuShare = (self.user + self.system) / 1e6 / wall;
  const problems = engine.clientProblems();
  return {
    meetings,
    seconds: round(wall, 2),
    cpuMsPerMeetingSecond: round((serverCpu * 1000) / (meetings * wall), 4),
    serverCpuShare: round(serverCpu / wall, 4),
    rssBytes: rss,
    rssBytesPerMeeting: Math.round((rss - baselineRss) / meetings),
    delivery: summarize(tally.latencies.values()),
    keystrokesSent: tally.keystrokesSent,
    expectedDeliveries: tally.expected,
    receivedDeliveries: tally.received,
    lost: tally.expected - tally.received,
    unmatchedFrames: tally.unmatched,
    echoesToSender: tally.echoes,
    awarenessSent: tally.awarenessSent,
    awarenessReceived: tally.awarenessReceived,
    eventLoopDelay: eventLoopDelay && { p50: eventLoopDelay.p50, p99: eventLoopDelay.p99, max: eventLoopDelay.max },
    generatorCpuShare: round(generatorCpuShare, 4),
    generatorEventLoop: { p99: beyond(ownLoop.percentile(99)), max: beyond(ownLoop.max) },
    valid: generatorCpuShare <= GENERATOR_CPU_LIMIT,
    foreignCpuCores,
    disturbed: foreignCpuCores > FOREIGN_CPU_LIMIT,
    streamsExhausted: tally.exhausted,
    unexpectedCloses: problems.unexpectedCloses,
    clientErrors: problems.errors,
  };
}

export interface IdleBaseline {
  readonly rssBytes: number;
  /** CPU the server uses with nobody connected (timers, GC), as a share of one core. */
  readonly cpuShare: number;
}

/** The server once it has started and settled, before any client connects: RSS, and CPU over 2 s of idling. */
export async function idleBaseline(server: ServerProcess): Promise<IdleBaseline> {
  await sleep(1_000);
  const before = cpuSeconds(server.pid);
  const start = performance.now();
  await sleep(2_000);
  const cpuShare = (cpuSeconds(server.pid) - before) / ((performance.now() - start) / 1000);
  return { rssBytes: rssBytes(server.pid), cpuShare: round(cpuShare, 4) };
}
