// Makes the write-ahead log durable off the event loop: a group commit is written to the WAL without waiting for the
// disk, and a worker thread's fdatasync decides when it may be relayed. The event loop never waits for the disk, and
// the updates arriving meanwhile form the next batch, so a slower disk means bigger batches rather than a stalled server.

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Its own thread, not libuv's pool: four sign-ins hashing passwords would otherwise queue every meeting's commit
 * behind them. Replies carry the request's id, in order.
 */
const SYNCER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const fd = fs.openSync(workerData, 'r');
parentPort.on('message', (id) => {
  try {
    fs.fdatasyncSync(fd);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, code: error.code ?? 'EIO', message: String(error.message) });
  }
});
`;

interface SyncReply {
  readonly id: number;
  readonly code?: string;
  readonly message?: string;
}

/** An fdatasync that failed: the disk may not hold what was written since the last good one. */
export class WalSyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`write-ahead log not synced: ${message}`);
    this.name = 'WalSyncError';
  }
}

export class WalSync {
  private readonly worker: Worker;
  private readonly fd: number;
  private readonly waiting = new Map<number, (error: WalSyncError | null) => void>();
  private nextId = 1;

  /** `walPath`: the database's `-wal` file, which must exist (the database is open in WAL mode). */
  constructor(walPath: string) {
    this.fd = fs.openSync(walPath, 'r');
    this.worker = new Worker(SYNCER, { eval: true, workerData: walPath });
    this.worker.unref();
    this.worker.on('message', (reply: SyncReply) => {
      const done = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) this.worker.unref();
      done?.(reply.code ? new WalSyncError(reply.code, reply.message ?? reply.code) : null);
    });
    // A syncer that dies takes its answers with it: what it held is treated as not stored.
    this.worker.on('error', (error) => this.failAll(new WalSyncError('EWORKER', error.message)));
    this.worker.on('exit', () => this.failAll(new WalSyncError('EWORKER', 'the log syncer stopped')));
  }

  /** Syncs everything written to the WAL before this call; `done` runs on the event loop once it is on disk. */
  sync(done: (error: WalSyncError | null) => void): void {
    const id = this.nextId++;
    this.waiting.set(id, done);
    this.worker.ref();
    this.worker.postMessage(id);
  }

  /** The same, blocking: for the server's own writes, which answer a request only once they are on disk. */
  syncNow(): void {
    try {
      fs.fdatasyncSync(this.fd);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      throw new WalSyncError(code, (error as Error).message);
    }
  }

  async close(): Promise<void> {
    this.failAll(new WalSyncError('ECLOSED', 'the server is stopping'));
    await this.worker.terminate();
    fs.closeSync(this.fd);
  }

  private failAll(error: WalSyncError): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const done of waiting) done(error);
  }
}
