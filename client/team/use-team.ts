// The plan's team as the meeting doc says now: the server rewrites it on every change, so adds, removals and new roles show at once.

import { useEffect, useState } from 'react';
import { participantsMap } from '../../shared/protocol/meeting-doc';
import { isRole, type Role } from '../../shared/rules/roles';
import type { PlanSession } from '../api/plan-session';

export interface TeamMember {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/** Every member, by name; roles the client does not know are left out rather than shown raw. */
export function teamOf(session: PlanSession): TeamMember[] {
  return [...participantsMap(session.meeting.doc).entries()]
    .map(([id, entry]) => ({ id, name: entry.name, roles: entry.roles.filter(isRole) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function useTeam(session: PlanSession): readonly TeamMember[] {
  const [team, setTeam] = useState<readonly TeamMember[]>(() => teamOf(session));
  useEffect(() => {
    const map = participantsMap(session.meeting.doc);
    const update = () => setTeam(teamOf(session));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [session]);
  return team;
}
