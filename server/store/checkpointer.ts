// Copies the write-ahead log back into the database file on a worker thread. SQLite's own checkpoints run inside a
// commit on the connection that crosses the threshold: for us that is the event loop, stalled for the checkpoint's
// writes and two syncs while every meeting waits.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * A passive checkpoint never waits for (or blocks) the server's writes. Under steady typing it cannot finish the log,
 * so the log would only grow; once it holds `restartFrames`, the worker asks the server to hold its commits back, and
 * a restart checkpoint (the passive one having done nearly all the work) lets the next commit write the log from its
 * start again. Asking first matters: a commit waiting for the lock holds a read snapshot that the restart waits for.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = FULL');
const appended = new Int32Array(workerData.appended);
let lastError = null;
let awaitingPause = false;
let appendedAtLast = 0;
let lastAt = 0;
function failed(error) {
  const code = error.code ?? 'UNKNOWN';
  if (code !== lastError) parentPort.postMessage({ failed: code });
  lastError = code;
}
function checkpoint() {
  if (awaitingPause) return;
  // Only once enough was written, or now and then for the server's other writes: each checkpoint costs two syncs.
  const count = Atomics.load(appended, 0);
  const now = Date.now();
  if (count - appendedAtLast < workerData.everyUpdates && now - lastAt < workerData.atLeastEveryMs) return;
  appendedAtLast = count;
  lastAt = now;
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    lastError = null;
    if (passive.log >= workerData.restartFrames) {
      awaitingPause = true;
      parentPort.postMessage({ restart: 'wanted' });
    }
  } catch (error) {
    failed(error);
  }
}
function restart() {
  try {
    // Never waits: if anything still holds the log, this acts as a passive checkpoint and the next round tries again.
    db.pragma('wal_checkpoint(RESTART)');
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY') failed(error);
  }
  awaitingPause = false;
  parentPort.postMessage({ restart: 'done' });
}
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'paused') restart();
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** What holds the server's own commits back while the log restarts. */
export interface CommitPause {
  pause(): void;
  resume(): void;
}

export interface CheckpointerOptions {
  /** How often the worker looks at what was written. */
  readonly everyMs: number;
  /** Checkpoint once this many updates were appended since the last one… */
  readonly everyUpdates: number;
  /** …or this long after the last one, whatever was written. */
  readonly atLeastEveryMs: number;
  /** WAL frames (pages) past which the log is restarted from its beginning. */
  readonly restartFrames: number;
  /** Commits are resumed after this long even if the worker never answers. */
  readonly pauseLimitMs: number;
  /** Told the error code when checkpoints start failing (the log is whole: it only grows until they work again). */
  readonly onFailure: (code: string) => void;
}

export class Checkpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly appended = new Int32Array(new SharedArrayBuffer(4));

  /** The database must already be open in WAL mode, with SQLite's automatic checkpoints turned off. */
  constructor(dbPath: string, commits: CommitPause, options: CheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const { onFailure, pauseLimitMs, ...settings } = options;
    this.worker = new Worker(CHECKPOINTER, { eval: true, workerData: { ...settings, driver, path: dbPath, appended: this.appended.buffer } });
    this.worker.unref();
    let limit: ReturnType<typeof setTimeout> | undefined;
    const resume = () => {
      clearTimeout(limit);
      commits.resume();
    };
    this.worker.on('message', (message: { failed?: string; restart?: 'wanted' | 'done' }) => {
      if (message.failed) onFailure(message.failed);
      if (message.restart === 'wanted') {
        commits.pause();
        limit = setTimeout(resume, pauseLimitMs);
        this.worker.postMessage('paused');
      }
      if (message.restart === 'done') resume();
    });
    this.worker.once('exit', resume);
    this.worker.on('error', (error) => onFailure((error as { code?: string }).code ?? 'WORKER'));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Counts appended updates; shared memory, so the hot path sends the worker no message. */
  noteAppended(count: number): void {
    Atomics.add(this.appended, 0, count);
  }

  /** Stops after the checkpoint in progress, closing its connection, so the server's close can remove the log. */
  async close(): Promise<void> {
    this.worker.postMessage('stop');
    const timeout = setTimeout(() => void this.worker.terminate(), 5_000);
    await this.exited;
    clearTimeout(timeout);
  }
}
