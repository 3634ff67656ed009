// The meeting room page: loads the plan, opens its one live session, and shows the room once both are ready.

import { api } from '../api/http';
import { CalmPage } from '../page/CalmPage';
import { ProblemPage } from '../page/ProblemPage';
import { useRequest } from '../page/use-request';
import { MeetingLayout } from './MeetingLayout';
import { usePlanSession } from './use-plan-session';

export function MeetingRoom({ iepId }: { readonly iepId: string }) {
  const request = useRequest(api.plan, iepId);
  const plan = request.state === 'loaded' ? request.value : undefined;
  const session = usePlanSession(plan);

  if (request.state === 'failed') return <ProblemPage error={request.error} />;
  if (!plan || !session || session.plan !== plan) {
    return (
      <CalmPage title="Opening the meeting" busy>
        <p>Opening the meeting…</p>
      </CalmPage>
    );
  }
  return <MeetingLayout plan={plan} session={session} />;
}
