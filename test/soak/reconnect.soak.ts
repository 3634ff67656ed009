// Long reconnect runs (npm run soak): outages of 30 s to 5 min with both sides typing, across crashes and deploys, and a
// restart herd of 1,000 participants resyncing every section after the server stayed down for half a minute.

import { afterAll, describe, expect, it } from 'vitest';
import { docNames } from '../../shared/protocol/doc-names';
import { RECONNECT_POLICY } from '../../shared/protocol/reconnect';
import { OutageScenario, type OutagePlan } from '../helpers/outage-scenario';
import { iepTemplate } from '../helpers/plan-fixtures';
import { percentile, RestartHerd } from '../helpers/restart-herd';
import { removeTempDirs } from '../helpers/server';

const CONVERGE_WITHIN_MS = 2_000;
const running: { close(): Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(running.splice(0).map((each) => each.close()));
  removeTempDirs();
});

const OUTAGES: readonly (OutagePlan & { readonly name: string })[] = [
  { name: '30 s offline', outageMs: 30_000 },
  { name: '90 s offline across a deploy (SIGTERM)', outageMs: 90_000, restart: { atMs: 20_000, signal: 'SIGTERM' } },
  { name: '3 min offline across a crash (SIGKILL)', outageMs: 180_000, restart: { atMs: 60_000, signal: 'SIGKILL' } },
  { name: '5 min offline', outageMs: 300_000 },
  { name: '5 min offline across a crash (SIGKILL) near its end', outageMs: 300_000, restart: { atMs: 270_000, signal: 'SIGKILL' } },
];

// Each outage has its own server; together they take the longest one's wall time.
describe.concurrent('long outages, both sides typing', () => {
  for (const plan of OUTAGES) {
    it(`${plan.name}: all converge within 2 s of reconnecting, every keystroke kept`, async () => {
      const scenario = new OutageScenario(plan);
      running.push(scenario);
      const report = await scenario.run();
      console.log(plan.name, JSON.stringify(report, (key, value: unknown) => (key === 'startedAt' ? undefined : typeof value === 'number' ? Math.round(value) : value)));
      expect(report.characters).toBe(report.typed);
      expect(report.allIdenticalMs).toBeLessThan(CONVERGE_WITHIN_MS);
      for (const back of report.returns) expect(back.convergedMs, back.client).toBeLessThan(CONVERGE_WITHIN_MS);
      // However long the outage, the wait after the network returns is bounded by the policy's cap.
      for (const back of report.returns) expect(back.waitedMs, back.client).toBeLessThan(RECONNECT_POLICY.capMs + 1_000);
    });
  }
});

describe('a restart herd resyncing every section', () => {
  it('1,000 participants, each with the whole plan open, return after the server was down 30 s (SIGTERM)', async () => {
    const herd = new RestartHerd();
    running.push(herd);
    const report = await herd.run({ meetings: 125, docs: docNames(iepTemplate), signal: 'SIGTERM', downForMs: 30_000, resyncWithinMs: 120_000 });
    const baselineP95 = percentile(report.probeBaseline.latencies, 95);
    const duringP95 = percentile(report.probeDuringHerd.latencies, 95);
    console.log(JSON.stringify({ ...report, probeBaseline: undefined, probeDuringHerd: undefined, baselineP95, duringP95 }, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value) : value)));
    expect(report.everyoneBack).toBe(true);
    expect(report.busiest100msAcceptedAttempts).toBeLessThan(report.size / 5);
    expect(report.probeDuringHerd.undelivered).toBe(0);
    expect(duringP95).toBeLessThan(Math.max(2_000, 10 * baselineP95));
  });
});
