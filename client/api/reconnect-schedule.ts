// When the collaboration socket tries again, and when a doc the server closed may reopen: the shared policy on a timer.

import { answerToClose, docRetryDelay, RECONNECT_POLICY, ReconnectBackoff, type ReconnectPolicy } from '../../shared/protocol/reconnect';

/** At most one pending attempt to reopen the socket. */
export class ReconnectSchedule {
  private readonly backoff: ReconnectBackoff;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt: (() => void) | null = null;
  private dueAt = 0;
  /** The server asked for a pause: no wake-up brings the attempt before this. */
  private notBefore = 0;

  constructor(
    private readonly policy: ReconnectPolicy = RECONNECT_POLICY,
    private readonly random: () => number = Math.random,
  ) {
    this.backoff = new ReconnectBackoff(policy, random);
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  /** Attempts that failed since the last sync. */
  get failedAttempts(): number {
    return this.backoff.failedAttempts;
  }

  /** The socket closed with `code` (undefined: the attempt failed): runs `attempt` after the policy's wait; false if never. */
  after(code: number | undefined, attempt: () => void): boolean {
    this.cancel();
    const delay = this.backoff.next(code);
    if (delay === null) return false;
    this.notBefore = answerToClose(code) === 'later' ? Date.now() + this.policy.laterFloorMs : 0;
    this.arm(delay, attempt);
    return true;
  }

  /**
   * The network is back (the browser's `online` event): a pending attempt runs within the first window rather than at the
   * end of a long one. Every browser of a school sees the event at once, so this wait is jittered too.
   */
  wake(): void {
    if (!this.attempt) return;
    const soon = Math.max(Date.now() + Math.floor(this.random() * this.policy.baseMs), this.notBefore);
    if (soon < this.dueAt) this.arm(soon - Date.now(), this.attempt);
  }

  /** A connection synced: the next loss starts from the first window again. */
  synced(): void {
    this.backoff.reset();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = null;
  }

  private arm(delay: number, attempt: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.attempt = attempt;
    this.dueAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.attempt = null;
      attempt();
    }, delay);
  }
}

/** Docs the server closed on a live socket, each held back for a while before its channel may open again. */
export class DocHolds {
  private readonly until = new Map<string, number>();

  constructor(private readonly policy: ReconnectPolicy = RECONNECT_POLICY) {}

  /** The server closed `doc` with `code`; a close that ends it for good needs no hold, its provider stops. */
  closed(doc: string, code: number): void {
    if (answerToClose(code) !== 'stop') this.until.set(doc, Date.now() + docRetryDelay(this.policy));
  }

  /** Milliseconds until `doc` may open again; 0 when it may open now. */
  remaining(doc: string): number {
    const until = this.until.get(doc);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left <= 0) this.until.delete(doc);
    return Math.max(0, left);
  }
}
