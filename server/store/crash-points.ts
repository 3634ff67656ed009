// Test-only fault injection: the server SIGKILLs itself at a named point inside storage, so tests can prove a crash there loses nothing.

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

export const CRASH_POINTS = [
  /** Inside a group commit's transaction, after part of the batch is inserted. */
  'append-mid-batch',
  /** A group commit is on disk and nothing of it has been relayed yet. */
  'append-before-relay',
  /** Inside a compaction's transaction: the snapshot is written, the updates it covers are not yet deleted. */
  'compaction-mid-transaction',
  /** A compaction is committed; the live doc has not yet noted it. */
  'compaction-after-commit',
  /** At a random moment while SQLite writes a compaction (a watchdog thread kills the process mid-write). */
  'snapshot-mid-write',
] as const;

export type CrashPointName = (typeof CRASH_POINTS)[number];

export interface CrashPointSetting {
  readonly point: CrashPointName;
  /** Die the n-th time the point is reached (1: the first time). */
  readonly occurrence: number;
}

/** Reads `point` or `point@n`; an unknown name is an error, so a typo in a test cannot silently test nothing. */
export function parseCrashPoint(value: string | undefined): CrashPointSetting | null {
  if (!value) return null;
  const [name = '', count] = value.split('@');
  const point = CRASH_POINTS.find((each) => each === name);
  const occurrence = count === undefined ? 1 : Number.parseInt(count, 10);
  if (!point || !Number.isInteger(occurrence) || occurrence < 1) {
    throw new Error(`CONCORD_CRASH_POINT must be one of ${CRASH_POINTS.join(', ')}, optionally followed by @n (n >= 1)`);
  }
  return { point, occurrence };
}

/**
 * The watchdog waits on shared memory, then spins for the requested microseconds and kills the process. It must be
 * another thread: while SQLite writes, the main thread is inside native code and runs no JavaScript.
 */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const cell = new Int32Array(workerData);
Atomics.wait(cell, 0, 0);
const until = process.hrtime.bigint() + BigInt(Atomics.load(cell, 1)) * 1000n;
while (process.hrtime.bigint() < until);
process.kill(process.pid, 'SIGKILL');
`;

export class CrashPoints {
  static readonly none = new CrashPoints(null);
  private remaining: number;
  private readonly watchdogCell: Int32Array | null = null;

  constructor(private readonly setting: CrashPointSetting | null) {
    this.remaining = setting?.occurrence ?? 0;
    if (setting?.point === 'snapshot-mid-write') {
      const shared = new SharedArrayBuffer(8);
      this.watchdogCell = new Int32Array(shared);
      new Worker(WATCHDOG, { eval: true, workerData: shared }).unref();
    }
  }

  /** Kills the process here if this is the armed point and its turn has come. */
  reached(point: CrashPointName): void {
    if (!this.due(point)) return;
    announce(point);
    process.kill(process.pid, 'SIGKILL');
  }

  /** Runs a storage write; if `point` is armed and due, the watchdog kills the process at a random moment during it. */
  during<T>(point: CrashPointName, write: () => T): T {
    const cell = this.watchdogCell;
    if (cell && this.due(point)) {
      announce(point);
      Atomics.store(cell, 1, Math.floor(Math.random() * 3000));
      Atomics.store(cell, 0, 1);
      Atomics.notify(cell, 0);
    }
    return write();
  }

  private due(point: CrashPointName): boolean {
    if (this.setting?.point !== point || this.remaining === 0) return false;
    this.remaining -= 1;
    return this.remaining === 0;
  }
}

/** Written synchronously, so the test can tell the crash it asked for from any other. */
function announce(point: CrashPointName): void {
  fs.writeSync(2, `crash point ${point}: killing the process\n`);
}
