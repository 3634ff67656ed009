// Names of the plan's team by participant id, as the meeting doc says now, for mentions.

import { useCallback, useMemo } from 'react';
import type { PlanSession } from '../api/plan-session';
import { useTeam } from '../team/use-team';

/** A stable lookup that changes only when the team does, so message lists re-render only then. */
export function useTeamNames(session: PlanSession): (id: string) => string | undefined {
  const team = useTeam(session);
  const names = useMemo(() => new Map(team.map((member) => [member.id, member.name])), [team]);
  return useCallback((id: string) => names.get(id), [names]);
}
