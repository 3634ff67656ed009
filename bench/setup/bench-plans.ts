// Creates the plans a workload needs in a fresh DATA_DIR with the server's own modules (before the server starts), and
// signs every participant in the way an invitation link does, keeping the session cookie.

import * as Y from 'yjs';
import { Sessions, SESSION_COOKIE } from '../../server/auth/sessions';
import { DEMO_PARTICIPANTS, DEMO_PLAN, DEMO_SEED, DEMO_STUDENT } from '../../server/demo/demo-plan';
import { createPlan } from '../../server/plan/create-plan';
import { type Db, openDatabase } from '../../server/store/database';
import { DocLog } from '../../server/store/doc-log';
import { Plans } from '../../server/store/plans';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import type { Role } from '../../shared/rules/roles';
import { applicableSections } from '../../shared/template/applicability';
import { templateOf } from '../../shared/template/index';
import type { PlanFacts } from '../../shared/template/types';

/** The 8 people of a benchmark meeting: the demo team plus a school psychologist and an interpreter. */
export const MEETING_TEAM: readonly { name: string; roles: readonly Role[] }[] = [
  ...DEMO_PARTICIPANTS,
  { name: 'Grace Whitfield', roles: ['evaluator'] },
  { name: 'Tomás Reyes', roles: ['interpreter'] },
];

/** Team members who may edit: the case manager (0) and the general education teacher (2) type in the benchmark. */
export const TYPIST_SEATS = [0, 2] as const;

/** Sections each participant has open: the first 12 sections that apply to the demo student. */
export const SECTIONS_PER_MEETING = 12;

export const FACTS: PlanFacts = {
  dateOfBirth: DEMO_STUDENT.dateOfBirth,
  planStart: DEMO_PLAN.planStart,
  planEnd: DEMO_PLAN.planEnd,
  alternateAssessment: DEMO_PLAN.alternateAssessment,
  ageOfMajority: DEMO_PLAN.ageOfMajority,
};

export interface BenchPlan {
  readonly id: string;
  /** Docs every participant subscribes to: the sections, then the meeting doc (last). */
  readonly docs: readonly string[];
  /** `concord_session=<token>` per participant, in `MEETING_TEAM` order. */
  readonly cookies: readonly string[];
}

/** Doc names a benchmark participant opens, in a fixed order (meeting doc last). */
export function meetingDocs(): string[] {
  const sections = applicableSections(templateOf(DEMO_PLAN.template), FACTS).slice(0, SECTIONS_PER_MEETING);
  return [...sections.map((section) => section.id), MEETING_DOC];
}

export function meetingDocIndex(docs: readonly string[]): number {
  return docs.indexOf(MEETING_DOC);
}

/** Creates `count` demo-content plans with 8 signed-in participants each. Fast: one transaction, no fsync per row. */
export function createBenchPlans(dataDir: string, count: number): BenchPlan[] {
  const db = openDatabase(dataDir);
  try {
    db.pragma('synchronous = OFF');
    const plans = new Plans(db);
    const log = new DocLog(db);
    const sessions = new Sessions(db);
    const docs = meetingDocs();
    const created: BenchPlan[] = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const { plan, participants } = createPlan(db, plans, log, {
          template: DEMO_PLAN.template,
          student: DEMO_STUDENT,
          facts: FACTS,
          participants: MEETING_TEAM,
          seed: DEMO_SEED,
        });
        const cookies = participants.map((participant) => {
          const redeemed = sessions.redeem(sessions.invite(participant.id));
          if (redeemed !== participant.id) throw new Error('an invitation did not redeem to its participant');
          return `${SESSION_COOKIE}=${sessions.start({ participantId: redeemed }, 'invitation-link')}`;
        });
        created.push({ id: plan.id, docs, cookies });
      }
    })();
    return created;
  } finally {
    db.close();
  }
}

/** What a doc holds in storage, in the order it was stored (snapshot first), and the state vector it adds up to. */
export interface StoredContent {
  readonly updates: readonly Uint8Array[];
  readonly stateVector: Map<number, number>;
  /** Size of the stored updates merged. */
  readonly bytes: number;
  /** Size of the doc's full state as a server encodes it for a client that has nothing (Y.encodeStateAsUpdate). */
  readonly encodedBytes: number;
}

/** Reads back every doc of the given plans: the reference server is seeded with exactly these bytes. */
export function readPlanContent(dataDir: string, plans: readonly BenchPlan[]): Map<string, Map<string, StoredContent>> {
  const db: Db = openDatabase(dataDir);
  try {
    const log = new DocLog(db);
    const out = new Map<string, Map<string, StoredContent>>();
    for (const plan of plans) {
      const docs = new Map<string, StoredContent>();
      for (const doc of plan.docs) {
        const stored = log.load(plan.id, doc);
        const updates = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
        const merged = Y.mergeUpdates(updates);
        const loaded = new Y.Doc();
        for (const update of updates) Y.applyUpdate(loaded, update);
        const encodedBytes = Y.encodeStateAsUpdate(loaded).byteLength;
        loaded.destroy();
        docs.set(doc, { updates, stateVector: Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged)), bytes: merged.byteLength, encodedBytes });
      }
      out.set(plan.id, docs);
    }
    return out;
  } finally {
    db.close();
  }
}
