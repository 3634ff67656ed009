// How each plan status is described to the team, in words a parent can take at face value.

import type { PlanStatus } from '../../shared/protocol/api';

export const STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  draft: 'Preliminary draft: a proposal for discussion',
  meeting: 'In the meeting: the team is writing the plan together',
  agreed: 'Agreed by the team, waiting to be finalized',
  finalized: 'Final: this plan is in effect',
};
