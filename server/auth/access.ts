// Which participant a session acts as on a given plan: the one rule every route and socket uses to authorize.

import type { ParticipantRecord, Plans } from '../store/plans';
import type { Session } from './sessions';

export function participantFor(plans: Plans, session: Session, iepId: string): ParticipantRecord | undefined {
  if (session.participantId !== undefined) {
    const participant = plans.participant(session.participantId);
    return participant?.iepId === iepId ? participant : undefined;
  }
  return plans.participantForUser(iepId, session.userId);
}
