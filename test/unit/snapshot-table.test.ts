// The snapshot table is a rowid table keyed by a unique (plan, doc) index. A data directory from before keeps every
// snapshot through the rebuild, and the rebuild runs once.

import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/database';
import { DocLog } from '../../server/store/doc-log';
import { removeTempDirs, tempDataDir } from '../helpers/server';

afterEach(() => removeTempDirs());

function textState(text: string): { state: Uint8Array; stateVector: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}

function tableSql(file: string): string {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_snapshots'").get()?.sql ?? '';
  } finally {
    raw.close();
  }
}

describe('the snapshot table', () => {
  it('is created as a rowid table, so a lookup does not read the snapshots it passes', () => {
    const dir = tempDataDir();
    openDatabase(dir).close();
    expect(tableSql(path.join(dir, 'concord.sqlite'))).not.toMatch(/WITHOUT ROWID/i);
  });

  it('is rebuilt from the WITHOUT ROWID table of an older data directory with every snapshot intact, once', () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'concord.sqlite');
    const big = textState('present levels '.repeat(4000));
    const small = textState('goal');
    const raw = new Database(file);
    raw.exec(
      'CREATE TABLE doc_snapshots (iep_id TEXT NOT NULL, doc TEXT NOT NULL, upto_seq INTEGER NOT NULL, data BLOB NOT NULL, state_vector BLOB, PRIMARY KEY (iep_id, doc)) WITHOUT ROWID',
    );
    const insert = raw.prepare('INSERT INTO doc_snapshots VALUES (?, ?, ?, ?, ?)');
    insert.run('plan', 'present-levels', 40, big.state, big.stateVector);
    insert.run('plan', 'annual-goals', 7, small.state, null);
    insert.run('other', 'annual-goals', 2, small.state, small.stateVector);
    raw.close();

    let db = openDatabase(dir);
    let log = new DocLog(db);
    const levels = log.load('plan', 'present-levels');
    expect(levels.lastSeq).toBe(40);
    expect(levels.snapshot).toEqual(Buffer.from(big.state));
    expect(levels.snapshotStateVector).toEqual(Buffer.from(big.stateVector));
    expect(log.load('plan', 'annual-goals').snapshotStateVector).toBeNull();
    expect(log.load('other', 'annual-goals').lastSeq).toBe(2);
    expect(tableSql(file)).not.toMatch(/WITHOUT ROWID/i);

    // The unique (plan, doc) index is what a compaction's upsert replaces on: still one row per doc.
    log.compact('plan', 'annual-goals', 9, big.state, big.stateVector);
    expect(log.load('plan', 'annual-goals')).toMatchObject({ lastSeq: 9, snapshot: Buffer.from(big.state) });
    expect(log.rowCount()).toBe(3);
    db.close();

    db = openDatabase(dir);
    log = new DocLog(db);
    expect(log.rowCount()).toBe(3);
    expect(log.load('plan', 'present-levels').snapshot).toEqual(Buffer.from(big.state));
    db.close();
  });
});
