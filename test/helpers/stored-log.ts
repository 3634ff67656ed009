// Reads a doc's update log straight from the database file (a second, read-only connection) to check what was stored, and how often.

import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

export interface LogCheck {
  /** Rows read: the snapshot (if any) and the updates after it. */
  readonly rows: number;
  /** Problems found; empty when every struct is stored exactly once and the sequence has no holes. */
  readonly problems: readonly string[];
}

/**
 * Every (client, clock) must be stored in exactly one row (snapshot or later update), and the updates after the
 * snapshot must be numbered without a gap: a struct stored twice, or a batch half-kept, shows up here.
 */
export function checkStoredLog(dataDir: string, iepId: string, doc: string): LogCheck {
  const db = new Database(path.join(dataDir, 'concord.sqlite'), { readonly: true });
  try {
    const snapshot = db.prepare<[string, string], { upto_seq: number; data: Buffer }>('SELECT upto_seq, data FROM doc_snapshots WHERE iep_id = ? AND doc = ?').get(iepId, doc);
    const after = snapshot?.upto_seq ?? 0;
    const updates = db
      .prepare<[string, string, number], { seq: number; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE iep_id = ? AND doc = ? AND seq > ? ORDER BY seq')
      .all(iepId, doc, after);
    const problems: string[] = [];
    updates.forEach((row, index) => {
      if (row.seq !== after + index + 1) problems.push(`update ${row.seq} follows ${index === 0 ? `snapshot ${after}` : `update ${updates[index - 1]?.seq}`}`);
    });
    const ranges = new Map<number, { clock: number; end: number; row: string }[]>();
    const rows = [...(snapshot ? [{ name: `snapshot ${after}`, data: snapshot.data }] : []), ...updates.map((row) => ({ name: `update ${row.seq}`, data: row.data }))];
    for (const row of rows) {
      for (const struct of Y.decodeUpdate(new Uint8Array(row.data)).structs) {
        if (struct instanceof Y.Skip) continue;
        const list = ranges.get(struct.id.client) ?? [];
        list.push({ clock: struct.id.clock, end: struct.id.clock + struct.length, row: row.name });
        ranges.set(struct.id.client, list);
      }
    }
    for (const [client, list] of ranges) {
      list.sort((a, b) => a.clock - b.clock);
      for (let i = 1; i < list.length; i++) {
        const previous = list[i - 1];
        const current = list[i];
        if (previous && current && current.clock < previous.end) {
          problems.push(`client ${client} clocks ${current.clock}..${previous.end - 1} stored twice (${previous.row}, ${current.row})`);
        }
      }
    }
    return { rows: rows.length, problems };
  } finally {
    db.close();
  }
}
