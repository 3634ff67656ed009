// The layout of the meeting doc, which only the server writes: the plan's status now; locks, sign-offs and comments as they land.

import type * as Y from 'yjs';
import type { CommentThread } from '../rules/comments';
import type { SectionLock } from '../rules/locks';
import type { SignOff } from '../rules/signoffs';
import type { Role } from '../rules/roles';
import type { PlanStatus } from './api';

export const PLAN_MAP = 'plan';

export function planMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PLAN_MAP);
}

export function statusOf(doc: Y.Doc): PlanStatus | undefined {
  return planMap(doc).get('status') as PlanStatus | undefined;
}

/** The newest entry of the signed record as the server wrote it here too: a removed last row is then still caught. */
export interface RecordHeadValue {
  readonly seq: number;
  readonly hash: string;
}

export function recordHeadOf(doc: Y.Doc): RecordHeadValue | undefined {
  return planMap(doc).get('recordHead') as RecordHeadValue | undefined;
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

export const LOCKS_MAP = 'locks';

/** Section id → its lock; a section without an entry is free. */
export function locksMap(doc: Y.Doc): Y.Map<SectionLock> {
  return doc.getMap<SectionLock>(LOCKS_MAP);
}

export const NOTICES_ARRAY = 'notices';

/** Things said to one participant by the server (a lock taken over, a request to hand over), newest last. */
export interface MeetingNotice {
  readonly id: string;
  readonly to: string;
  readonly at: number;
  readonly kind: 'lock-taken-over' | 'lock-expired' | 'lock-requested' | 'lock-handed-over';
  readonly sectionId: string;
  readonly byName: string;
}

export function noticesArray(doc: Y.Doc): Y.Array<MeetingNotice> {
  return doc.getArray<MeetingNotice>(NOTICES_ARRAY);
}

export const SIGNOFFS_ARRAY = 'signoffs';

/** Every sign-off in the order it was made; revocations are new entries, never removals. */
export function signoffsArray(doc: Y.Doc): Y.Array<SignOff> {
  return doc.getArray<SignOff>(SIGNOFFS_ARRAY);
}

export const THREADS_MAP = 'threads';

/** Comment threads by id. The server replaces a thread's value whole on each change; threads are small. */
export function threadsMap(doc: Y.Doc): Y.Map<CommentThread> {
  return doc.getMap<CommentThread>(THREADS_MAP);
}
