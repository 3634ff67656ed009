// Recording a sign-off: the server decides who may sign what, computes the hash of exactly what is signed, and chains it.

import { signoffsArray } from '../../shared/protocol/meeting-doc';
import type { Canonical } from '../../shared/schema/canonical';
import { type AuthMethodKind, decideSignOff, type SignDecision, type SignOff, SIGNOFF_MEANINGS, type SignOffKind } from '../../shared/rules/signoffs';
import { sectionOf, templateOf } from '../../shared/template/index';
import { newId } from '../auth/tokens';
import type { AppContext } from '../http/context';
import type { ParticipantRecord, PlanRecord } from '../store/plans';
import { appendRecord } from './lifecycle';
import { currentSectionsHash } from './plan-content';

export interface SignRequest {
  readonly kind: SignOffKind;
  readonly sectionIds: readonly string[];
  readonly statement: string;
  readonly typedName: string;
}

export function sign(
  context: AppContext,
  plan: PlanRecord,
  signer: ParticipantRecord,
  request: SignRequest,
  authMethod: AuthMethodKind,
  witness?: ParticipantRecord,
): SignDecision & { signOff?: SignOff } {
  const status = context.statuses.statusOf(plan.id) ?? plan.status;
  const decision = decideSignOff(signer.roles, request.kind, status, request.statement);
  if (!decision.ok) return decision;
  const template = templateOf(plan.template);
  const unknown = request.sectionIds.find((id) => !sectionOf(template, id));
  if (unknown) return { ok: false, code: 'UNKNOWN_DOC', reason: `There is no section ${unknown} in this plan.` };
  if (request.kind === 'section-approval' && request.sectionIds.length !== 1) {
    return { ok: false, code: 'BAD_REQUEST', reason: 'A section approval names exactly one section.' };
  }
  // Listed sections are kept in template order, so the hash of a partial consent is the same however they were listed.
  const sectionIds = template.sections.map((section) => section.id).filter((id) => request.sectionIds.includes(id));
  const contentHash = currentSectionsHash(context.rooms, plan, sectionIds);
  if (!contentHash) return { ok: false, code: 'UNKNOWN_DOC', reason: 'That section could not be read.' };
  const fields = {
    id: newId(),
    participantId: signer.id,
    name: signer.name,
    roles: signer.roles,
    kind: request.kind,
    sectionIds,
    meaning: SIGNOFF_MEANINGS[request.kind],
    statement: request.statement.trim(),
    typedName: request.typedName.trim(),
    authMethod,
    ...(witness ? { witness: { participantId: witness.id, name: witness.name } } : {}),
    contentHash,
  };
  let signOff: SignOff | undefined;
  appendRecord(context, plan.id, 'signoff', fields as unknown as Canonical, (doc, entry) => {
    signOff = { ...fields, seq: entry.seq, at: entry.at, prevHash: entry.prevHash, hash: entry.hash };
    signoffsArray(doc).push([signOff]);
  });
  context.audit.record({ actor: witness?.id ?? signer.id, iepId: plan.id, action: 'plan.signed', detail: { signer: signer.id, kind: request.kind, contentHash } });
  return { ok: true, signOff };
}
