// The banner over the open section while the plan is agreed or finalized: the text is frozen, changes need an amendment.

import type { PlanView } from '../../shared/protocol/api';
import { STATUS_LABELS } from '../../shared/rules/lifecycle';
import type { PlanSession } from '../api/plan-session';
import { usePlanStatus } from '../meeting/use-plan-status';
import { usePlanFrozen } from './use-plan-frozen';

export function FrozenBanner({ session, plan }: { readonly session: PlanSession; readonly plan: PlanView }) {
  const frozen = usePlanFrozen(session, plan);
  const status = usePlanStatus(session, plan.status);
  // The live region is always there, so the banner appearing mid-meeting is announced.
  return (
    <div aria-live="polite" data-testid="frozen-banner-region">
      {frozen && (
        <div className="frozen-banner" data-testid="frozen-banner">
          <p className="frozen-banner__title">
            <span aria-hidden="true" className="frozen-banner__icon">
              ■
            </span>{' '}
            Agreed: the text is frozen for signatures. Changes need an amendment.
          </p>
          <p className="frozen-banner__status">Status: {STATUS_LABELS[status]}. Nobody can edit any section of this plan now.</p>
        </div>
      )}
    </div>
  );
}
