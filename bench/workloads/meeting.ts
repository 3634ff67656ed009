// (a) One IEP meeting: 8 participants with 12 sections and the meeting doc open, 2 of them typing, presence throttled.

import { type BenchContext, sleep, withServer } from '../context';
import type { ContenderName } from '../contenders/contender';
import { LoadEngine, type MeetingShape } from '../load/live-meetings';
import { keystrokesFor, type RecordedStream, recordTyping } from '../load/recorded-typing';
import { typingTarget } from '../load/typing-targets';
import { idleBaseline, measureWindow, type WindowResult } from '../metrics/window';
import { TYPIST_SEATS } from '../setup/bench-plans';
import { prepareFixture } from '../setup/fixture';

export interface MeetingResult {
  readonly baselineRssBytes: number;
  /** Server CPU with nobody connected, as a share of one core. */
  readonly idleCpuShare: number;
  readonly window: WindowResult;
}

export async function meetingWorkload(context: BenchContext): Promise<Partial<Record<ContenderName, MeetingResult>>> {
  const { seconds, charsPerSecond } = context.profile.meeting;
  const fixture = prepareFixture(context.root, 'meeting', 1);
  const keystrokes = keystrokesFor(seconds, charsPerSecond);
  const streams = TYPIST_SEATS.map((_, i) => {
    const target = typingTarget(i);
    return recordTyping({ clientId: 1_000_001 + i, section: target.section, part: target.part, keystrokes, startSentence: i * 7 });
  });
  const shape: MeetingShape = {
    typists: () => TYPIST_SEATS.map((seat, i) => ({ seat, stream: streams[i] as RecordedStream })),
    charsPerSecond,
  };
  const results: Partial<Record<ContenderName, MeetingResult>> = {};
  for (const contender of context.contenders) {
    context.log(`meeting: ${contender.name}, 8 participants, 2 typists at ${charsPerSecond} chars/s for ${seconds} s`);
    results[contender.name] = await withServer(contender.start(fixture), async (server) => {
      const baseline = await idleBaseline(server);
      const baselineRssBytes = baseline.rssBytes;
      const engine = new LoadEngine(contender, server, shape);
      try {
        await engine.addMeetings(fixture.plans);
        await sleep(1_000);
        const window = await measureWindow(server, engine, seconds, baselineRssBytes);
        context.log(
          `  delivery p50 ${window.delivery.p50} ms, p99 ${window.delivery.p99} ms, lost ${window.lost}, server CPU ${(window.serverCpuShare * 100).toFixed(1)} %, ` +
            `other processes ${window.foreignCpuCores} cores`,
        );
        return { baselineRssBytes, idleCpuShare: baseline.cpuShare, window };
      } finally {
        await engine.closeAll();
      }
    });
  }
  return results;
}
