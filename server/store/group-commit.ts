// Group commit: every update accepted during one turn of the event loop is stored in one transaction (one fsync),
// and only then relayed. Durability per update is unchanged; the disk is asked once per turn instead of once per keystroke.

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

  constructor(private readonly log: DocLog) {}

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
    setImmediate(() => this.flush());
  }
}
