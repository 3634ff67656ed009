// A restart herd: 1,000 participants in 125 meetings are connected when the server crashes and comes back on the same port.
// On the meeting room's reconnect schedule they all return and resync, spread out rather than in one burst, and a meeting
// typing meanwhile keeps getting its keystrokes through.

import { afterAll, describe, expect, it } from 'vitest';
import { RECONNECT_POLICY } from '../../shared/protocol/reconnect';
import { proseSection } from '../helpers/plan-fixtures';
import { percentile, RestartHerd } from '../helpers/restart-herd';
import { removeTempDirs } from '../helpers/server';

const herd = new RestartHerd();

afterAll(async () => {
  await herd.close();
  removeTempDirs();
});

describe('a restart herd', () => {
  it('1,000 clients reconnect after a crash with jittered backoff: all resync, spread out, and a meeting keeps typing', async () => {
    // The meeting doc and the sections a participant typically has open.
    const report = await herd.run({ meetings: 125, docs: ['meeting', proseSection().section.id, 'present-levels', 'annual-goals'], signal: 'SIGKILL' });
    const baselineP95 = percentile(report.probeBaseline.latencies, 95);
    const duringP95 = percentile(report.probeDuringHerd.latencies, 95);
    console.log(JSON.stringify({ ...report, probeBaseline: undefined, probeDuringHerd: undefined, baselineP95, duringP95 }, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value) : value)));

    expect(report.size).toBe(1000);
    // Nobody lost or stuck: every client connected, synced on a connection made after the crash, and still trying.
    expect(report.everyoneBack).toBe(true);
    expect(report.accepted).toBeGreaterThanOrEqual(report.size);
    // Spread: the busiest 100 ms saw a small fraction of the herd knock (without jitter: over a third), and the herd was
    // back within the policy's cap plus the time the server takes to resync everyone.
    expect(report.busiest100msAcceptedAttempts).toBeLessThan(report.size / 5);
    expect(report.busiest100msAccepted).toBeLessThan(report.size / 5);
    expect(report.acceptedAttemptSpreadMs).toBeGreaterThan(2_000);
    expect(report.allBackAfterUpMs).toBeLessThan(RECONNECT_POLICY.capMs + 10_000);
    // The meeting's keystrokes kept arriving: every one delivered, and promptly next to the quiet-server baseline.
    expect(report.probeBaseline.undelivered).toBe(0);
    expect(report.probeDuringHerd.undelivered).toBe(0);
    expect(report.probeDuringHerd.latencies.length).toBeGreaterThan(20);
    expect(duringP95).toBeLessThan(Math.max(1_000, 10 * baselineP95));
  }, 90_000);
});
