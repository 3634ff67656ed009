// What each move of the plan's status is called and what it means for the team, said before anyone confirms it.

import type { PlanStatus } from '../../shared/protocol/api';

interface Move {
  /** The button's words. */
  readonly label: string;
  /** Said before confirming. */
  readonly meaning: string;
}

const MOVES: Readonly<Partial<Record<`${PlanStatus}->${PlanStatus}`, Move>>> = {
  'draft->meeting': {
    label: 'Start the meeting',
    meaning: 'The meeting starts. The draft stops being only a proposal: the team writes the plan together, and each person can approve sections.',
  },
  'meeting->draft': {
    label: 'Back to a preliminary draft',
    meaning: 'The plan goes back to a preliminary draft, a proposal for discussion. Approvals and signatures given so far stay on the record.',
  },
  'meeting->agreed': {
    label: 'Mark the plan as agreed',
    meaning:
      'The text is frozen: nobody can change any section, so every signature covers exactly what was agreed. To change something, the plan must go back to the meeting.',
  },
  'agreed->meeting': {
    label: 'Reopen the meeting for changes',
    meaning: 'The text opens for changes again. Signatures already given stay on the record, but any change means they no longer cover the new text.',
  },
  'agreed->finalized': {
    label: 'Finalize the plan',
    meaning: 'The plan takes effect and can never be changed again. Any later change needs an amendment, which starts a new version from this text.',
  },
};

export function moveOf(from: PlanStatus, to: PlanStatus): Move {
  return MOVES[`${from}->${to}`] ?? { label: `Move the plan to ${to}`, meaning: 'The plan moves to this status for everyone at once.' };
}

export const AMENDMENT_MEANING =
  'An amendment is a new version of this plan, starting from its text, as a preliminary draft. This plan and its signatures stay as they are, in effect until the amendment is finalized.';

export const AMENDMENT_ELSEWHERE =
  'The amendment was started. It is a new version with its own team, and the link you signed in with opens only this plan: sign in with your staff account, or ask for an invitation to the amendment.';
