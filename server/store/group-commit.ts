// Group commit: the updates accepted since the last commit are stored in one transaction (one fsync), and only then
// relayed. Durability per update is unchanged. An idle server commits on the next turn of the event loop; a busy one
// at most once per commit window, so hundreds of meetings typing share each fsync instead of paying one per keystroke.

import type { DocLog } from './doc-log';

interface PendingAppend {
  readonly iepId: string;
  readonly doc: string;
  readonly seq: number;
  readonly update: Uint8Array;
  readonly durable: () => void;
  readonly failed: () => void;
}

export class GroupCommit {
  private pending: PendingAppend[] = [];
  private waiting: (() => void)[] = [];
  private scheduled = false;
  private lastCommitAt = Number.NEGATIVE_INFINITY;

  /** `windowMs`: the least time between two commits (0: every turn of the event loop). */
  constructor(
    private readonly log: DocLog,
    private readonly windowMs = 0,
  ) {}

  /** Queues an append; `durable` runs once it is on disk, `failed` if its batch could not be stored. */
  append(iepId: string, doc: string, seq: number, update: Uint8Array, durable: () => void, failed: () => void): void {
    this.pending.push({ iepId, doc, seq, update, durable, failed });
    this.schedule();
  }

  /** Runs `action` once everything accepted so far is on disk: at once if nothing is waiting. */
  whenDurable(action: () => void): void {
    if (this.pending.length === 0) {
      action();
      return;
    }
    this.waiting.push(action);
    this.schedule();
  }

  /** Stores everything pending now, then tells each waiter; used at the end of a turn and before the server's own answers. */
  flush(): void {
    this.scheduled = false;
    this.lastCommitAt = performance.now();
    const batch = this.pending;
    const waiting = this.waiting;
    this.pending = [];
    this.waiting = [];
    if (batch.length > 0) {
      try {
        this.log.appendAll(batch);
      } catch {
        for (const entry of batch) entry.failed();
        for (const action of waiting) action();
        return;
      }
      for (const entry of batch) entry.durable();
    }
    for (const action of waiting) action();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastCommitAt + this.windowMs - performance.now();
    if (wait <= 0) setImmediate(this.flushScheduled);
    else setTimeout(this.flushScheduled, wait);
  }

  /** A commit scheduled earlier may find that `flush()` was called meanwhile: it then stores whatever came since. */
  private readonly flushScheduled = (): void => {
    if (this.scheduled) this.flush();
  };
}
