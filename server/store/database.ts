// Opens the SQLite database under DATA_DIR with the durability settings every accepted keystroke relies on.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** How long a write waits for another process's lock before it fails as SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * A rowid table, unlike the others: a snapshot is tens of kilobytes, and in a WITHOUT ROWID table the whole row is
 * the key, so every lookup read the overflowing snapshots it passed on its way down the tree (~440 page reads to
 * load a 13-doc plan, ~60 this way).
 */
const SNAPSHOT_COLUMNS = `
  id INTEGER PRIMARY KEY,
  iep_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  upto_seq INTEGER NOT NULL,
  state_vector BLOB,
  data BLOB NOT NULL,
  UNIQUE (iep_id, doc)
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ieps (
  id TEXT PRIMARY KEY,
  template TEXT NOT NULL,
  status TEXT NOT NULL,
  student_json TEXT NOT NULL,
  facts_json TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  amends_id TEXT REFERENCES ieps(id),
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  iep_id TEXT NOT NULL REFERENCES ieps(id),
  name TEXT NOT NULL,
  roles_json TEXT NOT NULL,
  email TEXT,
  user_id TEXT REFERENCES users(id),
  removed_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_iep ON participants(iep_id);
CREATE INDEX IF NOT EXISTS participants_by_user ON participants(user_id);
CREATE TABLE IF NOT EXISTS invitations (
  token_hash TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants(id),
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT REFERENCES users(id),
  participant_id TEXT REFERENCES participants(id),
  auth_method TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  CHECK (user_id IS NOT NULL OR participant_id IS NOT NULL)
);
CREATE TABLE IF NOT EXISTS doc_updates (
  iep_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (iep_id, doc, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_snapshots (${SNAPSHOT_COLUMNS});
CREATE TABLE IF NOT EXISTS record_events (
  iep_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  body_json TEXT NOT NULL,
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (iep_id, seq)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS record_events_append_only_update BEFORE UPDATE ON record_events
  BEGIN SELECT RAISE(ABORT, 'the signed record is append-only'); END;
CREATE TRIGGER IF NOT EXISTS record_events_append_only_delete BEFORE DELETE ON record_events
  BEGIN SELECT RAISE(ABORT, 'the signed record is append-only'); END;
CREATE TABLE IF NOT EXISTS yjs_clients (
  iep_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (iep_id, client_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS storage_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT,
  iep_id TEXT,
  action TEXT NOT NULL,
  detail_json TEXT NOT NULL,
  ip TEXT
);
CREATE TRIGGER IF NOT EXISTS audit_events_append_only_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_events_append_only_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'concord.sqlite'));
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before we relay the update it holds, so a crash loses nothing anyone saw accepted.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec(SCHEMA);
  migrate(db);
  return db;
}

/** Runs a write; with `relaxed`, its commit goes to the log without waiting for the disk (synchronous=NORMAL). */
export type CommitRunner = <T>(write: () => T, relaxed: boolean) => T;

/**
 * For writes that a later sync of the log covers: a relaxed commit survives the process crashing at once, and a power
 * cut only after the next full commit or log sync, which every relayed edit waits for.
 */
export function commitRunner(db: Db): CommitRunner {
  const normal = db.prepare('PRAGMA synchronous = NORMAL');
  const full = db.prepare('PRAGMA synchronous = FULL');
  return (write, relaxed) => {
    if (!relaxed) return write();
    normal.run();
    try {
      return write();
    } finally {
      full.run();
    }
  };
}

/** Changes since the first release, for data directories created before them. */
function migrate(db: Db): void {
  const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_snapshots'").get();
  if (!/WITHOUT ROWID/i.test(table?.sql ?? '')) return;
  const snapshotColumns = db.prepare<[], { name: string }>('PRAGMA table_info(doc_snapshots)').all().map((column) => column.name);
  // The state vector of a snapshot (a joiner is told what the server holds without the snapshot being parsed) was
  // added later; the table itself was a WITHOUT ROWID one. Rebuilt in one transaction: a crash leaves the old table.
  const stateVector = snapshotColumns.includes('state_vector') ? 'state_vector' : 'NULL';
  db.transaction(() => {
    db.exec(`CREATE TABLE doc_snapshots_rowid (${SNAPSHOT_COLUMNS})`);
    db.exec(`INSERT INTO doc_snapshots_rowid (iep_id, doc, upto_seq, state_vector, data) SELECT iep_id, doc, upto_seq, ${stateVector}, data FROM doc_snapshots`);
    db.exec('DROP TABLE doc_snapshots');
    db.exec('ALTER TABLE doc_snapshots_rowid RENAME TO doc_snapshots');
  })();
}
