// (b) The district ramp: meetings of 8 with 1 typist, added step by step, measured at each step, stopped at the knee
// (event-loop p99, delivery p99, any loss) or when a step would need more sockets than this machine allows a process.

import { type BenchContext, contendersAtScale, sleep, withServer } from '../context';
import type { Contender, ContenderName } from '../contenders/contender';
import { LoadEngine, type MeetingShape } from '../load/live-meetings';
import { keystrokesFor, type RecordedStream, recordTyping } from '../load/recorded-typing';
import { TYPING_TARGETS, typingTarget } from '../load/typing-targets';
import { fileLimit } from '../metrics/proc-stats';
import { idleBaseline, measureWindow, type WindowResult } from '../metrics/window';
import { KNEE, SETTLE_AFTER_JOIN_MS } from '../profiles';
import { MEETING_TEAM, meetingDocs, TYPIST_SEATS } from '../setup/bench-plans';
import { prepareFixture } from '../setup/fixture';

export interface RampStep extends WindowResult {
  /** The step asked for; `meetings` may be lower when capped by the socket limit. */
  readonly requestedMeetings: number;
  readonly connectSeconds: number;
}

export interface RampResult {
  readonly baselineRssBytes: number;
  /** Server CPU with nobody connected, as a share of one core. */
  readonly idleCpuShare: number;
  readonly steps: readonly RampStep[];
  /** Most meetings served within the knee criteria. */
  readonly lastGoodMeetings: number;
  readonly stoppedBecause: string;
  readonly socketCap: number;
  /** Steps measured again because the first window hit the knee while other processes competed for the cores. */
  readonly disturbedRetries: readonly RampStep[];
}

/** Meetings of 8 that fit under the open-file limit of both the server and the generator (with room for other files). */
function socketCap(contender: Contender, serverPid: number): number {
  const limit = Math.min(fileLimit('self'), fileLimit(serverPid));
  const perMeeting = MEETING_TEAM.length * contender.socketsPerParticipant;
  return Math.floor((limit - 300) / perMeeting);
}

function kneeReason(step: WindowResult): string | null {
  const reasons: string[] = [];
  if (step.eventLoopDelay && step.eventLoopDelay.p99 > KNEE.eventLoopP99Ms) reasons.push(`event-loop p99 ${step.eventLoopDelay.p99} ms > ${KNEE.eventLoopP99Ms}`);
  if (step.delivery.p99 > KNEE.deliveryP99Ms) reasons.push(`delivery p99 ${step.delivery.p99} ms > ${KNEE.deliveryP99Ms}`);
  if (step.lost > KNEE.lost) reasons.push(`${step.lost} of ${step.expectedDeliveries} deliveries lost`);
  if (!step.valid) reasons.push(`generator CPU ${(step.generatorCpuShare * 100).toFixed(0)} % of its core: run invalid`);
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/** A district's meeting: 8 participants, one typing. Meetings take the recorded streams in turn (one per typing target). */
export function districtMeetingShape(keystrokes: number, charsPerSecond: number): MeetingShape {
  const streams: RecordedStream[] = TYPING_TARGETS.map((_, i) => {
    const target = typingTarget(i);
    return recordTyping({ clientId: 1_100_001 + i, section: target.section, part: target.part, keystrokes, startSentence: i * 5 });
  });
  if (!streams.every((stream) => meetingDocs().includes(stream.section))) throw new Error('a typing target is not an open section');
  return {
    typists: (meetingIndex) => [{ seat: TYPIST_SEATS[0], stream: streams[meetingIndex % streams.length] as RecordedStream }],
    charsPerSecond,
  };
}

export async function districtRampWorkload(context: BenchContext): Promise<Partial<Record<ContenderName, RampResult>>> {
  const { steps, stepSeconds, charsPerSecond } = context.profile.ramp;
  const most = Math.max(...steps);
  context.log(`district ramp: creating ${most} plans`);
  const fixture = prepareFixture(context.root, 'ramp', most);
  const shape = districtMeetingShape(keystrokesFor(steps.length * (stepSeconds + SETTLE_AFTER_JOIN_MS / 1000), charsPerSecond), charsPerSecond);

  const results: Partial<Record<ContenderName, RampResult>> = {};
  for (const contender of contendersAtScale(context)) {
    results[contender.name] = await withServer(contender.start(fixture), async (server) => {
      const baseline = await idleBaseline(server);
      const baselineRssBytes = baseline.rssBytes;
      const cap = socketCap(contender, server.pid);
      const engine = new LoadEngine(contender, server, shape);
      const done: RampStep[] = [];
      const disturbedRetries: RampStep[] = [];
      let lastGoodMeetings = 0;
      let stoppedBecause = 'all steps passed';
      try {
        for (const requested of steps) {
          const connected = engine.meetings.length;
          const target = Math.min(requested, cap);
          if (target <= connected) {
            stoppedBecause = `socket cap: ${requested} meetings need ${requested * MEETING_TEAM.length * contender.socketsPerParticipant} sockets, the open-file limit allows ${cap} meetings`;
            break;
          }
          context.log(`ramp: ${contender.name}, connecting ${target - connected} meetings (total ${target})${target < requested ? ' (capped by the open-file limit)' : ''}`);
          const connectStart = performance.now();
          await engine.addMeetings(fixture.plans.slice(connected, target));
          const connectSeconds = (performance.now() - connectStart) / 1000;
          engine.startTyping();
          await sleep(SETTLE_AFTER_JOIN_MS);
          let window = await measureWindow(server, engine, stepSeconds, baselineRssBytes);
          if (kneeReason(window) && window.disturbed) {
            // Other work on the machine may have caused the knee: measure the step once more before believing it.
            context.log(`  ${target} meetings: knee while other processes used ${window.foreignCpuCores} cores; measuring again`);
            disturbedRetries.push({ ...window, requestedMeetings: requested, connectSeconds: 0 });
            window = await measureWindow(server, engine, stepSeconds, baselineRssBytes);
          }
          const step: RampStep = { ...window, requestedMeetings: requested, connectSeconds: Math.round(connectSeconds * 10) / 10 };
          done.push(step);
          context.log(
            `  ${target} meetings: server CPU ${(step.serverCpuShare * 100).toFixed(1)} %, ${step.cpuMsPerMeetingSecond} ms/meeting-s, delivery p50 ${step.delivery.p50} p99 ${step.delivery.p99} ms, ` +
              `event loop p99 ${step.eventLoopDelay?.p99 ?? '?'} ms, lost ${step.lost}, RSS/meeting ${(step.rssBytesPerMeeting / 1e6).toFixed(2)} MB, generator ${(step.generatorCpuShare * 100).toFixed(0)} %, ` +
              `other processes ${step.foreignCpuCores} cores`,
          );
          const knee = kneeReason(step);
          if (knee) {
            stoppedBecause = `knee at ${target} meetings: ${knee}`;
            break;
          }
          lastGoodMeetings = target;
          if (target < requested) {
            stoppedBecause = `socket cap: the open-file limit (${fileLimit('self')}) allows ${cap} meetings of ${MEETING_TEAM.length * contender.socketsPerParticipant} sockets`;
            break;
          }
        }
      } finally {
        await engine.closeAll();
      }
      context.log(`  ${contender.name}: ${stoppedBecause}`);
      return { baselineRssBytes, idleCpuShare: baseline.cpuShare, steps: done, lastGoodMeetings, stoppedBecause, socketCap: cap, disturbedRetries };
    });
  }
  return results;
}
