// Crash trials against the real server: many clients type known sequences, the server dies, and a restart must hold exactly what was seen.

import * as Y from 'yjs';
import type { CrashPointName } from '../../server/store/crash-points';
import type { Role } from '../../shared/rules/roles';
import { connectDoc, type DocClient } from './collab-client';
import { type RunningServer, startServer, tempDataDir } from './server';
import { checkStoredLog } from './stored-log';
import { ADMIN, planWithTeam } from './team';
import { allDisconnected, connectTypist, nextRelay, paragraphTextOf, type ProseTarget, proseTargets, receivedFromServer } from './typists';

/** Staff roles that may edit: each gets a share of the typists' sockets (well under the per-participant cap). */
const WRITERS: readonly Role[] = ['special-education-teacher', 'general-education-teacher', 'lea-representative', 'evaluator', 'related-service-provider'];

export interface Trial {
  /** Test-only crash point (`point@n`); without one the test kills the server at a random moment. */
  readonly crashPoint?: string;
  readonly compactEvery: number;
  /** Random kill: how long the clients type before SIGKILL. */
  readonly killAfterMs: number;
  /** Each typist types one character every this many ms. */
  readonly typingIntervalMs: number;
}

interface TypedTrial {
  readonly trial: Trial;
  readonly typists: readonly { readonly clientId: number; readonly target: ProseTarget; readonly sequence: string; readonly typed: number }[];
  readonly seen: ReadonlyMap<number, number>;
}

export class CrashHarness {
  private server: RunningServer | undefined;
  private last: TypedTrial | undefined;
  private readonly clients: DocClient[] = [];

  private constructor(
    private readonly dataDir: string,
    private readonly iepId: string,
    private readonly cookies: readonly string[],
    private readonly targets: readonly ProseTarget[],
    private readonly typistCount: number,
    server: RunningServer,
  ) {
    this.server = server;
  }

  /** A plan with five writers, on a server that is running `first` (which must not have a crash point: the setup writes). */
  private static async start(typists: number, sections: number, first: Trial): Promise<CrashHarness> {
    const dataDir = tempDataDir();
    const server = await startServer({ dataDir, env: envFor(first), bundled: true });
    const team = await planWithTeam(server, WRITERS);
    const cookies = WRITERS.map((role) => team.members.get(role)?.cookie ?? '');
    return new CrashHarness(dataDir, team.iepId, cookies, proseTargets(sections), typists, server);
  }

  /** Starts the server for `trial` on the same data, then checks the trial before it against what this start recovered. */
  private async restartAndCheck(trial: Trial): Promise<string[]> {
    this.server = await startServer({ dataDir: this.dataDir, env: envFor(trial), bundled: true });
    return this.last ? this.check(this.last) : [];
  }

  /** Every typist types until the server dies (killed by us, or by its crash point); returns problems with the crash itself. */
  private async typeUntilCrash(trial: Trial): Promise<string[]> {
    const server = this.server;
    if (!server) throw new Error('no server running');
    // Connecting writes nothing to the log, so no crash point can fire before every typist is in.
    const typists = await Promise.all(
      Array.from({ length: this.typistCount }, (_, index) => {
        const target = this.targets[index % this.targets.length] as ProseTarget;
        return connectTypist(server.url, this.iepId, this.cookies[index % this.cookies.length] ?? '', target, Math.floor(Math.random() * 2 ** 31));
      }),
    );
    this.clients.push(...typists.map((typist) => typist.client));
    const clients = typists.map((typist) => typist.client);
    const relayed = trial.crashPoint ? null : nextRelay(clients, 20_000);
    for (const typist of typists) typist.start(trial.typingIntervalMs);
    const problems: string[] = [];
    if (trial.crashPoint) {
      const point = trial.crashPoint.split('@')[0] ?? '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const ended = await Promise.race([server.exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 20_000)))]);
      clearTimeout(timer);
      if (!ended) problems.push(`crash point ${trial.crashPoint} was not reached within 20 s`);
      else if (ended.signal !== 'SIGKILL' || !server.output().includes(`crash point ${point}:`)) problems.push(`the server ended (${JSON.stringify(ended)}) but not at ${point}`);
      await server.kill();
    } else {
      // Counted from the first relay: a kill before anything was shared would prove nothing.
      if (!(await relayed)) problems.push('nothing was relayed within 20 s of typing');
      await new Promise((resolve) => setTimeout(resolve, trial.killAfterMs));
      await server.kill();
    }
    for (const typist of typists) typist.stop();
    await allDisconnected(clients);
    const seen = receivedFromServer(clients);
    this.last = {
      trial,
      seen,
      typists: typists.map((typist) => ({ clientId: typist.client.doc.clientID, target: typist.target, sequence: typist.sequence, typed: typist.typed() })),
    };
    this.closeClients();
    this.server = undefined;
    const ownClients = new Set(this.last.typists.map((typist) => typist.clientId));
    if (![...seen.keys()].some((clientId) => ownClients.has(clientId))) problems.push(`no client received anything from another before the crash (${trial.crashPoint ?? `kill after ${trial.killAfterMs} ms`}): the trial proved nothing`);
    return problems;
  }

