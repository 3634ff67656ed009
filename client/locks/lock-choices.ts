// Which lock controls a participant is offered on a section: each one asks the shared lock rules, none restates them.

import { decideClaim, decideHandOver, decideRelease, decideRequest, heldByOther, type LockActor, type SectionLock } from '../../shared/rules/locks';
import type { Role } from '../../shared/rules/roles';

export interface LockChoices {
  /** Take a free section. */
  readonly claim: boolean;
  /** Let go of one's own hold. */
  readonly release: boolean;
  /** Ask the holder for it. */
  readonly ask: boolean;
  /** Take it from the holder, who is told (the facilitator's right). */
  readonly takeOver: boolean;
  /** The holder may hand it to whoever asked, in one step. */
  readonly handOverTo: { readonly participantId: string; readonly name: string } | null;
  /** This participant's request is waiting with the holder. */
  readonly askedByMe: boolean;
}

export function lockChoices(
  actor: LockActor,
  sectionId: string,
  lock: SectionLock | undefined,
  rolesOf: (participantId: string) => readonly Role[] | undefined,
): LockChoices {
  const mine = lock !== undefined && lock.holderId === actor.participantId;
  const claim = !mine && decideClaim(actor, sectionId, lock, false).ok;
  const askedByMe = heldByOther(lock, actor.participantId) && lock.request?.participantId === actor.participantId;
  const asker = mine ? lock.request : undefined;
  return {
    claim,
    release: mine && decideRelease(actor, sectionId, lock).ok,
    ask: !mine && !askedByMe && decideRequest(actor, sectionId, lock).ok,
    takeOver: heldByOther(lock, actor.participantId) && !claim && decideClaim(actor, sectionId, lock, true).ok,
    handOverTo:
      asker && decideHandOver(actor, sectionId, lock, rolesOf(asker.participantId)).ok
        ? { participantId: asker.participantId, name: asker.name }
        : null,
    askedByMe,
  };
}
