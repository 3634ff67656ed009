// The page at /: staff see their plans, a form to start one and (administrators) a form to add staff; an invited participant sees their plan.

import { StaffAccountForm } from '../account/StaffAccountForm';
import { useMe } from '../account/me-context';
import { CalmPage } from '../page/CalmPage';
import { ProblemPage } from '../page/ProblemPage';
import { WelcomePage } from '../page/WelcomePage';
import { PlanList } from './PlanList';
import { StartPlanForm } from './StartPlanForm';

export function HomePage() {
  const { current } = useMe();
  switch (current.state) {
    case 'loading':
      return (
        <CalmPage title="Your plans" busy>
          <p>Loading…</p>
        </CalmPage>
      );
    case 'signed-out':
      return <WelcomePage />;
    case 'failed':
      return <ProblemPage error={current.error} />;
    case 'signed-in':
      break;
    default: {
      const unreachable: never = current;
      return unreachable;
    }
  }
  const { user } = current.me;
  if (!user) {
    return (
      <CalmPage title="Your plan">
        <PlanList emptySentence="This invitation does not open a plan any more. Ask the case manager for a new link." />
      </CalmPage>
    );
  }
  return (
    <CalmPage title="Your plans">
      <PlanList emptySentence="You are not on any plan’s team yet. Start a plan below, or ask a case manager to add you." />
      <StartPlanForm />
      {user.isAdmin && <StaffAccountForm />}
    </CalmPage>
  );
}
