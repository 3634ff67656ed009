// The long crash run (`npm run soak`): hundreds of kill -9s while fifty clients type, and many at each crash point.

import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_POINTS } from '../../server/store/crash-points';
import { atCrashPoint, CrashHarness, randomKill, type Trial } from '../helpers/crash-harness';
import { removeTempDirs } from '../helpers/server';

const TYPISTS = 50;
const SECTIONS = 5;
const RANDOM_KILLS = 200;
const PER_CRASH_POINT = 10;
const TRIALS_PER_PLAN = 50;

process.setMaxListeners(TYPISTS + 20);
afterAll(removeTempDirs);

/**
 * Crash points shuffled in among the random kills, so each one also recovers from every other kind of crash; never
 * first in a plan's run of trials, since the plan is set up on that trial's server.
 */
function trials(): Trial[] {
  const list: Trial[] = Array.from({ length: RANDOM_KILLS }, randomKill);
  for (const point of CRASH_POINTS) {
    for (let i = 0; i < PER_CRASH_POINT; i++) list.splice(1 + Math.floor(Math.random() * list.length), 0, atCrashPoint(point));
  }
  for (let start = 0; start < list.length; start += TRIALS_PER_PLAN) {
    if (list[start]?.crashPoint) list.splice(start, 0, randomKill());
  }
  return list;
}

describe('crash safety, long run', () => {
  it(`${RANDOM_KILLS} random kills and ${PER_CRASH_POINT} at each crash point while ${TYPISTS} clients type`, async () => {
    const all = trials();
    // A fresh plan every so often: every trial adds fifty paragraphs, and an ever-growing doc would slow each check.
    for (let start = 0; start < all.length; start += TRIALS_PER_PLAN) {
      const report = (done: number) => {
        if ((start + done) % 25 === 0) console.log(`crash soak: ${start + done} of ${all.length} trials recovered`);
      };
      expect(await CrashHarness.runAll(TYPISTS, SECTIONS, all.slice(start, start + TRIALS_PER_PLAN), report)).toEqual([]);
    }
  }, 60 * 60_000);
});