  /**
   * Runs `trials` in order on one data dir, each restart recovering the crash before it and checked against it. Stops
   * at the first step with problems (later ones would only echo it) and returns them.
   */
  static async runAll(typists: number, sections: number, trials: readonly Trial[], progress?: (done: number) => void): Promise<string[]> {
    const [first, ...rest] = trials;
    if (!first) return [];
    const harness = await CrashHarness.start(typists, sections, first);
    try {
      const steps = [() => harness.typeUntilCrash(first)];
      for (const trial of rest) steps.push(() => harness.restartAndCheck(trial), () => harness.typeUntilCrash(trial));
      steps.push(() => harness.restartAndCheck(randomKill()));
      for (const [index, step] of steps.entries()) {
        const problems = await step();
        if (problems.length > 0) return problems;
        if (index % 2 === 0) progress?.(index / 2 + 1);
      }
      return [];
    } finally {
      await harness.close();
    }
  }

  /** Stops whatever is running and forgets the clients. */
  private async close(): Promise<void> {
    this.closeClients();
    await this.server?.kill();
    this.server = undefined;
  }

  /** Connects one reader per section through the restarted server and compares with what the clients had seen and typed. */
  private async check({ trial, typists, seen }: TypedTrial): Promise<string[]> {
    const server = this.server;
    if (!server) throw new Error('no server running');
    const label = trial.crashPoint ?? `kill after ${trial.killAfterMs} ms`;
    const readers = new Map<string, DocClient>();
    for (const target of this.targets) {
      const reader = connectDoc(server.url, this.iepId, target.section.id, this.cookies[0] ?? '');
      this.clients.push(reader);
      readers.set(target.section.id, reader);
    }
    await Promise.all([...readers.values()].map((reader) => reader.synced));
    const stored = new Map<number, number>();
    for (const reader of readers.values()) for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVector(reader.doc))) stored.set(clientId, clock);
    const problems: string[] = [];
    for (const [clientId, clock] of seen) {
      if ((stored.get(clientId) ?? 0) < clock) problems.push(`${label}: client ${clientId} was seen up to clock ${clock}, stored only up to ${stored.get(clientId) ?? 0}`);
    }
    for (const typist of typists) {
      const reader = readers.get(typist.target.section.id);
      const text = reader ? paragraphTextOf(reader.doc, typist.target.part, typist.clientId) : null;
      const clock = stored.get(typist.clientId) ?? 0;
      if (text === null) {
        if (clock > 0) problems.push(`${label}: client ${typist.clientId} has ${clock} stored clocks but no paragraph`);
        continue;
      }
      // The paragraph and its text node take two clocks; every stored character one more: no gap and no repeat.
      if (clock !== text.length + 2) problems.push(`${label}: client ${typist.clientId} stored ${clock} clocks for ${text.length} characters`);
      if (text !== typist.sequence.slice(0, text.length) || text.length > typist.typed) {
        problems.push(`${label}: client ${typist.clientId} stored "${text.slice(0, 40)}…" (${text.length}), not a prefix of the ${typist.typed} characters it typed`);
      }
    }
    for (const target of this.targets) {
      for (const problem of checkStoredLog(this.dataDir, this.iepId, target.section.id).problems) problems.push(`${label}: ${target.section.id}: ${problem}`);
    }
    for (const reader of readers.values()) reader.destroy();
    return problems;
  }

  private closeClients(): void {
    for (const client of this.clients.splice(0)) client.destroy();
  }
}

function envFor(trial: Trial): Record<string, string> {
  return {
    CONCORD_ADMIN_EMAIL: ADMIN.email,
    CONCORD_ADMIN_PASSWORD: ADMIN.password,
    CONCORD_DEMO: '0',
    CONCORD_COMPACT_EVERY: String(trial.compactEvery),
    ...(trial.crashPoint ? { CONCORD_CRASH_POINT: trial.crashPoint } : {}),
  };
}

/** A trial that kills the server at a random moment while everyone types. */
export function randomKill(): Trial {
  return { compactEvery: 5 + Math.floor(Math.random() * 60), killAfterMs: Math.floor(Math.random() * 400), typingIntervalMs: 20 + Math.floor(Math.random() * 20) };
}

/**
 * A trial in which the server kills itself at `point`, on a random occurrence late enough that typing is well under way
 * (group commits come every turn of the event loop, compactions every few updates of each section).
 */
export function atCrashPoint(point: CrashPointName): Trial {
  // Relays wait for the log's sync, which runs beside the event loop: a compaction can come due before the first relay
  // has left, so compaction points wait for a few rounds of them.
  const occurrence = point.startsWith('append') ? 20 + Math.floor(Math.random() * 40) : 12 + Math.floor(Math.random() * 12);
  return { crashPoint: `${point}@${occurrence}`, compactEvery: 5 + Math.floor(Math.random() * 10), killAfterMs: 0, typingIntervalMs: 20 };
}
