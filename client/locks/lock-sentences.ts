// Locks in plain words: who is editing, why a section is read-only, what the server told you, what changed.

import { ERRORS } from '../../shared/protocol/errors';
import type { MeetingNotice } from '../../shared/protocol/meeting-doc';
import type { SectionLock } from '../../shared/rules/locks';
import type { WriteDecision } from '../../shared/rules/write-gate';

export function holderSentence(lock: SectionLock | undefined, meId: string): string {
  if (!lock) return 'Nobody holds this section: everyone who may edit can type here.';
  return lock.holderId === meId ? 'You are editing this section.' : `${lock.holderName} is editing this section.`;
}

/** Why the editors are read-only, from the same decision the server's gate makes. */
export function readOnlySentence(decision: WriteDecision, lock: SectionLock | undefined, canComment: boolean, canAsk: boolean): string {
  if (decision.ok) return '';
  switch (decision.code) {
    case 'ROLE_CANNOT_EDIT':
      return canComment ? ERRORS.ROLE_CANNOT_EDIT.message : 'You can read the plan; editing it is for school staff.';
    case 'LOCKED_BY_OTHER': {
      const who = lock?.holderName ?? 'Someone else';
      return canAsk ? `${who} is editing this section; ask to edit, or wait until it is free.` : `${who} is editing this section; wait until it is free.`;
    }
    default:
      return ERRORS[decision.code].message;
  }
}

export function noticeSentence(notice: MeetingNotice, title: string): string {
  switch (notice.kind) {
    case 'lock-taken-over':
      return `${notice.byName} took over ${title}. Your text is kept.`;
    case 'lock-expired':
      return `Your hold on ${title} ended after a while without typing. Your text is kept; take the section again to go on alone.`;
    case 'lock-requested':
      return `${notice.byName} asks to edit ${title}.`;
    case 'lock-handed-over':
      return `${notice.byName} handed ${title} over to you: you are editing it now.`;
    default: {
      const unknownKind: never = notice.kind;
      return `A message about ${title} (${String(unknownKind)}).`;
    }
  }
}

/** What a screen reader hears when a lock changes hands: nothing for renewals or requests. */
export function lockChangeSentence(title: string, before: SectionLock | undefined, after: SectionLock | undefined, meId: string): string | null {
  if (before?.holderId === after?.holderId) return null;
  if (!after) return `${title} is free again.`;
  return after.holderId === meId ? `You are editing ${title} now.` : `${after.holderName} took ${title}.`;
}

export function holdEndingSentence(title: string, secondsLeft: number): string {
  if (secondsLeft <= 0) return `Your hold on ${title} is ending now.`;
  return `Your hold on ${title} ends in ${secondsLeft} s unless you keep typing.`;
}
