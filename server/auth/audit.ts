// The append-only audit log: who read or changed which student's record, when, and from where (FERPA 34 CFR 99.32).

import type { Db } from '../store/database';
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
  /** Events that could not be written while storage failed, oldest first; written as soon as storage works again. */
  private pending: PendingRow[] = [];
  private droppedWhileFailing = 0;

  constructor(
    private readonly db: Db,
    private readonly storage?: StorageHealth,
  ) {
    this.insert = db.prepare('INSERT INTO audit_events (at, actor, iep_id, action, detail_json, ip) VALUES (?, ?, ?, ?, ?, ?)');
    this.ofPlan = db.prepare<[string, number], AuditRow>('SELECT id, at, actor, action, detail_json, ip FROM audit_events WHERE iep_id = ? ORDER BY id DESC LIMIT ?');
    storage?.onRecovered(() => this.writePending());
  }

  /** The newest events about one plan, newest first. */
  forPlan(iepId: string, limit = 1000): StoredAuditEvent[] {
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
   * Never throws for a storage failure: the meeting must not stop because its access log cannot be written, so the
   * event waits in memory, with its own time, and is written when storage works again.
   */
  record(event: AuditEvent): void {
    const row: PendingRow = [Date.now(), event.actor, event.iepId, event.action, JSON.stringify(event.detail ?? {}), event.ip ?? null];
    if (!this.storage) {
      this.insert.run(...row);
      return;
    }
    if (this.pending.length > 0 || !this.storage.writable) {
      this.keep(row);
      return;
    }
    try {
      this.storage.write(() => this.insert.run(...row));
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.keep(row);
    }
  }

  /** Events still waiting for storage (tests and health checks). */
  get pendingCount(): number {
    return this.pending.length;
  }

  private keep(row: PendingRow): void {
    this.pending.push(row);
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.droppedWhileFailing += 1;
    }
  }

  private writePending(): void {
    const rows = this.pending;
    if (rows.length === 0 || !this.storage) return;
    this.pending = [];
    try {
      this.storage.write(() =>
        this.db.transaction(() => {
          for (const row of rows) this.insert.run(...row);
        })(),
      );
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.pending = [...rows, ...this.pending];
      return;
    }
    if (this.droppedWhileFailing > 0) {
      console.error(`audit: ${this.droppedWhileFailing} events could not be kept while storage was failing`);
      this.droppedWhileFailing = 0;
    }
  }
}
