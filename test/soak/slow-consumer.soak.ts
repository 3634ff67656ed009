// The slow-consumer scenario at length: with many samples, another meeting's delivery p99 moves by no more than 10 %.

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

const ROUNDS = 30;
/** A steadier writer than in npm test (6.4 MB/s): the other meeting's tail is then the server's, not the disk's. */
const WRITTEN = 16 * 1024 * 1024;
const CHUNK = 128 * 1024;
const CHUNK_EVERY_MS = 20;

const { section, part } = proseSection();
let server: RunningServer;
let probe: RemoteProbe | undefined;
let writer: BigWriter | undefined;

beforeAll(async () => {
  server = await startWithAdmin({ CONCORD_COMPACT_EVERY: '20' });
});
afterAll(async () => {
  probe?.kill();
  await writer?.close();
  await server.stop();
  removeTempDirs();
});

describe('a slow consumer, at length', () => {
  it(`over ${ROUNDS} rounds: every stalled socket closed with 1013, another meeting's p99 within +10 % of the rounds with a reading consumer`, async () => {
    const bigPlan: PlanWithTeam = await planWithTeam(server, ['special-education-teacher', 'general-education-teacher']);
    const otherMeeting: PlanWithTeam = await planWithTeam(server, ['special-education-teacher']);
    writer = await openBigWriter(server.url, bigPlan.iepId, section.id, part, member(bigPlan, 'special-education-teacher').cookie);
    probe = await probeMeeting(server.url, otherMeeting, 10);
    await writer.write(WRITTEN / 4, CHUNK, CHUNK_EVERY_MS);
    const target = `${collabBase(server.url, bigPlan.iepId)}/${section.id}`;
    const outcome = await slowConsumerRounds(server.pid, probe, writer, target, member(bigPlan, 'general-education-teacher').cookie, {
      rounds: ROUNDS,
      written: WRITTEN,
      chunk: CHUNK,
      chunkEveryMs: CHUNK_EVERY_MS,
    });
    console.info(`slow consumer soak: server RSS peak MB reading ${(outcome.peakRss.baseline / 2 ** 20).toFixed(1)}, stalled ${(outcome.peakRss.treated / 2 ** 20).toFixed(1)}; other meeting ${describeComparison(outcome.comparison)}`);

    for (const { code, bytesBeforeClose } of outcome.stalled) {
      expect(code).toBe(CloseCode.TRY_AGAIN_LATER);
      expect(bytesBeforeClose).toBeLessThan(WRITTEN / 2);
    }
    const { baseline, treated } = outcome.comparison.pooled;
    expect(Math.max(...baseline, ...treated)).toBeLessThan(Number.POSITIVE_INFINITY);
    // One-sided: a stalled socket spares the server the sending, so the other meeting may well be faster, never slower.
    expect(percentile(treated, 99)).toBeLessThanOrEqual(1.1 * percentile(baseline, 99));
  });
});
