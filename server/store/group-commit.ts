// Group commit: the updates accepted since the last commit are stored in one transaction, made durable by one sync of
// the write-ahead log, and only then relayed. Durability per update is unchanged. The sync runs off the event loop
// (`WalSync`); while it runs, new updates gather into the next batch. An idle server commits on the next turn of the
// event loop; a busy one at most once per commit window, so hundreds of meetings typing share each sync.

import type { CommitPause } from './checkpointer';
import type { CrashPoints } from './crash-points';
import type { DocLog } from './doc-log';
import type { WalSync, WalSyncError } from './wal-sync';

interface PendingAppend {
  readonly iepId: string;
  readonly doc: string;
  readonly seq: number;
  readonly update: Uint8Array;
  readonly durable: () => void;
  readonly failed: () => void;
}

/** Appends written in one transaction, and who waits for them to be on disk. */
interface Batch {
  readonly entries: PendingAppend[];
  readonly waiting: (() => void)[];
  settled: boolean;
}

export interface GroupCommitOptions {
  /** The least time between two commits (0: every turn of the event loop). */
  readonly windowMs?: number;
  /** Syncs the log off the event loop; without it every commit waits for the disk on the event loop. */
  readonly walSync?: WalSync | null;
  /** Told when a background sync fails, so storage is treated as failing. */
  readonly onSyncFailed?: (error: WalSyncError) => void;
  readonly crashes?: CrashPoints;
  /** Told how many updates each stored batch held (the checkpointer paces itself by it). */
  readonly onStored?: (count: number) => void;
  /** See `INLINE_SYNC_AFTER_IDLE_MS`. */
  readonly inlineSyncAfterIdleMs?: number;
}

/**
 * A batch whose first update came this long after the previous commit waits for the disk on the event loop: nothing
 * else is going on, and handing the sync to its thread and back costs more than the sync. Under load updates keep
 * coming, so a batch starts filling right after a commit however long the commit window is.
 */
export const INLINE_SYNC_AFTER_IDLE_MS = 20;

export class GroupCommit implements CommitPause {
  private next: Batch = newBatch();
  /** Written to the log, its sync not yet answered. At most one: the next batch is written once it is durable. */
  private syncing: Batch | null = null;
  private scheduled = false;
  private paused = false;
  private lastCommitAt = Number.NEGATIVE_INFINITY;
  /** When the next batch's first update arrived. */
  private nextStartedAt = 0;
  private readonly windowMs: number;
  private readonly walSync: WalSync | null;

  constructor(
    private readonly log: DocLog,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 0;
    this.walSync = options.walSync ?? null;
  }

  /** Queues an append; `durable` runs once it is on disk, `failed` if its batch could not be stored. */
  append(iepId: string, doc: string, seq: number, update: Uint8Array, durable: () => void, failed: () => void): void {
    if (this.next.entries.length === 0) this.nextStartedAt = performance.now();
    this.next.entries.push({ iepId, doc, seq, update, durable, failed });
    this.schedule();
  }

  /** Runs `action` once everything accepted so far is on disk: at once if nothing is waiting. */
  whenDurable(action: () => void): void {
    if (this.next.entries.length > 0) {
      this.next.waiting.push(action);
      this.schedule();
    } else if (this.syncing) {
      this.syncing.waiting.push(action);
    } else {
      action();
    }
  }

  /**
   * Stores everything pending now and waits for the disk on the event loop, then tells each waiter: for the server's
   * own answers, compaction and shutdown. The blocking sync also covers a batch whose background sync is still running.
   */
  flush(): void {
    this.scheduled = false;
    const syncing = this.syncing;
    // Settled below either way; its background answer, when it comes, changes nothing.
    this.syncing = null;
    const batch = this.takeNext();
    if (batch.entries.length > 0) {
      if (!this.write(batch, true)) return;
    } else if (syncing && this.walSync) {
      try {
        this.walSync.syncNow();
      } catch (error) {
        this.options.onSyncFailed?.(error as WalSyncError);
        this.settle(syncing, false);
        this.settle(batch, true);
        return;
      }
    }
    if (syncing) this.settle(syncing, true);
    this.settle(batch, true);
  }

  /** Holds background commits back (updates keep gathering) while the log is restarted; `flush()` still writes. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.next.entries.length > 0) this.schedule();
  }

  private takeNext(): Batch {
    const batch = this.next;
    this.next = newBatch();
    return batch;
  }

  /** Writes the batch in one transaction; false (and the batch failed) if storage refused it. */
  private write(batch: Batch, waitForDisk: boolean): boolean {
    this.lastCommitAt = performance.now();
    try {
      this.log.appendAll(batch.entries, waitForDisk);
      this.options.onStored?.(batch.entries.length);
      return true;
    } catch {
      this.settle(batch, false);
      return false;
    }
  }

  /** The batch is on disk (relay it) or lost (its docs reload); either way its waiters run. Only the first call counts. */
  private settle(batch: Batch, stored: boolean): void {
    if (batch.settled) return;
    batch.settled = true;
    if (stored && batch.entries.length > 0) this.options.crashes?.reached('append-before-relay');
    for (const entry of batch.entries) {
      if (stored) entry.durable();
      else entry.failed();
    }
    for (const action of batch.waiting) action();
  }

  private schedule(): void {
    if (this.scheduled || this.syncing || this.paused) return;
    this.scheduled = true;
    const wait = this.lastCommitAt + this.windowMs - performance.now();
    if (wait <= 0) setImmediate(this.commitScheduled);
    else setTimeout(this.commitScheduled, wait);
  }

  /** A commit scheduled earlier may find that `flush()` ran meanwhile: it then stores whatever came since. */
  private readonly commitScheduled = (): void => {
    if (!this.scheduled) return;
    this.scheduled = false;
    if (this.paused) return;
    const batch = this.takeNext();
    if (batch.entries.length === 0) {
      this.settle(batch, true);
      return;
    }
    const walSync = this.walSync;
    if (!walSync || this.nextStartedAt - this.lastCommitAt > (this.options.inlineSyncAfterIdleMs ?? INLINE_SYNC_AFTER_IDLE_MS)) {
      if (this.write(batch, true)) this.settle(batch, true);
      return;
    }
    if (!this.write(batch, false)) return;
    this.syncing = batch;
    walSync.sync((error) => {
      if (this.syncing === batch) this.syncing = null;
      if (error) this.options.onSyncFailed?.(error);
      this.settle(batch, !error);
      if (this.next.entries.length > 0 || this.next.waiting.length > 0) this.schedule();
    });
  };
}

function newBatch(): Batch {
  return { entries: [], waiting: [], settled: false };
}

