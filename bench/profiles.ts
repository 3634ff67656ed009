// The quick profile (`npm run bench`, under 10 minutes on 2 cores), the full one (`-- --full`), and a
// smoke profile (`-- --smoke`, about a minute per contender) that only checks every workload runs: its figures mean nothing.

export interface Profile {
  readonly name: 'quick' | 'full' | 'smoke';
  /** (a) 1 IEP, 8 participants, 12 sections, 2 typists. */
  readonly meeting: { readonly seconds: number; readonly charsPerSecond: number };
  /** (b) meetings of 8 with 1 typist, added step by step until the knee. */
  readonly ramp: { readonly steps: readonly number[]; readonly stepSeconds: number; readonly charsPerSecond: number };
  /** (c) joiners of a large IEP nobody has open. */
  readonly coldLoad: { readonly runs: number; readonly joiners: readonly number[]; readonly targetBytes: number };
  /** (d) a participant offline while both sides edit, then reconnecting; `samples` meetings do it in parallel. */
  readonly resync: { readonly offlineSeconds: number; readonly edits: number; readonly samples: number };
  /** (e) CPU per meeting-second of district meetings, the contenders measured in turn, `rounds` times (`cpu-pairs`). */
  readonly paired: { readonly meetings: number; readonly rounds: number; readonly seconds: number };
  /**
   * Whether the long workloads (ramp, cpu pairs) also run Hocuspocus. The targets are set against the reference, so the
   * quick profile leaves Hocuspocus at scale to the full one: it saves about three minutes.
   */
  readonly hocuspocusAtScale: boolean;
}

export const QUICK: Profile = {
  name: 'quick',
  meeting: { seconds: 30, charsPerSecond: 5 },
  // From 100: the step of 50 decides no target and costs half a minute per contender (the full profile keeps it).
  ramp: { steps: [100, 200, 300, 400, 500], stepSeconds: 20, charsPerSecond: 3 },
  coldLoad: { runs: 15, joiners: [1, 8], targetBytes: 235_000 },
  resync: { offlineSeconds: 10, edits: 300, samples: 5 },
  paired: { meetings: 100, rounds: 2, seconds: 15 },
  hocuspocusAtScale: false,
};

export const FULL: Profile = {
  name: 'full',
  meeting: { seconds: 300, charsPerSecond: 5 },
  ramp: { steps: [50, 100, 200, 300, 500, 750, 1000], stepSeconds: 60, charsPerSecond: 3 },
  coldLoad: { runs: 50, joiners: [1, 8], targetBytes: 235_000 },
  resync: { offlineSeconds: 60, edits: 300, samples: 10 },
  paired: { meetings: 100, rounds: 4, seconds: 30 },
  hocuspocusAtScale: true,
};

export const SMOKE: Profile = {
  name: 'smoke',
  meeting: { seconds: 10, charsPerSecond: 5 },
  ramp: { steps: [5, 10], stepSeconds: 5, charsPerSecond: 3 },
  coldLoad: { runs: 3, joiners: [1, 8], targetBytes: 235_000 },
  resync: { offlineSeconds: 3, edits: 60, samples: 2 },
  paired: { meetings: 5, rounds: 2, seconds: 5 },
  hocuspocusAtScale: true,
};

/** The knee of the district ramp: the first step that breaks any of these. */
export const KNEE = { eventLoopP99Ms: 50, deliveryP99Ms: 100, lost: 0 } as const;

/**
 * A ramp step is measured once its meetings have joined and typed for this long. A step's 100 meetings join within a
 * few seconds (800 sockets, 10,400 docs synced) and then all start typing within a third of a second; for about three
 * seconds after each burst a server is still digesting it (its garbage, its newly hot code), and Concord's event loop
 * stalled up to 120 ms. Districts' meetings do not start in lockstep: the window measures meetings in progress, and
 * joining is what the cold-load workload measures.
 */
export const SETTLE_AFTER_JOIN_MS = 5_000;
