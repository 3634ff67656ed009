// Which Node flags the server is launched with: GC stays on the event loop's thread only where helpers would preempt it.

import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from '../../server/launch-flags';

describe('serverNodeFlags', () => {
  it('keeps garbage collection on the event loop when the process may use one core only', () => {
    expect(serverNodeFlags(1, undefined)).toEqual(['--single-threaded-gc']);
  });

  it('leaves V8 its helper threads when there are cores for them', () => {
    expect(serverNodeFlags(2, undefined)).toEqual([]);
    expect(serverNodeFlags(16, '')).toEqual([]);
  });

  it('follows CONCORD_SINGLE_THREADED_GC over the core count', () => {
    expect(serverNodeFlags(8, '1')).toEqual(['--single-threaded-gc']);
    expect(serverNodeFlags(1, '0')).toEqual([]);
  });
});
