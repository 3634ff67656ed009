// What every workload is given: where to put its files, which profile and contenders to run, and how to report progress.

import type { Contender } from './contenders/contender';
import type { ServerProcess } from './contenders/server-process';
import type { Profile } from './profiles';

export interface BenchContext {
  /** Scratch directory of this run (removed at the end). */
  readonly root: string;
  readonly profile: Profile;
  readonly contenders: readonly Contender[];
  log(message: string): void;
}

/** Runs `body` against a started server and always stops the server afterwards. */
export async function withServer<T>(start: Promise<ServerProcess>, body: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await start;
  try {
    return await body(server);
  } finally {
    const code = await server.stop();
    if (code !== 0 && code !== null) console.error(`${server.name} exited with ${code}:\n${server.log().slice(-2000)}`);
  }
}

/** The contenders of the long workloads (ramp, cpu pairs): Hocuspocus only where the profile asks for it. */
export function contendersAtScale(context: BenchContext): readonly Contender[] {
  if (context.profile.hocuspocusAtScale) return context.contenders;
  const chosen = context.contenders.filter((each) => each.name !== 'hocuspocus');
  return chosen.length > 0 ? chosen : context.contenders;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A pause between timed runs, with the load generator's garbage collected at its start (`npm run bench` passes
 * --expose-gc). Every joiner's docs arrive as fresh buffers, and the generator's own full collections (traced: two
 * during the fifteen 8-joiner cold loads, 17 ms of marking and a 5 ms pause each) otherwise fell inside timed runs.
 */
export async function idleBetweenRuns(ms: number): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(ms);
}
