// Plans (IEPs and 504 plans) and their participants, as rows.

import type { PlanStatus, Student } from '../../shared/protocol/api';
import { isRole, type Role } from '../../shared/rules/roles';
import type { PlanFacts, TemplateId } from '../../shared/template/types';
import type { Db } from './database';

export interface PlanRecord {
  readonly id: string;
  readonly template: TemplateId;
  readonly status: PlanStatus;
  readonly student: Student;
  readonly facts: PlanFacts;
  readonly isDemo: boolean;
  readonly amendsId: string | null;
}

export interface ParticipantRecord {
  readonly id: string;
  readonly iepId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly email: string | null;
  /** The staff account that acts as this participant, if any (parents and students have none). */
  readonly userId: string | null;
}

interface PlanRow {
  id: string;
  template: string;
  status: string;
  student_json: string;
  facts_json: string;
  is_demo: number;
  amends_id: string | null;
}

interface ParticipantRow {
  id: string;
  iep_id: string;
  name: string;
  roles_json: string;
  email: string | null;
  user_id: string | null;
}

function toPlan(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    template: row.template as TemplateId,
    status: row.status as PlanStatus,
    student: JSON.parse(row.student_json) as Student,
    facts: JSON.parse(row.facts_json) as PlanFacts,
    isDemo: row.is_demo === 1,
    amendsId: row.amends_id,
  };
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  const roles = (JSON.parse(row.roles_json) as unknown[]).filter(isRole);
  return { id: row.id, iepId: row.iep_id, name: row.name, roles, email: row.email, userId: row.user_id };
}

export class Plans {
  private readonly byId;
  private readonly participantById;
  private readonly participantsOf;
  private readonly participantOfUser;
  private readonly plansOfUser;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], PlanRow>('SELECT * FROM ieps WHERE id = ?');
    this.participantById = db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ? AND removed_at IS NULL');
    this.participantsOf = db.prepare<[string], ParticipantRow>(
      'SELECT * FROM participants WHERE iep_id = ? AND removed_at IS NULL ORDER BY created_at, rowid',
    );
    this.participantOfUser = db.prepare<[string, string], ParticipantRow>(
      'SELECT * FROM participants WHERE iep_id = ? AND user_id = ? AND removed_at IS NULL',
    );
    this.plansOfUser = db.prepare<[string], PlanRow>(
      'SELECT ieps.* FROM ieps JOIN participants ON participants.iep_id = ieps.id WHERE participants.user_id = ? AND participants.removed_at IS NULL ORDER BY ieps.created_at DESC',
    );
  }

  get(id: string): PlanRecord | undefined {
    const row = this.byId.get(id);
    return row ? toPlan(row) : undefined;
  }

  demo(): PlanRecord | undefined {
    const row = this.db.prepare<[], PlanRow>('SELECT * FROM ieps WHERE is_demo = 1 ORDER BY created_at LIMIT 1').get();
    return row ? toPlan(row) : undefined;
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM ieps').get()?.n ?? 0;
  }

  insert(plan: PlanRecord): void {
    this.db
      .prepare('INSERT INTO ieps (id, template, status, student_json, facts_json, is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(plan.id, plan.template, plan.status, JSON.stringify(plan.student), JSON.stringify(plan.facts), plan.isDemo ? 1 : 0, Date.now());
  }

  setStatus(id: string, status: PlanStatus): void {
    this.db.prepare('UPDATE ieps SET status = ? WHERE id = ?').run(status, id);
  }

  /** Marks a plan as an amendment of the plan in effect, so each can be found from the other. */
  setAmends(id: string, amendsId: string): void {
    this.db.prepare('UPDATE ieps SET amends_id = ? WHERE id = ?').run(amendsId, id);
  }

  amendmentsOf(id: string): string[] {
    return this.db.prepare<[string], { id: string }>('SELECT id FROM ieps WHERE amends_id = ? ORDER BY created_at').all(id).map((row) => row.id);
  }

  participant(id: string): ParticipantRecord | undefined {
    const row = this.participantById.get(id);
    return row ? toParticipant(row) : undefined;
  }

  /** The participant a staff account acts as on this plan, if it is on the team. */
  participantForUser(iepId: string, userId: string): ParticipantRecord | undefined {
    const row = this.participantOfUser.get(iepId, userId);
    return row ? toParticipant(row) : undefined;
  }

  forUser(userId: string): PlanRecord[] {
    return this.plansOfUser.all(userId).map(toPlan);
  }

  setRoles(participantId: string, roles: readonly Role[]): void {
    this.db.prepare('UPDATE participants SET roles_json = ? WHERE id = ?').run(JSON.stringify(roles), participantId);
  }

  /** Removal keeps the row: sign-offs, comments and the audit log still name who they were. */
  remove(participantId: string): void {
    this.db.prepare('UPDATE participants SET removed_at = ? WHERE id = ?').run(Date.now(), participantId);
  }

  participants(iepId: string): ParticipantRecord[] {
    return this.participantsOf.all(iepId).map(toParticipant);
  }

  addParticipant(participant: ParticipantRecord): void {
    this.db
      .prepare('INSERT INTO participants (id, iep_id, name, roles_json, email, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(participant.id, participant.iepId, participant.name, JSON.stringify(participant.roles), participant.email, participant.userId, Date.now());
  }
}
