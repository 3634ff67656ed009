// Changes to a plan's team: each one stored, audited, written to the meeting doc for everyone to see, and applied to open sockets.

import { participantsMap } from '../../shared/protocol/meeting-doc';
import type { Role } from '../../shared/rules/roles';
import { newId } from '../auth/tokens';
import type { AppContext } from '../http/context';
import type { ParticipantRecord } from '../store/plans';
import { saveToMeetingDoc } from './save-meeting-doc';

export interface TeamChange {
  readonly actor: string;
  readonly iepId: string;
  readonly ip?: string | undefined;
}

function recordInMeetingDoc(context: AppContext, iepId: string, participant: ParticipantRecord, present: boolean): void {
  saveToMeetingDoc(context, iepId, (doc) => {
    if (present) participantsMap(doc).set(participant.id, { name: participant.name, roles: participant.roles });
    else participantsMap(doc).delete(participant.id);
  });
}

export function addParticipant(
  context: AppContext,
  change: TeamChange,
  person: { readonly name: string; readonly roles: readonly Role[]; readonly email?: string | undefined },
): { participant: ParticipantRecord; inviteToken: string } {
  const account = person.email ? context.users.findByEmail(person.email) : undefined;
  const participant: ParticipantRecord = {
    id: newId(),
    iepId: change.iepId,
    name: person.name,
    roles: person.roles,
    email: person.email ?? null,
    userId: account?.id ?? null,
  };
  context.plans.addParticipant(participant);
  const inviteToken = context.sessions.invite(participant.id);
  context.audit.record({ actor: change.actor, iepId: change.iepId, action: 'participant.added', detail: { participant: participant.id, roles: participant.roles }, ip: change.ip });
  recordInMeetingDoc(context, change.iepId, participant, true);
  return { participant, inviteToken };
}

export function changeRoles(context: AppContext, change: TeamChange, participant: ParticipantRecord, roles: readonly Role[]): ParticipantRecord {
  context.plans.setRoles(participant.id, roles);
  const updated = { ...participant, roles };
  context.audit.record({ actor: change.actor, iepId: change.iepId, action: 'participant.roles-changed', detail: { participant: participant.id, from: participant.roles, to: roles }, ip: change.ip });
  recordInMeetingDoc(context, change.iepId, updated, true);
  context.gateway.refreshParticipant(participant.id);
  return updated;
}

export function removeParticipant(context: AppContext, change: TeamChange, participant: ParticipantRecord): void {
  context.plans.remove(participant.id);
  context.sessions.revokeInvitations(participant.id);
  context.audit.record({ actor: change.actor, iepId: change.iepId, action: 'participant.removed', detail: { participant: participant.id }, ip: change.ip });
  recordInMeetingDoc(context, change.iepId, participant, false);
  context.gateway.refreshParticipant(participant.id);
}

export function reissueInvitation(context: AppContext, change: TeamChange, participant: ParticipantRecord): string {
  const token = context.sessions.invite(participant.id);
  context.audit.record({ actor: change.actor, iepId: change.iepId, action: 'invitation.reissued', detail: { participant: participant.id }, ip: change.ip });
  context.gateway.dropSessionless(participant.id);
  return token;
}

export function revokeInvitation(context: AppContext, change: TeamChange, participant: ParticipantRecord): void {
  context.sessions.revokeInvitations(participant.id);
  context.audit.record({ actor: change.actor, iepId: change.iepId, action: 'invitation.revoked', detail: { participant: participant.id }, ip: change.ip });
  context.gateway.dropSessionless(participant.id);
}
