// What the workloads need from a server under test: start it on a prepared fixture, and connect simulated participants.

import type { ClientSink, RawClient } from '../load/raw-client';
import type { BenchPlan, StoredContent } from '../setup/bench-plans';
import type { ServerProcess } from './server-process';

/** The plans of one workload, created once; each contender gets its own copy of the storage. */
export interface Fixture {
  readonly plans: readonly BenchPlan[];
  /** Concord's DATA_DIR, created with the server's own modules. */
  readonly concordDataDir: string;
  /** Every doc's stored bytes, for seeding the other contenders' stores and for knowing when a joiner has everything. */
  readonly content: ReadonlyMap<string, ReadonlyMap<string, StoredContent>>;
  /** A scratch directory of this fixture. */
  readonly workDir: string;
}

export interface StartOptions {
  /** Concord: CONCORD_IDLE_UNLOAD_MS. */
  readonly idleUnloadMs?: number;
  /** Write a V8 CPU profile of the server into this directory. */
  readonly cpuProfileDir?: string;
}

export type ContenderName = 'concord' | 'reference' | 'hocuspocus';

export interface Contender {
  readonly name: ContenderName;
  readonly description: string;
  /** Sockets one participant opens. */
  readonly socketsPerParticipant: number;
  /**
   * Whether this contender's clients put `user` in their presence: stock TipTap carets do; the Concord client leaves it
   * to the server, which stamps the authenticated identity (and audits any other claim).
   */
  readonly clientSetsPresenceUser: boolean;
  start(fixture: Fixture, options?: StartOptions): Promise<ServerProcess>;
  client(server: ServerProcess, plan: BenchPlan, seat: number, sink: ClientSink, replyToStep1?: (docIndex: number) => Uint8Array): RawClient;
  /** Docs the server holds in memory, where it can tell (the cold load checks that each run starts cold). */
  loadedDocs?(server: ServerProcess): Promise<number>;
}

export const SERVER_CORE = 0;
