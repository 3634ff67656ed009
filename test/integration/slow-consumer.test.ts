// A socket that stops reading while a big doc is written is closed (1013) past the cap; the server's memory stays bounded and other meetings carry on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import { describeComparison } from '../helpers/alternating-phases';
import { type BigWriter, openBigWriter } from '../helpers/big-writer';
import { collabBase } from '../helpers/collab-client';
import { percentile, type RemoteProbe, probeMeeting } from '../helpers/probe-process';
import { proseSection } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { slowConsumerRounds } from '../helpers/slow-consumer-scenario';
import { member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const ROUNDS = 2;
/** Written per phase, in 256 KB pastes every 20 ms (up to 12.8 MB/s). */
const WRITTEN = 16 * 1024 * 1024;
const CHUNK = 256 * 1024;
const CHUNK_EVERY_MS = 20;
const CAP = 1024 * 1024;
/** A baseline p99 under this counts as this much (see bad-frames-meeting.test.ts). */
const P99_FLOOR_MS = 10;

const { section, part } = proseSection();
let server: RunningServer;
let bigPlan: PlanWithTeam;
let otherMeeting: PlanWithTeam;
let probe: RemoteProbe | undefined;
let writer: BigWriter | undefined;

beforeAll(async () => {
  // Compacting often keeps the log (and the database file) small while tens of megabytes go through it.
  server = await startWithAdmin({ CONCORD_MAX_BUFFERED_BYTES: String(CAP), CONCORD_COMPACT_EVERY: '20' });
  bigPlan = await planWithTeam(server, ['special-education-teacher', 'general-education-teacher']);
  otherMeeting = await planWithTeam(server, ['special-education-teacher']);
});
afterAll(async () => {
  probe?.kill();
  await writer?.close();
  await server.stop();
  removeTempDirs();
});

describe('a slow consumer', () => {
  it('is closed with 1013 past the cap while others keep up; memory stays bounded; another meeting keeps its pace', async () => {
    const bigDoc = `${collabBase(server.url, bigPlan.iepId)}/${section.id}`;
    const reader = member(bigPlan, 'general-education-teacher');
    writer = await openBigWriter(server.url, bigPlan.iepId, section.id, part, member(bigPlan, 'special-education-teacher').cookie);
    probe = await probeMeeting(server.url, otherMeeting, 10);
    // One round of writing first: the server's heap grows to what this work needs, outside the comparison.
    await writer.write(WRITTEN / 4, CHUNK, CHUNK_EVERY_MS);

    const { comparison, stalled, keptUp, peakRss } = await slowConsumerRounds(server.pid, probe, writer, bigDoc, reader.cookie, {
      rounds: ROUNDS,
      written: WRITTEN,
      chunk: CHUNK,
      chunkEveryMs: CHUNK_EVERY_MS,
    });
    console.info(`slow consumer: stalled sockets ended ${JSON.stringify(stalled)}, reading ones received ${JSON.stringify(keptUp)} bytes; server RSS peak MB reading ${(peakRss.baseline / 2 ** 20).toFixed(1)}, stalled ${(peakRss.treated / 2 ** 20).toFixed(1)}; other meeting ${describeComparison(comparison)}`);

    // The stalled socket was closed for being behind. What it read after resuming is all the server ever queued for it:
    // the kernel's buffers (about 4 MB on loopback) and the 1 MB cap, not the 16 MB written. Those who read got it all.
    expect(stalled).toHaveLength(ROUNDS);
    for (const { code, bytesBeforeClose } of stalled) {
      expect(code).toBe(CloseCode.TRY_AGAIN_LATER);
      expect(bytesBeforeClose).toBeLessThan(WRITTEN / 2);
    }
    for (const bytes of keptUp) expect(bytes).toBeGreaterThanOrEqual(WRITTEN);
    // A coarse guard only: relayed messages are shared by every socket and the heap's peaks swing by tens of MB, so
    // this catches a gross leak (per socket, per message), while the bytes above measure the queue exactly.
    expect(peakRss.treated - peakRss.baseline).toBeLessThan(64 * 1024 * 1024);

    const { baseline, treated } = comparison.pooled;
    // Writing is paced: each phase lasts at least 1.3 s, 130 samples, whatever the machine.
    expect(baseline.length).toBeGreaterThan(200);
    expect(treated.length).toBeGreaterThan(200);
    expect(Math.max(...baseline, ...treated)).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(percentile(treated, 99)).toBeLessThanOrEqual(2 * Math.max(P99_FLOOR_MS, percentile(baseline, 99)));
  }, 60_000);
});
