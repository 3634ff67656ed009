// The live session of the meeting room: one PlanSession per loaded plan, destroyed when the room closes.

import { useEffect, useState } from 'react';
import { PlanSession } from '../api/plan-session';
import type { PlanView } from '../../shared/protocol/api';

export function usePlanSession(plan: PlanView | undefined): PlanSession | null {
  const [session, setSession] = useState<PlanSession | null>(null);
  useEffect(() => {
    if (!plan) return;
    const opened = new PlanSession(plan);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [plan]);
  return session;
}
