// The layout of the meeting doc, which only the server writes: the plan's status now; locks, sign-offs and comments as they land.

import type * as Y from 'yjs';
import type { Role } from '../rules/roles';
import type { PlanStatus } from './api';

export const PLAN_MAP = 'plan';

export function planMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PLAN_MAP);
}

export function statusOf(doc: Y.Doc): PlanStatus | undefined {
  return planMap(doc).get('status') as PlanStatus | undefined;
}

export const PARTICIPANTS_MAP = 'participants';

/** The team as the server last recorded it, so everyone's rights and the team list update live without a reload. */
export interface MeetingParticipant {
  readonly name: string;
  readonly roles: readonly Role[];
}

export function participantsMap(doc: Y.Doc): Y.Map<MeetingParticipant> {
  return doc.getMap<MeetingParticipant>(PARTICIPANTS_MAP);
}
