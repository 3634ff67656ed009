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
  private readonly ofPlan;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO audit_events (at, actor, iep_id, action, detail_json, ip) VALUES (?, ?, ?, ?, ?, ?)');
    this.ofPlan = db.prepare<[string, number], AuditRow>('SELECT id, at, actor, action, detail_json, ip FROM audit_events WHERE iep_id = ? ORDER BY id DESC LIMIT ?');
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

  record(event: AuditEvent): void {
    this.insert.run(Date.now(), event.actor, event.iepId, event.action, JSON.stringify(event.detail ?? {}), event.ip ?? null);
  }
}
