// Moving a plan through its lifecycle and amending a finalized one: each step checked, recorded in the signed log and shown live.

import * as Y from 'yjs';
import type { PlanStatus } from '../../shared/protocol/api';
import { planMap } from '../../shared/protocol/meeting-doc';
import { decideAmendment, decideTransition, isFrozen, type TransitionDecision } from '../../shared/rules/lifecycle';
import { templateOf } from '../../shared/template/index';
import type { AppContext } from '../http/context';
import type { ParticipantRecord, PlanRecord } from '../store/plans';
import type { RecordEntry } from '../store/record-log';
import { createPlan } from './create-plan';
import { currentDocumentHash } from './plan-content';
import { saveToMeetingDoc } from './save-meeting-doc';

/** Appends to the signed record and mirrors its head into the meeting doc, where everyone sees it. */
export function appendRecord(context: AppContext, iepId: string, kind: 'signoff' | 'status', body: Parameters<AppContext['record']['append']>[2], mirror: (doc: Y.Doc, entry: RecordEntry) => void): RecordEntry {
  const entry = context.record.append(iepId, kind, body);
  saveToMeetingDoc(context, iepId, (doc) => {
    mirror(doc, entry);
    planMap(doc).set('recordHead', { seq: entry.seq, hash: entry.hash });
  });
  return entry;
}

export function changeStatus(context: AppContext, actor: ParticipantRecord, plan: PlanRecord, to: PlanStatus): TransitionDecision {
  const from = context.statuses.statusOf(plan.id) ?? plan.status;
  const decision = decideTransition(actor.roles, from, to);
  if (!decision.ok) return decision;
  // The gate reads the cached status on every frame: once set, no edit lands after the hash below is taken.
  context.statuses.set(plan.id, to);
  const documentHash = isFrozen(to) ? currentDocumentHash(context.rooms, plan) : null;
  appendRecord(context, plan.id, 'status', { from, to, by: actor.id, byName: actor.name, documentHash }, (doc) => planMap(doc).set('status', to));
  context.audit.record({ actor: actor.id, iepId: plan.id, action: 'plan.status-changed', detail: { from, to } });
  return decision;
}

/** An amendment is a new plan, a draft, starting from the finalized plan's content; the old plan and its signatures stay intact. */
export function amend(context: AppContext, actor: ParticipantRecord, plan: PlanRecord): TransitionDecision & { id?: string } {
  const decision = decideAmendment(actor.roles, context.statuses.statusOf(plan.id) ?? plan.status);
  if (!decision.ok) return decision;
  const template = templateOf(plan.template);
  const content = context.rooms.withDocs(plan.id, template.sections.map((section) => section.id), (docOf) =>
    new Map(template.sections.map((section) => [section.id, Y.encodeStateAsUpdate(docOf(section.id))])),
  );
  if (typeof content === 'string') return { ok: false, code: content, reason: 'The plan could not be read.' };
  const team = context.plans.participants(plan.id);
  const created = createPlan(context.db, context.plans, context.log, {
    template: plan.template,
    student: plan.student,
    facts: plan.facts,
    participants: team.map((person) => ({ name: person.name, roles: person.roles, email: person.email ?? undefined, userId: person.userId ?? undefined })),
    initialContent: content,
  });
  context.plans.setAmends(created.plan.id, plan.id);
  context.audit.record({ actor: actor.id, iepId: plan.id, action: 'plan.amendment-started', detail: { amendment: created.plan.id } });
  return { ok: true, id: created.plan.id };
}
