// Baseline and treatment take turns while a delivery probe runs, so a change in the machine's load falls on both alike.

import { percentile, type ProbeResults, type RemoteProbe } from './probe-process';
import { cpuTimeMs } from './process-usage';

export type Condition = 'baseline' | 'treated';

export interface Comparison {
  /** Probe latencies (ms) of every round pooled, by condition. */
  readonly pooled: Readonly<Record<Condition, number[]>>;
  /** Each round's latencies, by condition. */
  readonly rounds: readonly Readonly<Record<Condition, number[]>>[];
  /** CPU time the server used, and wall time spent, under each condition (ms). */
  readonly serverCpuMs: Readonly<Record<Condition, number>>;
  readonly wallMs: Readonly<Record<Condition, number>>;
  readonly results: ProbeResults;
}

export async function alternate(
  probe: RemoteProbe,
  serverPid: number,
  rounds: number,
  run: (condition: Condition, round: number) => Promise<unknown>,
): Promise<Comparison> {
  const serverCpuMs = { baseline: 0, treated: 0 };
  const wallMs = { baseline: 0, treated: 0 };
  for (let round = 0; round < rounds; round++) {
    // Baseline first in even rounds, second in odd ones: a slow drift (a growing heap or log) favours neither.
    const order = round % 2 === 0 ? (['baseline', 'treated'] as const) : (['treated', 'baseline'] as const);
    for (const condition of order) {
      probe.setPhase(`${condition}:${round}`);
      const [cpu, start] = [cpuTimeMs(serverPid), performance.now()];
      await run(condition, round);
      serverCpuMs[condition] += cpuTimeMs(serverPid) - cpu;
      wallMs[condition] += performance.now() - start;
    }
  }
  probe.setPhase('after');
  const results = await probe.stop();
  const roundsOut = Array.from({ length: rounds }, (_, round) => ({
    baseline: results.latencies[`baseline:${round}`] ?? [],
    treated: results.latencies[`treated:${round}`] ?? [],
  }));
  return {
    pooled: { baseline: roundsOut.flatMap((each) => each.baseline), treated: roundsOut.flatMap((each) => each.treated) },
    rounds: roundsOut,
    serverCpuMs,
    wallMs,
    results,
  };
}

/** One line of figures for the test's output: samples, p50, p99, max and server CPU under each condition. */
export function describeComparison(comparison: Comparison): string {
  const line = (condition: Condition) => {
    const values = comparison.pooled[condition];
    const ms = (value: number) => value.toFixed(1);
    return `${condition}: n=${values.length} p50=${ms(percentile(values, 50))} p99=${ms(percentile(values, 99))} max=${ms(Math.max(...values))} ms, server CPU ${Math.round(comparison.serverCpuMs[condition])} ms in ${Math.round(comparison.wallMs[condition])} ms`;
  };
  const perRound = comparison.rounds.map((round) => `${percentile(round.baseline, 99).toFixed(0)}/${percentile(round.treated, 99).toFixed(0)}`).join(' ');
  return `${line('baseline')}; ${line('treated')}; p99 per round (baseline/treated) ${perRound}`;
}
