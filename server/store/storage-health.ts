// Whether storage takes writes: once a write fails, changes are refused at once (never half-accepted) until a probe write succeeds.

import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, type Db } from './database';
import { WalSyncError } from './wal-sync';

/** Thrown instead of writing while storage is known to be failing; answered as NOT_SAVED. */
export class StorageUnavailable extends Error {
  constructor() {
    super('storage is not taking writes');
    this.name = 'StorageUnavailable';
  }
}

/** Errors that mean the disk, not the request: full, read-only, failing, locked by another process, unreadable. */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|NOMEM|PROTOCOL|CORRUPT|NOTADB)/;

export function isStorageFailure(error: unknown): boolean {
  return error instanceof StorageUnavailable || error instanceof WalSyncError || (error instanceof Database.SqliteError && STORAGE_CODES.test(error.code));
}

/** What writers need: run a write through the health check. */
export interface StorageWrites {
  write<T>(action: () => T): T;
}

/** For code run outside the server (benchmarks, seeding): every write is simply tried. */
export const TRY_EVERY_WRITE: StorageWrites = { write: (action) => action() };

export class StorageHealth implements StorageWrites {
  private failing = false;
  private probeTimer: ReturnType<typeof setInterval> | null = null;
  private readonly recoveredListeners = new Set<() => void>();
  private readonly probeWrite;

  constructor(
    private readonly db: Db,
    private readonly retryMs: number,
    private readonly report: (line: string) => void = (line) => console.error(line),
  ) {
    this.probeWrite = db.prepare('INSERT INTO storage_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at');
  }

  get writable(): boolean {
    return !this.failing;
  }

  /** Runs a write, or refuses it at once while storage is failing; a storage error marks storage as failing. */
  write<T>(action: () => T): T {
    if (this.failing) throw new StorageUnavailable();
    try {
      return action();
    } catch (error) {
      this.noteFailure(error);
      throw error;
    }
  }

  /** Called with any error a write raised: storage errors switch to refusing writes and probing; others are not ours. */
  noteFailure(error: unknown): void {
    if (this.failing || !isStorageFailure(error) || error instanceof StorageUnavailable) return;
    this.failing = true;
    // The code only: an error message could quote what was being written.
    this.report(`storage: a write failed (${(error as { code?: string }).code ?? 'unknown'}); refusing changes until storage works again`);
    this.probeTimer = setInterval(() => this.probe(), this.retryMs);
    this.probeTimer.unref();
  }

  onRecovered(listener: () => void): () => void {
    this.recoveredListeners.add(listener);
    return () => this.recoveredListeners.delete(listener);
  }

  stop(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }

  /** A real committed write; without waiting on another process's lock, so a probe never stalls the server. */
  private probe(): void {
    this.db.pragma('busy_timeout = 0');
    try {
      this.probeWrite.run(Date.now());
    } catch {
      return;
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    this.stop();
    this.failing = false;
    this.report('storage: writes work again; changes are accepted');
    for (const listener of this.recoveredListeners) listener();
  }
}
