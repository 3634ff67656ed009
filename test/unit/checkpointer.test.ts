// The log is checkpointed off the event loop and restarted from its start under steady writes, without ever holding
// the server's commits in a lock wait: the restart asks for a pause first.

import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../server/store/checkpointer';
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
  db.pragma('wal_autocheckpoint = 0');
  walSync = new WalSync(`${db.name}-wal`);
});

afterEach(async () => {
  await walSync.close();
  db.close();
  removeTempDirs();
});

describe('checkpointer', () => {
  it('keeps the log small under steady commits and loses nothing', async () => {
    const log = new DocLog(db);
    let checkpointer: Checkpointer | undefined;
    const commits = new GroupCommit(log, { walSync, inlineSyncAfterIdleMs: Number.POSITIVE_INFINITY, onStored: (count) => checkpointer?.noteAppended(count) });
    let pauses = 0;
    const failures: string[] = [];
    checkpointer = new Checkpointer(
      db.name,
      {
        pause: () => {
          pauses++;
          commits.pause();
        },
        resume: () => commits.resume(),
      },
      { everyMs: 20, everyUpdates: 20, atLeastEveryMs: 1_000, restartFrames: 64, pauseLimitMs: 1_000, onFailure: (code) => failures.push(code) },
    );
    let durable = 0;
    let written = 0;
    const until = performance.now() + 2_000;
    let seq = 0;
    // Twenty docs written round-robin, one commit per turn of the event loop, as a busy server does.
    while (performance.now() < until) {
      for (let i = 0; i < 5; i++) {
        seq++;
        const bytes = new Uint8Array(200).fill(seq % 251);
        written += bytes.byteLength;
        commits.append('plan', `doc-${seq % 20}`, seq, bytes, () => durable++, () => failures.push(`append ${seq}`));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise<void>((resolve) => commits.whenDurable(resolve));
    await checkpointer.close();
    expect(failures).toEqual([]);
    expect(durable).toBe(seq);
    expect(pauses).toBeGreaterThan(0);
    // Each commit rewrites the pages it touches: without restarts the log holds about three times what was written.
    const walBytes = fs.statSync(`${db.name}-wal`).size;
    expect(walBytes).toBeLessThan(written / 4);
    let stored = 0;
    for (let doc = 0; doc < 20; doc++) stored += log.load('plan', `doc-${doc}`).updates.length;
    expect(stored).toBe(seq);
  });
});
