// Creates a plan: its row, its participants, and the first content of every doc, written once to the log (never re-applied on load).

import * as Y from 'yjs';
import type { PlanStatus, Student } from '../../shared/protocol/api';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { participantsMap, planMap } from '../../shared/protocol/meeting-doc';
import type { Role } from '../../shared/rules/roles';
import { writeSectionSeed, type SectionSeed } from '../../shared/schema/seed-content';
import { templateOf } from '../../shared/template/index';
import type { PlanFacts, TemplateId } from '../../shared/template/types';
import { newId } from '../auth/tokens';
import type { Db } from '../store/database';
import type { DocLog } from '../store/doc-log';
import type { ParticipantRecord, PlanRecord, Plans } from '../store/plans';

export interface NewPlan {
  readonly template: TemplateId;
  readonly student: Student;
  readonly facts: PlanFacts;
  readonly participants: readonly { readonly name: string; readonly roles: readonly Role[]; readonly email?: string; readonly userId?: string }[];
  readonly seed?: Readonly<Record<string, SectionSeed>>;
  /** Section content to start from (an amendment): Yjs updates by section id, used instead of a seed. */
  readonly initialContent?: ReadonlyMap<string, Uint8Array>;
  readonly isDemo?: boolean;
}

export interface CreatedPlan {
  readonly plan: PlanRecord;
  readonly participants: readonly ParticipantRecord[];
}

export function createPlan(db: Db, plans: Plans, log: DocLog, input: NewPlan): CreatedPlan {
  const template = templateOf(input.template);
  const status: PlanStatus = 'draft';
  const plan: PlanRecord = { id: newId(), template: input.template, status, student: input.student, facts: input.facts, isDemo: input.isDemo ?? false, amendsId: null };
  const participants = input.participants.map(
    (person): ParticipantRecord => ({
      id: newId(),
      iepId: plan.id,
      name: person.name,
      roles: person.roles,
      email: person.email ?? null,
      userId: person.userId ?? null,
    }),
  );
  db.transaction(() => {
    plans.insert(plan);
    for (const participant of participants) plans.addParticipant(participant);
    for (const section of template.sections) {
      const initial = input.initialContent?.get(section.id);
      if (initial) {
        log.append(plan.id, section.id, 1, initial);
        continue;
      }
      const doc = new Y.Doc();
      writeSectionSeed(section, doc, input.seed?.[section.id], newId);
      log.append(plan.id, section.id, 1, Y.encodeStateAsUpdate(doc));
      doc.destroy();
    }
    const meeting = new Y.Doc();
    planMap(meeting).set('status', status);
    for (const participant of participants) participantsMap(meeting).set(participant.id, { name: participant.name, roles: participant.roles });
    log.append(plan.id, MEETING_DOC, 1, Y.encodeStateAsUpdate(meeting));
    meeting.destroy();
  })();
  return { plan, participants };
}
