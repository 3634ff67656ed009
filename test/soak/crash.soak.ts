// The long crash run (`npm run soak`): hundreds of kill -9s while fifty clients type, and many at each crash point.

import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_POINTS } from '../../server/store/crash-points';
import { atCrashPoint, CrashHarness, randomKill, type Trial } from '../helpers/crash-harness';
import { removeTempDirs } from '../helpers/server';

const TYPISTS = 50;
const SECTIONS = 5;
const RANDOM_KILLS = 300;
const PER_CRASH_POINT = 20;

process.setMaxListeners(TYPISTS + 20);
afterAll(removeTempDirs);

/** Crash points shuffled in among the random kills, so each one also recovers from every other kind of crash. */
function trials(): Trial[] {
  const list: Trial[] = Array.from({ length: RANDOM_KILLS }, randomKill);
  for (const point of CRASH_POINTS) {
    for (let i = 0; i < PER_CRASH_POINT; i++) list.splice(1 + Math.floor(Math.random() * list.length), 0, atCrashPoint(point));
  }
  return list;
}

describe('crash safety, long run', () => {
  it(`${RANDOM_KILLS} random kills and ${PER_CRASH_POINT} at each crash point while ${TYPISTS} clients type`, async () => {
    expect(await CrashHarness.runAll(TYPISTS, SECTIONS, trials())).toEqual([]);
  });
});
