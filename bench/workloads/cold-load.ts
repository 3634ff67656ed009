// (c) Cold load: 1 and 8 participants join a large IEP that nobody has open (not loaded in the server), and we time from
// connect until every doc's full content has arrived. Between runs the server unloads the plan (Concord: a short
// CONCORD_IDLE_UNLOAD_MS; the reference unloads a doc as soon as its last socket closes; Hocuspocus as soon as its last
// connection leaves, after running any store still pending, and says how many docs it holds, so we wait for none).

import * as Y from 'yjs';
import { type BenchContext, idleBetweenRuns, sleep, withServer } from '../context';
import type { Contender, ContenderName } from '../contenders/contender';
import type { ServerProcess } from '../contenders/server-process';
import { MSG_SYNC, STEP2, UPDATE } from '../load/frames';
import type { ClientSink } from '../load/raw-client';
import { ForeignCpu } from '../metrics/proc-stats';
import { type Summary, summarize } from '../metrics/stats';
import type { BenchPlan } from '../setup/bench-plans';
import { prepareFixture } from '../setup/fixture';
import { growPlan } from '../setup/large-plan';

export interface ColdLoadResult {
  readonly planBytes: number;
  readonly byJoiners: Readonly<Record<string, { readonly samplesMs: readonly number[]; readonly summary: Summary; readonly failures: number }>>;
  /** CPU used by other processes on the machine meanwhile, in cores. */
  readonly foreignCpuCores: number;
}

/** Concord unloads a doc nobody uses after this long; runs wait well past it. */
const IDLE_UNLOAD_MS = 50;
const BETWEEN_RUNS_MS = 300;
/**
 * Untimed bursts of the largest joiner count before the timed runs. Traced with --trace-opt, Concord's join path was
 * still being optimized (on the server's one core, beside its event loop) during the 7th to 9th timed 8-joiner runs;
 * the 9th was the slowest in four of eight quick runs. A server that has served joiners all day is past this.
 */
const WARM_UP_BURSTS = 10;
const JOIN_TIMEOUT_MS = 15_000;
const UNLOAD_TIMEOUT_MS = 15_000;

/** Lets the server unload the plan; where the contender can tell, until it holds no doc at all. */
async function betweenRuns(contender: Contender, server: ServerProcess): Promise<void> {
  await idleBetweenRuns(BETWEEN_RUNS_MS);
  if (!contender.loadedDocs) return;
  const start = performance.now();
  let loaded = await contender.loadedDocs(server);
  while (loaded > 0) {
    if (performance.now() - start > UNLOAD_TIMEOUT_MS) throw new Error(`${contender.name} still holds ${loaded} docs ${UNLOAD_TIMEOUT_MS} ms after the joiners left`);
    await sleep(50);
    loaded = await contender.loadedDocs(server);
  }
}

/** One joiner: connect, ask for every doc, and resolve with the time until all expected content has arrived. */
interface Expected {
  readonly stateVector: ReadonlyMap<number, number>;
  /** Size of the doc's full state encoding: a message at least this big carries the whole doc. */
  readonly encodedBytes: number;
}

async function joinOnce(contender: Contender, server: ServerProcess, plan: BenchPlan, seat: number, expected: readonly Expected[]): Promise<number> {
  const have = expected.map(() => new Map<number, number>());
  let missing = expected.length;
  const covered = expected.map(() => false);
  let finish: (() => void) | null = null;
  const complete = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const sink: ClientSink = {
    message(_client, docIndex, head, bytes) {
      if (head.type !== MSG_SYNC || (head.step !== STEP2 && head.step !== UPDATE) || covered[docIndex]) return;
      const want = expected[docIndex] as Expected;
      // Fast path: the whole doc in one message (what both servers send a joiner with nothing); parsing 235 KB per joiner
      // on the generator's one core would otherwise delay the later joiners' clocks.
      if (head.payloadEnd - head.payloadStart < want.encodedBytes) {
        const { to } = Y.parseUpdateMeta(bytes.subarray(head.payloadStart, head.payloadEnd));
        const got = have[docIndex] as Map<number, number>;
        for (const [client, clock] of to) got.set(client, Math.max(clock, got.get(client) ?? 0));
        for (const [client, clock] of want.stateVector) if ((got.get(client) ?? 0) < clock) return;
      }
      covered[docIndex] = true;
      if (--missing === 0) finish?.();
    },
  };
  const start = performance.now();
  const client = contender.client(server, plan, seat, sink);
  try {
    await client.connect();
    client.subscribe();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), JOIN_TIMEOUT_MS);
    });
    const outcome = await Promise.race([complete, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') throw new Error(`joiner did not get the whole plan within ${JOIN_TIMEOUT_MS} ms (${missing} docs missing)`);
    return performance.now() - start;
  } finally {
    await client.close();
  }
}

export async function coldLoadWorkload(context: BenchContext): Promise<Partial<Record<ContenderName, ColdLoadResult>>> {
  const { runs, joiners, targetBytes } = context.profile.coldLoad;
  let planBytes = 0;
  const fixture = prepareFixture(context.root, 'cold-load', 1, (dataDir, plans) => {
    planBytes = growPlan(dataDir, plans[0] as BenchPlan, targetBytes);
  });
  const plan = fixture.plans[0] as BenchPlan;
  const content = fixture.content.get(plan.id);
  const expected: Expected[] = plan.docs.map((doc) => ({
    stateVector: content?.get(doc)?.stateVector ?? new Map<number, number>(),
    encodedBytes: content?.get(doc)?.encodedBytes ?? 0,
  }));
  context.log(`cold load: a ${Math.round(planBytes / 1000)} KB IEP (${plan.docs.length} docs), ${runs} runs each of ${joiners.join(' and ')} joiners`);

  const results: Partial<Record<ContenderName, ColdLoadResult>> = {};
  for (const contender of context.contenders) {
    results[contender.name] = await withServer(contender.start(fixture, { idleUnloadMs: IDLE_UNLOAD_MS }), async (server) => {
      await sleep(500);
      const foreign = new ForeignCpu(server.pid);
      const burst = Math.max(...joiners);
      for (let warmUp = 0; warmUp < WARM_UP_BURSTS; warmUp++) {
        await Promise.all(Array.from({ length: burst }, (_, seat) => joinOnce(contender, server, plan, seat, expected)));
        await betweenRuns(contender, server);
      }
      const byJoiners: Record<string, { samplesMs: number[]; summary: Summary; failures: number }> = {};
      for (const count of joiners) {
        const samples: number[] = [];
        let failures = 0;
        for (let run = 0; run < runs; run++) {
          const outcomes = await Promise.allSettled(Array.from({ length: count }, (_, seat) => joinOnce(contender, server, plan, seat, expected)));
          for (const outcome of outcomes) {
            if (outcome.status === 'fulfilled') samples.push(Math.round(outcome.value * 1000) / 1000);
            else {
              failures++;
              context.log(`  ${contender.name}: ${String(outcome.reason)}`);
            }
          }
          await betweenRuns(contender, server);
        }
        byJoiners[String(count)] = { samplesMs: samples, summary: summarize(samples), failures };
        const summary = byJoiners[String(count)]?.summary;
        context.log(`  ${contender.name}, ${count} joiner(s): p50 ${summary?.p50} ms, p99 ${summary?.p99} ms${failures ? `, ${failures} failed` : ''}`);
      }
      return { planBytes, byJoiners, foreignCpuCores: foreign.cores() };
    });
  }
  return results;
}
