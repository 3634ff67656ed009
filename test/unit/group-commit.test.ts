// Group commit with the log synced off the event loop: nothing is announced durable before its sync, a blocking flush
// covers a batch whose background sync is still running, and a paused commit (a log restart) loses nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/store/database';
import { DocLog } from '../../server/store/doc-log';
import { GroupCommit } from '../../server/store/group-commit';
import { WalSync } from '../../server/store/wal-sync';
import { removeTempDirs, tempDataDir } from '../helpers/server';

let dir: string;
let db: Db;
let walSync: WalSync;

beforeEach(() => {
  dir = tempDataDir();
  db = openDatabase(dir);
  walSync = new WalSync(`${db.name}-wal`);
});

afterEach(async () => {
  await walSync.close();
  db.close();
  removeTempDirs();
});

const update = (n: number) => new Uint8Array([n, n, n]);
const stored = (log: DocLog) => log.load('plan', 'goals').updates.map((each) => each[0]);
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('announces a batch durable only after its background sync, in order, and waiters after it', async () => {
    const log = new DocLog(db);
    const commits = new GroupCommit(log, { walSync, inlineSyncAfterIdleMs: Number.POSITIVE_INFINITY });
    const events: string[] = [];
    commits.append('plan', 'goals', 1, update(1), () => events.push('durable 1'), () => events.push('failed 1'));
    commits.append('plan', 'goals', 2, update(2), () => events.push('durable 2'), () => events.push('failed 2'));
    commits.whenDurable(() => events.push('waiter'));
    expect(events).toEqual([]);
    await turn();
    // Written and committed, not yet announced: the sync has not answered.
    expect(stored(log)).toEqual([1, 2]);
    await new Promise<void>((resolve) => commits.whenDurable(resolve));
    expect(events).toEqual(['durable 1', 'durable 2', 'waiter']);
  });

  it('gathers what arrives during a sync into the next batch', async () => {
    const log = new DocLog(db);
    const commits = new GroupCommit(log, { walSync, inlineSyncAfterIdleMs: Number.POSITIVE_INFINITY });
    const durable: number[] = [];
    commits.append('plan', 'goals', 1, update(1), () => durable.push(1), () => undefined);
    await turn();
    for (let n = 2; n <= 5; n++) commits.append('plan', 'goals', n, update(n), () => durable.push(n), () => undefined);
    await new Promise<void>((resolve) => commits.whenDurable(resolve));
    expect(durable).toEqual([1, 2, 3, 4, 5]);
    expect(stored(log)).toEqual([1, 2, 3, 4, 5]);
  });

  it('flush() stores everything at once and settles the batch still being synced, each exactly once', async () => {
    const log = new DocLog(db);
    const commits = new GroupCommit(log, { walSync, inlineSyncAfterIdleMs: Number.POSITIVE_INFINITY });
    const durable: number[] = [];
    commits.append('plan', 'goals', 1, update(1), () => durable.push(1), () => undefined);
    await turn();
    commits.append('plan', 'goals', 2, update(2), () => durable.push(2), () => undefined);
    commits.flush();
    expect(durable).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(durable).toEqual([1, 2]);
    let ran = false;
    commits.whenDurable(() => (ran = true));
    expect(ran).toBe(true);
  });

  it('holds commits while paused and stores them on resume', async () => {
    const log = new DocLog(db);
    const commits = new GroupCommit(log, { walSync, inlineSyncAfterIdleMs: Number.POSITIVE_INFINITY });
    const durable: number[] = [];
    commits.pause();
    commits.append('plan', 'goals', 1, update(1), () => durable.push(1), () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stored(log)).toEqual([]);
    commits.resume();
    await new Promise<void>((resolve) => commits.whenDurable(resolve));
    expect(durable).toEqual([1]);
    expect(stored(log)).toEqual([1]);
  });

  it('after a pause in typing, syncs on the spot: the batch is durable within its own turn', async () => {
    const log = new DocLog(db);
    const commits = new GroupCommit(log, { walSync });
    const durable: number[] = [];
    commits.append('plan', 'goals', 1, update(1), () => durable.push(1), () => undefined);
    await turn();
    expect(durable).toEqual([1]);
  });

  it('under steady typing syncs off the event loop even when the commit window is longer than the idle threshold', async () => {
    const log = new DocLog(db);
    const commits = new GroupCommit(log, { walSync, windowMs: 40, inlineSyncAfterIdleMs: 20 });
    let background = 0;
    const sync = walSync.sync.bind(walSync);
    walSync.sync = (done) => {
      background += 1;
      sync(done);
    };
    const durable: number[] = [];
    // The first update after a quiet spell is synced on the spot.
    commits.append('plan', 'goals', 1, update(1), () => durable.push(1), () => undefined);
    await turn();
    expect(durable).toEqual([1]);
    expect(background).toBe(0);
    // The next arrives at once and waits out the window (40 ms): still a busy server's batch, synced on the syncer.
    commits.append('plan', 'goals', 2, update(2), () => durable.push(2), () => undefined);
    await new Promise<void>((resolve) => commits.whenDurable(resolve));
    expect(durable).toEqual([1, 2]);
    expect(background).toBe(1);
  });

  it('fails the whole batch when storage refuses it, and stores nothing of it', async () => {
    const log = new DocLog(db);
    const commits = new GroupCommit(log, { walSync, inlineSyncAfterIdleMs: Number.POSITIVE_INFINITY });
    const outcome: string[] = [];
    commits.append('plan', 'goals', 1, update(1), () => outcome.push('durable 1'), () => outcome.push('failed 1'));
    // The same key twice in one batch: the transaction fails as a whole.
    commits.append('plan', 'goals', 1, update(9), () => outcome.push('durable 1 again'), () => outcome.push('failed 1 again'));
    await turn();
    await turn();
    expect(outcome).toEqual(['failed 1', 'failed 1 again']);
    expect(stored(log)).toEqual([]);
  });
});
