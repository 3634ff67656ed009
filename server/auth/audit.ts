// The append-only audit log: who read or changed which student's record, when, and from where (FERPA 34 CFR 99.32).

import type { Db } from '../store/database';

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

export class AuditLog {
  private readonly insert;
  private readonly insertAll;
  private readonly ofPlan;
  private readonly syncNormal;
  private readonly syncFull;
  private pending: { readonly at: number; readonly event: AuditEvent }[] = [];
  private scheduled = false;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO audit_events (at, actor, iep_id, action, detail_json, ip) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertAll = db.transaction((entries: readonly { at: number; event: AuditEvent }[]) => {
      for (const { at, event } of entries) this.write(at, event);
    });
    this.ofPlan = db.prepare<[string, number], AuditRow>('SELECT id, at, actor, action, detail_json, ip FROM audit_events WHERE iep_id = ? ORDER BY id DESC LIMIT ?');
    this.syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
    this.syncFull = db.prepare('PRAGMA synchronous = FULL');
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

  /** Records the event on disk before returning: for answers that must not go out before their audit line. */
  record(event: AuditEvent): void {
    this.flush();
    this.write(Date.now(), event);
  }

  /**
   * Records the event at the end of this turn of the event loop, with every other event of the turn, in a commit that
   * does not wait for the disk (WAL, synchronous NORMAL): it survives the process crashing at once, and a power cut
   * only after the next full commit (the next accepted keystroke) or checkpoint. For the collaboration sockets, where
   * a hostile client causes thousands of refusals a second: an fsync for each stalled every meeting on the server.
   */
  recordSoon(event: AuditEvent): void {
    this.pending.push({ at: Date.now(), event });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes every event recorded with `recordSoon` so far (also before any read, and at shutdown). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const entries = this.pending;
    this.pending = [];
    this.syncNormal.run();
    try {
      this.insertAll(entries);
    } finally {
      this.syncFull.run();
    }
  }

  private write(at: number, event: AuditEvent): void {
    this.insert.run(at, event.actor, event.iepId, event.action, JSON.stringify(event.detail ?? {}), event.ip ?? null);
  }
}
