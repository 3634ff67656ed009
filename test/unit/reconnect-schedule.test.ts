// The meeting room's reconnect timer over the shared policy: one pending attempt, woken early by the network's return but
// never before the server's "try again later", and docs the server closed held back before they reopen.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocHolds, ReconnectSchedule } from '../../client/api/reconnect-schedule';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { ReconnectPolicy } from '../../shared/protocol/reconnect';

const POLICY: ReconnectPolicy = { baseMs: 500, capMs: 10_000, laterFloorMs: 5_000 };
const HALF = () => 0.5;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the reconnect schedule', () => {
  it('runs the attempt once, after the drawn wait', () => {
    const schedule = new ReconnectSchedule(POLICY, HALF);
    const attempt = vi.fn();
    expect(schedule.after(1006, attempt)).toBe(true);
    expect(schedule.pending).toBe(true);
    vi.advanceTimersByTime(249);
    expect(attempt).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(schedule.pending).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('schedules nothing after a close that says reconnecting cannot help', () => {
    const schedule = new ReconnectSchedule(POLICY, HALF);
    const attempt = vi.fn();
    expect(schedule.after(CloseCode.NOT_SIGNED_IN, attempt)).toBe(false);
    expect(schedule.pending).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(attempt).not.toHaveBeenCalled();
  });

  it('counts failures until a sync, then starts from the first window again', () => {
    const schedule = new ReconnectSchedule(POLICY, HALF);
    for (let i = 0; i < 4; i++) schedule.after(1006, () => {});
    expect(schedule.failedAttempts).toBe(4);
    schedule.synced();
    const attempt = vi.fn();
    schedule.after(1006, attempt);
    vi.advanceTimersByTime(250);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('brings a long wait forward to the first window when the network returns', () => {
    const schedule = new ReconnectSchedule(POLICY, HALF);
    for (let i = 0; i < 5; i++) schedule.after(1006, () => {});
    const attempt = vi.fn();
    schedule.after(1006, attempt);
    schedule.wake();
    vi.advanceTimersByTime(250);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('never brings an attempt before the pause the server asked for', () => {
    const schedule = new ReconnectSchedule(POLICY, HALF);
    const attempt = vi.fn();
    schedule.after(CloseCode.TRY_AGAIN_LATER, attempt);
    schedule.wake();
    vi.advanceTimersByTime(POLICY.laterFloorMs - 1);
    expect(attempt).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('cancels the pending attempt', () => {
    const schedule = new ReconnectSchedule(POLICY, HALF);
    const attempt = vi.fn();
    schedule.after(1006, attempt);
    schedule.cancel();
    vi.advanceTimersByTime(60_000);
    expect(attempt).not.toHaveBeenCalled();
  });
});

describe('docs the server closed on a live socket', () => {
  it('are held back for at least the floor, then free to reopen', () => {
    const holds = new DocHolds(POLICY);
    holds.closed('annual-goals', CloseCode.NOT_SAVED);
    expect(holds.remaining('annual-goals')).toBeGreaterThanOrEqual(POLICY.laterFloorMs);
    expect(holds.remaining('present-levels')).toBe(0);
    vi.advanceTimersByTime(POLICY.laterFloorMs + POLICY.baseMs);
    expect(holds.remaining('annual-goals')).toBe(0);
  });

  it('are not held when the close ends them for good (their provider stops)', () => {
    const holds = new DocHolds(POLICY);
    holds.closed('no-such-section', CloseCode.UNKNOWN_DOC);
    expect(holds.remaining('no-such-section')).toBe(0);
  });
});
