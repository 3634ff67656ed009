// The tamper-evident record of a plan: sign-offs and status changes, each carrying the hash of the one before.

import { canonicalJson, sha256Hex, type Canonical } from '../../shared/schema/canonical';
import type { Db } from './database';

export type RecordKind = 'signoff' | 'status';

export interface RecordEntry {
  readonly seq: number;
  readonly kind: RecordKind;
  readonly body: Canonical;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface RecordHead {
  readonly seq: number;
  readonly hash: string;
}

export type Verification = { readonly intact: true; readonly entries: number } | { readonly intact: false; readonly entries: number; readonly problem: string };

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

interface Row {
  seq: number;
  kind: string;
  body_json: string;
  at: string;
  prev_hash: string;
  hash: string;
}

function entryHash(iepId: string, seq: number, kind: RecordKind, body: Canonical, at: string, prevHash: string): string {
  return sha256Hex(canonicalJson({ iepId, seq, kind, body, at, prevHash }));
}

export class RecordLog {
  constructor(private readonly db: Db) {}

  /** Appends in one transaction: the next seq and the previous hash are read and written together. */
  append(iepId: string, kind: RecordKind, body: Canonical, at = new Date().toISOString()): RecordEntry {
    return this.db.transaction(() => {
      const last = this.db
        .prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM record_events WHERE iep_id = ? ORDER BY seq DESC LIMIT 1')
        .get(iepId);
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS;
      const hash = entryHash(iepId, seq, kind, body, at, prevHash);
      this.db
        .prepare('INSERT INTO record_events (iep_id, seq, kind, body_json, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(iepId, seq, kind, canonicalJson(body), at, prevHash, hash);
      return { seq, kind, body, at, prevHash, hash };
    })();
  }

  entries(iepId: string): RecordEntry[] {
    return this.db
      .prepare<[string], Row>('SELECT seq, kind, body_json, at, prev_hash, hash FROM record_events WHERE iep_id = ? ORDER BY seq')
      .all(iepId)
      .map((row) => ({ seq: row.seq, kind: row.kind as RecordKind, body: JSON.parse(row.body_json) as Canonical, at: row.at, prevHash: row.prev_hash, hash: row.hash }));
  }

  /**
   * Recomputes every hash and link. An altered row breaks its own hash, a removed or reordered row breaks the links,
   * and a removed last row is caught against `head`, the newest hash as the meeting doc recorded it.
   */
  verify(iepId: string, head: RecordHead | undefined): Verification {
    const entries = this.entries(iepId);
    let prevHash = GENESIS;
    for (const [index, entry] of entries.entries()) {
      if (entry.seq !== index + 1) return { intact: false, entries: entries.length, problem: `entry ${index + 1} is missing or out of order` };
      if (entry.prevHash !== prevHash) return { intact: false, entries: entries.length, problem: `entry ${entry.seq} does not follow entry ${entry.seq - 1}` };
      if (entryHash(iepId, entry.seq, entry.kind, entry.body, entry.at, entry.prevHash) !== entry.hash) {
        return { intact: false, entries: entries.length, problem: `entry ${entry.seq} was altered` };
      }
      prevHash = entry.hash;
    }
    const last = entries.at(-1);
    if (head && (last?.seq !== head.seq || last.hash !== head.hash)) {
      return { intact: false, entries: entries.length, problem: `the record ends at entry ${last?.seq ?? 0}, but entry ${head.seq} was recorded` };
    }
    return { intact: true, entries: entries.length };
  }
}
