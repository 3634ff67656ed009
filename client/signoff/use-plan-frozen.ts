// `usePlanFrozen(session, plan)`: whether the plan is agreed or finalized right now, so every editor shows read-only (the server refuses writes anyway).

import type { PlanView } from '../../shared/protocol/api';
import { isFrozen } from '../../shared/rules/lifecycle';
import type { PlanSession } from '../api/plan-session';
import { usePlanStatus } from '../meeting/use-plan-status';

export function usePlanFrozen(session: PlanSession, plan: PlanView): boolean {
  return isFrozen(usePlanStatus(session, plan.status));
}
