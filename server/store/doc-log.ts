// The update log of every doc and its compacted snapshots: the durable truth that live docs are rebuilt from.

import { CrashPoints } from './crash-points';
import { type CommitRunner, commitRunner, type Db } from './database';
import { type StorageWrites, TRY_EVERY_WRITE } from './storage-health';

export interface StoredDoc {
  /** The compacted state, if the log was ever compacted. */
  readonly snapshot: Uint8Array | null;
  /** The snapshot's state vector, when it was stored with it. */
  readonly snapshotStateVector: Uint8Array | null;
  /** Updates after the snapshot, in the order they were accepted. */
  readonly updates: readonly Uint8Array[];
  /** The sequence number of the last accepted update (0 for a doc never written). */
  readonly lastSeq: number;
}

export class DocLog {
  private readonly insert;
  private readonly selectSnapshot;
  private readonly selectUpdates;
  private readonly selectLastSeq;
  private readonly upsertSnapshot;
  private readonly deleteUpTo;
  private readonly countDocs;
  private readonly commit: CommitRunner;

  constructor(
    private readonly db: Db,
    private readonly storage: StorageWrites = TRY_EVERY_WRITE,
    private readonly crashes: CrashPoints = CrashPoints.none,
  ) {
    this.insert = db.prepare('INSERT INTO doc_updates (iep_id, doc, seq, data) VALUES (?, ?, ?, ?)');
    this.selectSnapshot = db.prepare<[string, string], { upto_seq: number; data: Buffer; state_vector: Buffer | null }>(
      'SELECT upto_seq, data, state_vector FROM doc_snapshots WHERE iep_id = ? AND doc = ?',
    );
    this.selectUpdates = db.prepare<[string, string, number], { data: Buffer }>(
      'SELECT data FROM doc_updates WHERE iep_id = ? AND doc = ? AND seq > ? ORDER BY seq',
    );
    this.selectLastSeq = db.prepare<[string, string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM doc_updates WHERE iep_id = ? AND doc = ?',
    );
    this.upsertSnapshot = db.prepare(
      'INSERT INTO doc_snapshots (iep_id, doc, upto_seq, data, state_vector) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (iep_id, doc) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data, state_vector = excluded.state_vector',
    );
    this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE iep_id = ? AND doc = ? AND seq <= ?');
    this.commit = commitRunner(db);
    this.countDocs = db.prepare<[], { n: number }>(
      'SELECT (SELECT COUNT(*) FROM doc_updates) + (SELECT COUNT(*) FROM doc_snapshots) AS n',
    );
  }

  load(iepId: string, doc: string): StoredDoc {
    const snapshot = this.selectSnapshot.get(iepId, doc);
    const after = snapshot?.upto_seq ?? 0;
    // SQLite's blobs arrive as fresh Buffers (Uint8Arrays of their own): used as they are, not copied again.
    const updates = this.selectUpdates.all(iepId, doc, after).map((row) => row.data);
    const lastSeq = Math.max(after, this.selectLastSeq.get(iepId, doc)?.seq ?? 0);
    return {
      snapshot: snapshot?.data ?? null,
      snapshotStateVector: snapshot?.state_vector ?? null,
      updates,
      lastSeq,
    };
  }

  /** Durable when it returns (synchronous=FULL): only then may the update be relayed. */
  append(iepId: string, doc: string, seq: number, update: Uint8Array): void {
    this.storage.write(() => this.insert.run(iepId, doc, seq, update));
  }

  /**
   * Several appends in one transaction: everything accepted in a turn of the event loop. With `waitForDisk` the commit
   * syncs the log before returning; without it the caller must sync the log (`WalSync`) before anyone sees the batch.
   * A crash before the batch is on disk loses all of it, and nobody has seen any of it.
   */
  appendAll(entries: readonly { iepId: string; doc: string; seq: number; update: Uint8Array }[], waitForDisk = true): void {
    const half = Math.ceil(entries.length / 2);
    this.storage.write(() =>
      this.commit(
        () =>
          this.db.transaction(() => {
            for (const [index, entry] of entries.entries()) {
              this.insert.run(entry.iepId, entry.doc, entry.seq, entry.update);
              if (index + 1 === half) this.crashes.reached('append-mid-batch');
            }
          })(),
        !waitForDisk,
      ),
    );
  }

  /**
   * Replaces the log up to `uptoSeq` with one snapshot, atomically: a crash mid-way leaves the old log whole. The
   * snapshot's state vector (`Y.encodeStateVector`) is kept beside it when the caller has it.
   */
  compact(iepId: string, doc: string, uptoSeq: number, state: Uint8Array, stateVector: Uint8Array | null = null): void {
    this.storage.write(() =>
      this.crashes.during('snapshot-mid-write', () =>
        this.db.transaction(() => {
          this.upsertSnapshot.run(iepId, doc, uptoSeq, state, stateVector);
          this.crashes.reached('compaction-mid-transaction');
          this.deleteUpTo.run(iepId, doc, uptoSeq);
        })(),
      ),
    );
    this.crashes.reached('compaction-after-commit');
  }

  /** Rows in the log and snapshot tables, for tests that prove refused requests store nothing. */
  rowCount(): number {
    return this.countDocs.get()?.n ?? 0;
  }
}
