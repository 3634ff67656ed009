// kill -9 while fifty clients type, at random moments and at named points inside storage: what anyone saw is stored, once.

import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_POINTS } from '../../server/store/crash-points';
import { atCrashPoint, CrashHarness, randomKill } from '../helpers/crash-harness';
import { removeTempDirs } from '../helpers/server';

const TYPISTS = 50;
const SECTIONS = 5;
const RANDOM_KILLS = 20;

// Every y-websocket provider listens for the process's exit: fifty of them are expected, not a leak.
process.setMaxListeners(TYPISTS + 20);
afterAll(removeTempDirs);

describe('crash safety', () => {
  it(`${TYPISTS} clients typing, ${RANDOM_KILLS} kills at random moments and one at each crash point: every update seen is stored, none twice`, async () => {
    const trials = [...Array.from({ length: RANDOM_KILLS }, randomKill), ...CRASH_POINTS.map(atCrashPoint)];
    expect(await CrashHarness.runAll(TYPISTS, SECTIONS, trials)).toEqual([]);
  }, 240_000);
});
