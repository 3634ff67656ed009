// The slow-consumer scenario shared by the test and the soak: a big doc written, its reader stalled or not, another meeting timed.

import { alternate, type Comparison } from './alternating-phases';
import type { BigWriter } from './big-writer';
import type { RemoteProbe } from './probe-process';
import { residentBytes } from './process-usage';
import { openConsumer } from './slow-consumer';

export interface ScenarioOptions {
  readonly rounds: number;
  /** Bytes pasted per phase. */
  readonly written: number;
  readonly chunk: number;
  readonly chunkEveryMs: number;
}

export interface ScenarioOutcome {
  readonly comparison: Comparison;
  /** How each stalled socket ended once it read again: its close code (0: still open) and the bytes it got first. */
  readonly stalled: readonly { code: number; bytesBeforeClose: number }[];
  /** Bytes each reading consumer received. */
  readonly keptUp: readonly number[];
  /** The server's peak resident memory under each condition. */
  readonly peakRss: { baseline: number; treated: number };
}

/**
 * Alternates rounds of: the writer pastes `written` bytes into the big doc with a consumer that reads (baseline), then
 * with one that stopped reading first (treated); `probe` times another meeting throughout.
 */
export async function slowConsumerRounds(
  serverPid: number,
  probe: RemoteProbe,
  writer: BigWriter,
  consumerTarget: string,
  consumerCookie: string,
  options: ScenarioOptions,
): Promise<ScenarioOutcome> {
  const peakRss = { baseline: 0, treated: 0 };
  const stalled: { code: number; bytesBeforeClose: number }[] = [];
  const keptUp: number[] = [];
  const comparison = await alternate(probe, serverPid, options.rounds, async (condition) => {
    const consumer = await openConsumer(consumerTarget, consumerCookie);
    if (condition === 'treated') consumer.stall();
    const peak = watchMemory(serverPid);
    await writer.write(options.written, options.chunk, options.chunkEveryMs);
    peakRss[condition] = Math.max(peakRss[condition], peak());
    if (condition === 'baseline') keptUp.push(await consumer.receivedAtLeast(options.written, 5_000));
    else {
      consumer.resume();
      // A socket the server kept open would read on for ever: two seconds to reach the close frame is plenty.
      const stillOpen = new Promise<{ code: number; bytesBeforeClose: number }>((resolve) =>
        setTimeout(() => resolve({ code: 0, bytesBeforeClose: consumer.received() }), 2_000),
      );
      stalled.push(await Promise.race([consumer.closed, stillOpen]));
    }
    await consumer.close();
  });
  return { comparison, stalled, keptUp, peakRss };
}

/** Samples the server's resident memory every 25 ms until the returned function is called, which gives the peak. */
function watchMemory(pid: number): () => number {
  let peak = residentBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 25);
  return () => {
    clearInterval(timer);
    return Math.max(peak, residentBytes(pid));
  };
}
