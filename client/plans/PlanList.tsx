// The home page: the plans the signed-in person may open, each a link to its meeting room.

import { api } from '../api/http';
import { templateOf } from '../../shared/template/index';
import { STATUS_LABELS } from '../meeting/plan-status';
import { CalmPage } from '../page/CalmPage';
import { ProblemPage } from '../page/ProblemPage';
import { useRequest } from '../page/use-request';

export function PlanList() {
  const plans = useRequest(api.plans, '');
  if (plans.state === 'loading') {
    return (
      <CalmPage title="Your plans" busy>
        <p>Loading your plans…</p>
      </CalmPage>
    );
  }
  if (plans.state === 'failed') return <ProblemPage error={plans.error} />;
  return (
    <CalmPage title="Your plans">
      {plans.value.length === 0 ? (
        <p>There are no plans for you to open yet. The case manager will send you a link when a meeting is set up.</p>
      ) : (
        <ul className="plan-list">
          {plans.value.map((plan) => (
            <li key={plan.id}>
              <a href={`/ieps/${encodeURIComponent(plan.id)}`}>{plan.studentName}</a>
              <span className="plan-meta">
                {templateOf(plan.template).title} · {STATUS_LABELS[plan.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </CalmPage>
  );
}
