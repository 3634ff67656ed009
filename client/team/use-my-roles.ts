// The local participant's roles right now: the meeting doc's entry for them, so rights change mid-meeting without a reload.

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { PlanView } from '../../shared/protocol/api';
import { type MeetingParticipant, participantsMap } from '../../shared/protocol/meeting-doc';
import { isRole, type Role } from '../../shared/rules/roles';
import type { PlanSession } from '../api/plan-session';

const NO_ROLES: readonly Role[] = [];

/**
 * Until the meeting doc has synced its team is empty, and the roles the page loaded with stand. Once the team is
 * there, a missing entry means this person was removed: no roles, so every control closes.
 */
function rolesIn(team: Y.Map<MeetingParticipant>, plan: PlanView): readonly Role[] {
  const entry = team.get(plan.me.id);
  if (entry) return entry.roles.filter(isRole);
  return team.size === 0 ? plan.me.roles : NO_ROLES;
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role, index) => role === b[index]);
}

/**
 * `useMyRoles(session, plan)`: the roles of `plan.me` as the meeting doc says now. Re-renders only when they change,
 * and keeps the same array otherwise, so it is safe in dependency lists. Ask `can(roles, capability)` for rights.
 */
export function useMyRoles(session: PlanSession, plan: PlanView): readonly Role[] {
  const [roles, setRoles] = useState<readonly Role[]>(() => rolesIn(participantsMap(session.meeting.doc), plan));
  useEffect(() => {
    const team = participantsMap(session.meeting.doc);
    const update = () => {
      const next = rolesIn(team, plan);
      setRoles((previous) => (sameRoles(previous, next) ? previous : next));
    };
    update();
    team.observe(update);
    return () => team.unobserve(update);
  }, [session, plan]);
  return roles;
}
