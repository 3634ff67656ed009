// Every sign-off on the plan, live from the meeting doc where the server writes each one as it lands.

import { useEffect, useState } from 'react';
import { signoffsArray } from '../../shared/protocol/meeting-doc';
import type { SignOff } from '../../shared/rules/signoffs';
import type { PlanSession } from '../api/plan-session';

export function useSignOffs(session: PlanSession): readonly SignOff[] {
  const [signOffs, setSignOffs] = useState<readonly SignOff[]>(() => signoffsArray(session.meeting.doc).toArray());
  useEffect(() => {
    const list = signoffsArray(session.meeting.doc);
    const update = () => setSignOffs(list.toArray());
    update();
    list.observe(update);
    return () => list.unobserve(update);
  }, [session]);
  return signOffs;
}
