// Each plan's lifecycle state, cached for the write gate (read on every frame) and kept in step with the plans table.

import type { PlanStatus } from '../../shared/protocol/api';
import type { Plans } from '../store/plans';

export class PlanStatuses {
  private readonly cache = new Map<string, PlanStatus>();

  constructor(private readonly plans: Plans) {}

  statusOf(iepId: string): PlanStatus | undefined {
    let status = this.cache.get(iepId);
    if (status === undefined) {
      status = this.plans.get(iepId)?.status;
      if (status !== undefined) this.cache.set(iepId, status);
    }
    return status;
  }

  set(iepId: string, status: PlanStatus): void {
    this.plans.setStatus(iepId, status);
    this.cache.set(iepId, status);
  }
}
