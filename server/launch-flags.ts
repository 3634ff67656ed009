// The Node flags the server process runs with, decided before it starts (V8's heap is configured at launch).

/**
 * Confined to one core, the server keeps V8's garbage collection on its own thread. V8 hands parallel scavenges and
 * concurrent marking to helper threads sized for the machine's cores; pinned to one, they preempt the event loop
 * instead of running beside it, and a full collection under 400 meetings stalled it for 100 to 260 ms (the same work
 * on the event loop stalls it for no more than 15 ms). On more cores the helpers run beside it and are worth keeping.
 * `CONCORD_SINGLE_THREADED_GC=1` or `0` overrides the choice (a container capped at one CPU by quota rather than by
 * affinity still reports every core).
 */
export function serverNodeFlags(cores: number, setting: string | undefined): string[] {
  const single = setting === '1' ? true : setting === '0' ? false : cores <= 1;
  return single ? ['--single-threaded-gc'] : [];
}
