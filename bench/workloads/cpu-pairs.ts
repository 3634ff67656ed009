// (e) CPU per meeting-second with the contenders measured in turn. This VM's cost of a system call drifts by up to half
// from one minute to the next (200,000 writes to /dev/null: 0.40 s, then 0.58 s), and every server here is mostly
// system calls: the ramp measures each contender minutes apart, so its ratio at a shared step carries that drift. Here
// each round starts every contender afresh on the same district meetings, in turn, and the order reverses each round
// (A B C, C B A), so a slow stretch weighs on all of them alike.

import { type BenchContext, contendersAtScale, sleep, withServer } from '../context';
import type { ContenderName } from '../contenders/contender';
import { LoadEngine } from '../load/live-meetings';
import { keystrokesFor } from '../load/recorded-typing';
import { measureWindow } from '../metrics/window';
import { SETTLE_AFTER_JOIN_MS } from '../profiles';
import { prepareFixture } from '../setup/fixture';
import { districtMeetingShape } from './district-ramp';

export interface PairedWindow {
  readonly round: number;
  readonly cpuMsPerMeetingSecond: number;
  readonly serverCpuShare: number;
  readonly lost: number;
  readonly foreignCpuCores: number;
  readonly valid: boolean;
}

export interface PairedResult {
  readonly meetings: number;
  readonly windows: readonly PairedWindow[];
  /** The mean over rounds: the figure compared. */
  readonly cpuMsPerMeetingSecond: number;
}

export async function cpuPairsWorkload(context: BenchContext): Promise<Partial<Record<ContenderName, PairedResult>>> {
  const { meetings, rounds, seconds } = context.profile.paired;
  const { charsPerSecond } = context.profile.ramp;
  const fixture = prepareFixture(context.root, 'paired', meetings);
  const shape = districtMeetingShape(keystrokesFor(seconds + SETTLE_AFTER_JOIN_MS / 1000, charsPerSecond), charsPerSecond);
  const windows = new Map<ContenderName, PairedWindow[]>();
  const contenders = contendersAtScale(context);
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      context.log(`cpu pairs: round ${round}, ${contender.name}, ${meetings} meetings for ${seconds} s`);
      const window = await withServer(contender.start(fixture), async (server) => {
        const engine = new LoadEngine(contender, server, shape);
        try {
          await engine.addMeetings(fixture.plans);
          engine.startTyping();
          await sleep(SETTLE_AFTER_JOIN_MS);
          // Memory is the ramp's measure: no idle baseline here.
          return await measureWindow(server, engine, seconds, 0);
        } finally {
          await engine.closeAll();
        }
      });
      context.log(`  ${window.cpuMsPerMeetingSecond} ms/meeting-s (server CPU ${(window.serverCpuShare * 100).toFixed(1)} %), other processes ${window.foreignCpuCores} cores`);
      const list = windows.get(contender.name) ?? [];
      list.push({
        round,
        cpuMsPerMeetingSecond: window.cpuMsPerMeetingSecond,
        serverCpuShare: window.serverCpuShare,
        lost: window.lost,
        foreignCpuCores: window.foreignCpuCores,
        valid: window.valid,
      });
      windows.set(contender.name, list);
    }
  }
  const results: Partial<Record<ContenderName, PairedResult>> = {};
  for (const [name, list] of windows) {
    const mean = list.reduce((sum, each) => sum + each.cpuMsPerMeetingSecond, 0) / list.length;
    results[name] = { meetings, windows: list, cpuMsPerMeetingSecond: Math.round(mean * 10_000) / 10_000 };
  }
  return results;
}
