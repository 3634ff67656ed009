// Optional (`--cpu-prof`): Concord under a fixed district load, V8's CPU profiler on for the measurement window only,
// summarised by self time.

import fs from 'node:fs';
import path from 'node:path';
import { type BenchContext, sleep, withServer } from '../context';
import { concord } from '../contenders/concord';
import { LoadEngine } from '../load/live-meetings';
import { keystrokesFor } from '../load/recorded-typing';
import { type ProfileSummary, summarizeCpuProfile } from '../metrics/cpu-profile-summary';
import { idleBaseline, measureWindow, type WindowResult } from '../metrics/window';
import { prepareFixture } from '../setup/fixture';
import { SETTLE_AFTER_JOIN_MS } from '../profiles';
import { districtMeetingShape } from './district-ramp';

export interface CpuProfileResult {
  readonly meetings: number;
  readonly window: WindowResult;
  readonly summary: ProfileSummary | null;
}

export async function cpuProfileWorkload(context: BenchContext, meetings: number, seconds: number): Promise<CpuProfileResult> {
  const { charsPerSecond } = context.profile.ramp;
  const fixture = prepareFixture(context.root, 'cpu-profile', meetings);
  const shape = districtMeetingShape(keystrokesFor(seconds + SETTLE_AFTER_JOIN_MS / 1000, charsPerSecond), charsPerSecond);
  const profileDir = path.join(context.root, 'cpu-profiles');
  fs.mkdirSync(profileDir, { recursive: true });
  context.log(`cpu profile: concord with ${meetings} meetings for ${seconds} s under --cpu-prof`);
  const file = path.join(profileDir, `concord-${meetings}-meetings-${Date.now()}.cpuprofile`);
  let written = false;
  const window = await withServer(concord.start(fixture), async (server) => {
    const baseline = (await idleBaseline(server)).rssBytes;
    const engine = new LoadEngine(concord, server, shape);
    try {
      await engine.addMeetings(fixture.plans);
      engine.startTyping();
      await sleep(SETTLE_AFTER_JOIN_MS);
      await server.startCpuProfile();
      const measured = await measureWindow(server, engine, seconds, baseline);
      written = await server.stopCpuProfile(file);
      return measured;
    } finally {
      await engine.closeAll();
    }
  });
  return { meetings, window, summary: written ? summarizeCpuProfile(file) : null };
}
