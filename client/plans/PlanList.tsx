// The plans the signed-in person may open, each a link to its meeting room.

import { api, plainSentence } from '../api/http';
import { templateOf } from '../../shared/template/index';
import { STATUS_LABELS } from '../../shared/rules/lifecycle';
import { useRequest } from '../page/use-request';

interface PlanListProps {
  /** What to say when there is nothing to open yet: staff start plans, families wait for a link. */
  readonly emptySentence: string;
}

export function PlanList({ emptySentence }: PlanListProps) {
  const plans = useRequest(api.plans, '');
  if (plans.state === 'loading') {
    return (
      <p className="loading" aria-busy="true">
        Loading your plans…
      </p>
    );
  }
  if (plans.state === 'failed') {
    return (
      <p className="form-alert" role="alert">
        {plainSentence(plans.error)}
      </p>
    );
  }
  if (plans.value.length === 0) return <p>{emptySentence}</p>;
  return (
    <ul className="plan-list" data-testid="plan-list">
      {plans.value.map((plan) => (
        <li key={plan.id}>
          <a href={`/ieps/${encodeURIComponent(plan.id)}`}>{plan.studentName}</a>
          <span className="plan-meta">
            {templateOf(plan.template).title} · {STATUS_LABELS[plan.status]}
          </span>
        </li>
      ))}
    </ul>
  );
}
