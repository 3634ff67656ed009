// Many plans with signed-in teams, written straight into a data dir with the server's own modules before the server starts:
// a district's worth of participants in a second, where the HTTP API would take a request per person.

import { Sessions, SESSION_COOKIE } from '../../server/auth/sessions';
import { DEMO_PLAN, DEMO_SEED, DEMO_STUDENT } from '../../server/demo/demo-plan';
import { createPlan } from '../../server/plan/create-plan';
import { openDatabase } from '../../server/store/database';
import { DocLog } from '../../server/store/doc-log';
import { Plans } from '../../server/store/plans';
import type { Role } from '../../shared/rules/roles';

export interface SeededPlan {
  readonly id: string;
  /** `concord_session=<token>` per participant, in the order of the roles asked for. */
  readonly cookies: readonly string[];
}

/** `count` copies of the demo plan's content, each with one participant (and session) per role in `roles`. */
export function seedPlans(dataDir: string, count: number, roles: readonly Role[]): SeededPlan[] {
  const db = openDatabase(dataDir);
  try {
    const plans = new Plans(db);
    const log = new DocLog(db);
    const sessions = new Sessions(db);
    const facts = { ...DEMO_PLAN, dateOfBirth: DEMO_STUDENT.dateOfBirth };
    const team = roles.map((role, seat) => ({ name: `Seat ${seat}`, roles: [role] }));
    const seeded: SeededPlan[] = [];
    // One transaction: a fsync per row would take longer than the test it prepares.
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const { plan, participants } = createPlan(db, plans, log, { template: DEMO_PLAN.template, student: DEMO_STUDENT, facts, participants: team, seed: DEMO_SEED });
        const cookies = participants.map((participant) => `${SESSION_COOKIE}=${sessions.start({ participantId: participant.id }, 'invitation-link')}`);
        seeded.push({ id: plan.id, cookies });
      }
    })();
    return seeded;
  } finally {
    db.close();
  }
}
