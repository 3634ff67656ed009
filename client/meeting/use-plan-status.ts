// The plan's status as the meeting doc says now, falling back to what the page loaded with.

import { useEffect, useState } from 'react';
import type { PlanStatus } from '../../shared/protocol/api';
import { planMap, statusOf } from '../../shared/protocol/meeting-doc';
import type { PlanSession } from '../api/plan-session';

export function usePlanStatus(session: PlanSession, loaded: PlanStatus): PlanStatus {
  const doc = session.meeting.doc;
  const [status, setStatus] = useState<PlanStatus>(() => statusOf(doc) ?? loaded);
  useEffect(() => {
    const map = planMap(doc);
    const update = () => setStatus(statusOf(doc) ?? loaded);
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc, loaded]);
  return status;
}
