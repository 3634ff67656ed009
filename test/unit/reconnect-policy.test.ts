// The reconnect policy: full-jitter exponential backoff, capped, reset by a sync; pauses when the server asks; spreads a herd.

import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import { answerToClose, docRetryDelay, RECONNECT_POLICY, ReconnectBackoff, type ReconnectPolicy } from '../../shared/protocol/reconnect';

const POLICY: ReconnectPolicy = { baseMs: 500, capMs: 10_000, laterFloorMs: 5_000 };
const ALWAYS_MAX = () => 0.999_999;
const ALWAYS_MIN = () => 0;

/** A seeded generator, so the statistical cases below give the same answer on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function waits(backoff: ReconnectBackoff, count: number, code?: number): (number | null)[] {
  return Array.from({ length: count }, () => backoff.next(code));
}

describe('what a close asks for', () => {
  it.each([
    [undefined, 'retry'],
    [1000, 'retry'],
    [CloseCode.GOING_AWAY, 'retry'],
    [1006, 'retry'],
    [CloseCode.INTERNAL, 'retry'],
    [4000, 'retry'],
    [CloseCode.TRY_AGAIN_LATER, 'later'],
    [CloseCode.NOT_SAVED, 'later'],
    [4599, 'later'],
    [CloseCode.MALFORMED, 'stop'],
    [CloseCode.NOT_SIGNED_IN, 'stop'],
    [CloseCode.FORBIDDEN, 'stop'],
    [CloseCode.UNKNOWN_DOC, 'stop'],
    [4499, 'stop'],
  ] as const)('close code %s: %s', (code, answer) => {
    expect(answerToClose(code)).toBe(answer);
  });
});

describe('exponential backoff with full jitter', () => {
  it('doubles the window per failure up to the cap', () => {
    expect(waits(new ReconnectBackoff(POLICY, ALWAYS_MAX), 8)).toEqual([499, 999, 1999, 3999, 7999, 9999, 9999, 9999]);
  });

  it('may answer at once: the jitter reaches down to zero', () => {
    expect(waits(new ReconnectBackoff(POLICY, ALWAYS_MIN), 4)).toEqual([0, 0, 0, 0]);
  });

  it('draws each wait within its window, spread over all of it', () => {
    const random = seeded(7);
    for (let failures = 0; failures < 6; failures++) {
      const window = Math.min(POLICY.capMs, POLICY.baseMs * 2 ** failures);
      const samples = Array.from({ length: 2000 }, () => {
        const backoff = new ReconnectBackoff(POLICY, random);
        waits(backoff, failures);
        return backoff.next() ?? Number.NaN;
      });
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...samples)).toBeLessThan(window);
      // Uniform: about a quarter of the draws in each quarter of the window.
      for (let quarter = 0; quarter < 4; quarter++) {
        const inQuarter = samples.filter((wait) => wait >= (quarter * window) / 4 && wait < ((quarter + 1) * window) / 4).length;
        expect(inQuarter, `failures ${failures}, quarter ${quarter}`).toBeGreaterThan(400);
      }
    }
  });

  it('starts again from the first window once a connection synced', () => {
    const backoff = new ReconnectBackoff(POLICY, ALWAYS_MAX);
    waits(backoff, 5);
    expect(backoff.failedAttempts).toBe(5);
    backoff.reset();
    expect(backoff.failedAttempts).toBe(0);
    expect(backoff.next()).toBe(499);
  });

  it('stays finite after any number of failures', () => {
    const backoff = new ReconnectBackoff(POLICY, ALWAYS_MAX);
    waits(backoff, 5000);
    expect(backoff.next()).toBe(9999);
  });
});

describe("the server's answers", () => {
  it('never reconnects after a close that says it cannot help', () => {
    const backoff = new ReconnectBackoff(POLICY, ALWAYS_MAX);
    expect(waits(backoff, 3, CloseCode.NOT_SIGNED_IN)).toEqual([null, null, null]);
    expect(backoff.failedAttempts).toBe(0);
  });

  it('waits at least the floor after "try again later", jittered above it', () => {
    expect(new ReconnectBackoff(POLICY, ALWAYS_MIN).next(CloseCode.TRY_AGAIN_LATER)).toBe(POLICY.laterFloorMs);
    expect(new ReconnectBackoff(POLICY, ALWAYS_MAX).next(CloseCode.NOT_SAVED)).toBe(POLICY.laterFloorMs + 499);
    const random = seeded(11);
    const laterWaits = Array.from({ length: 1000 }, () => new ReconnectBackoff(POLICY, random).next(CloseCode.TRY_AGAIN_LATER) ?? 0);
    expect(new Set(laterWaits).size).toBeGreaterThan(300);
  });

  it('holds a doc the server closed on a live socket for at least the floor', () => {
    expect(docRetryDelay(POLICY, ALWAYS_MIN)).toBe(POLICY.laterFloorMs);
    expect(docRetryDelay(POLICY, ALWAYS_MAX)).toBeLessThan(POLICY.laterFloorMs + POLICY.baseMs);
  });
});

describe('a restart herd under the browser policy', () => {
  /** When each of `clients` next reaches a server that was down `downMs` after every socket dropped at time 0. */
  function arrivals(clients: number, downMs: number, random: () => number): number[] {
    return Array.from({ length: clients }, () => {
      const backoff = new ReconnectBackoff(RECONNECT_POLICY, random);
      let at = 0;
      while (at < downMs) at += backoff.next(CloseCode.GOING_AWAY) ?? Number.POSITIVE_INFINITY;
      return at;
    }).sort((a, b) => a - b);
  }

  function busiestWindow(times: readonly number[], windowMs: number): number {
    let busiest = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
      busiest = Math.max(busiest, end - start + 1);
    }
    return busiest;
  }

  it.each([500, 2_000, 5_000, 30_000])('1,000 clients back from a %i ms outage arrive spread out, all within the cap', (downMs) => {
    const times = arrivals(1000, downMs, seeded(downMs));
    expect(busiestWindow(times, 100)).toBeLessThan(150);
    expect((times.at(-1) ?? 0) - downMs).toBeLessThan(RECONNECT_POLICY.capMs);
  });

  it('the same herd without jitter would arrive in one burst (what the window count above guards against)', () => {
    const times = arrivals(1000, 2_000, () => 0.5);
    expect(busiestWindow(times, 100)).toBe(1000);
  });
});
