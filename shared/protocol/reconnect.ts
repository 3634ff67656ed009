// When a client tries the collaboration socket again: exponential backoff with full jitter, reset by a successful sync.
//
// Why jitter: a server restart drops every socket at the same instant. Without it, every browser retries on the same
// schedule and the restarted server meets them all in one burst; with full jitter each wait is drawn uniformly from
// [0, window], the window doubling per failure up to a cap, so the herd arrives spread over seconds.
// Pure: the caller owns the timer and may inject the random source (tests use a seeded one).

import { CloseCode } from './close-codes';

export interface ReconnectPolicy {
  /** The first window: a lone client whose socket dropped is back within this, on average in half of it. */
  readonly baseMs: number;
  /** No window grows past this, however long the outage. */
  readonly capMs: number;
  /** The least wait after the server said "try again later"; the jittered wait comes on top. */
  readonly laterFloorMs: number;
}

/** What every Concord client uses: the browser's socket and the test and benchmark clients that stand in for it. */
export const RECONNECT_POLICY: ReconnectPolicy = { baseMs: 500, capMs: 10_000, laterFloorMs: 5_000 };

/**
 * How a close is to be answered. `stop`: the server decided and reconnecting cannot change it (4400-4499, mirroring
 * HTTP 4xx, as y-websocket's provider reads them). `later`: the server is alive but asked for a pause (1013 try again
 * later, 4500-4599). `retry`: anything else, including a close with no code (the network, a crash, a restart).
 */
export type CloseAnswer = 'stop' | 'later' | 'retry';

export function answerToClose(code: number | undefined): CloseAnswer {
  if (code === undefined) return 'retry';
  if (code >= 4400 && code < 4500) return 'stop';
  if (code === CloseCode.TRY_AGAIN_LATER || (code >= 4500 && code < 4600)) return 'later';
  return 'retry';
}

export class ReconnectBackoff {
  private failures = 0;

  constructor(
    private readonly policy: ReconnectPolicy = RECONNECT_POLICY,
    private readonly random: () => number = Math.random,
  ) {}

  /** Failed attempts since the last successful sync. */
  get failedAttempts(): number {
    return this.failures;
  }

  /** The connection closed or an attempt failed: milliseconds to wait before the next attempt, or null for never. */
  next(closeCode?: number): number | null {
    const answer = answerToClose(closeCode);
    if (answer === 'stop') return null;
    const window = Math.min(this.policy.capMs, this.policy.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    const jittered = Math.floor(this.random() * window);
    return answer === 'later' ? this.policy.laterFloorMs + jittered : jittered;
  }

  /** A connection synced: the next loss starts again from the first window. */
  reset(): void {
    this.failures = 0;
  }
}

/** The wait before reopening one doc the server closed on a live socket: the socket is fine, the doc is not (say, it could
 * not be stored), and every client of that doc got the same close at the same moment. */
export function docRetryDelay(policy: ReconnectPolicy = RECONNECT_POLICY, random: () => number = Math.random): number {
  return policy.laterFloorMs + Math.floor(random() * policy.baseMs);
}
