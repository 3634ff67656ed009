// The append-only audit log: who read or changed which student's record, when, and from where (FERPA 34 CFR 99.32).

import { type CommitRunner, commitRunner, type Db } from '../store/database';
import { isStorageFailure, type StorageHealth } from '../store/storage-health';

export interface AuditEvent {
  readonly actor: string | null;
  readonly iepId: string | null;
  readonly action: string;
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly ip?: string | null;
}

export interface StoredAuditEvent {
  readonly id: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly detail: Record<string, unknown>;
  readonly ip: string | null;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string | null;
  action: string;
  detail_json: string;
  ip: string | null;
}

type PendingRow = readonly [at: number, actor: string | null, iepId: string | null, action: string, detailJson: string, ip: string | null];

/** Events kept in memory while storage fails; past this, the oldest are counted and dropped rather than exhaust memory. */
const MAX_PENDING = 50_000;

export class AuditLog {
  private readonly insert;
  private readonly ofPlan;
  private readonly commit: CommitRunner;
  /** Events not yet written, oldest first: those recorded "soon", and any that storage refused while failing. */
  private pending: PendingRow[] = [];
  private scheduled = false;
  private droppedWhileFailing = 0;

  constructor(
    private readonly db: Db,
    private readonly storage?: StorageHealth,
  ) {
    this.insert = db.prepare('INSERT INTO audit_events (at, actor, iep_id, action, detail_json, ip) VALUES (?, ?, ?, ?, ?, ?)');
    this.ofPlan = db.prepare<[string, number], AuditRow>('SELECT id, at, actor, action, detail_json, ip FROM audit_events WHERE iep_id = ? ORDER BY id DESC LIMIT ?');
    this.commit = commitRunner(db);
    storage?.onRecovered(() => this.flush());
  }

  /** The newest events about one plan, newest first. */
  forPlan(iepId: string, limit = 1000): StoredAuditEvent[] {
    this.flush();
    limit = Math.max(1, Math.min(limit, 10_000));
    return this.ofPlan.all(iepId, limit).map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      action: row.action,
      detail: JSON.parse(row.detail_json) as Record<string, unknown>,
      ip: row.ip,
    }));
  }

  /**
   * Records the event on disk before returning: for answers that must not go out before their audit line. Never throws
   * for a storage failure: the meeting must not stop because its access log cannot be written, so the event waits in
   * memory, with its own time, and is written when storage works again.
   */
  record(event: AuditEvent): void {
    this.pending.push(rowOf(event));
    this.flush(false);
  }

  /**
   * Records the event at the end of this turn of the event loop, with every other event of the turn, in a commit that
   * does not wait for the disk (WAL, synchronous NORMAL): it survives the process crashing at once, and a power cut
   * only after the next full commit (the next accepted keystroke) or checkpoint. For the collaboration sockets, where
   * a hostile client causes thousands of refusals a second: an fsync for each stalled every meeting on the server.
   */
  recordSoon(event: AuditEvent): void {
    this.pending.push(rowOf(event));
    this.bound();
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Events still waiting for storage (tests and health checks). */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Writes every pending event in one transaction (also before any read, at shutdown and when storage recovers). */
  flush(relaxed = true): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    if (this.storage && !this.storage.writable) {
      this.bound();
      return;
    }
    const rows = this.pending;
    this.pending = [];
    const writeAll = () =>
      this.commit(
        () =>
          this.db.transaction(() => {
            for (const row of rows) this.insert.run(...row);
          })(),
        relaxed,
      );
    try {
      if (this.storage) this.storage.write(writeAll);
      else writeAll();
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.pending = [...rows, ...this.pending];
      this.bound();
      return;
    }
    if (this.droppedWhileFailing > 0) {
      console.error(`audit: ${this.droppedWhileFailing} events could not be kept while storage was failing`);
      this.droppedWhileFailing = 0;
    }
  }

  /** Past MAX_PENDING the oldest waiting events are counted and dropped rather than exhaust memory. */
  private bound(): void {
    const excess = this.pending.length - MAX_PENDING;
    if (excess <= 0) return;
    this.pending.splice(0, excess);
    this.droppedWhileFailing += excess;
  }
}

function rowOf(event: AuditEvent): PendingRow {
  return [Date.now(), event.actor, event.iepId, event.action, JSON.stringify(event.detail ?? {}), event.ip ?? null];
}
