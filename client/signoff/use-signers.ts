// Who can appear in the sign-off list: the team as the meeting doc says now (or as the page loaded), plus anyone who signed and has since left.

import { useMemo } from 'react';
import type { PlanView } from '../../shared/protocol/api';
import type { Role } from '../../shared/rules/roles';
import type { SignOff } from '../../shared/rules/signoffs';
import type { PlanSession } from '../api/plan-session';
import { useTeam } from '../team/use-team';

export interface Signer {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Signed while on the team, removed since: their signatures stay on the record. */
  readonly former: boolean;
}

export function useSigners(session: PlanSession, plan: PlanView, signOffs: readonly SignOff[]): readonly Signer[] {
  const live = useTeam(session);
  return useMemo(() => {
    // Before the meeting doc has synced its team is empty; the team the page loaded with stands in.
    const team = live.length > 0 ? live : plan.participants;
    const signers: Signer[] = team.map(({ id, name, roles }) => ({ id, name, roles, former: false }));
    for (const signOff of signOffs) {
      if (signers.some((signer) => signer.id === signOff.participantId)) continue;
      signers.push({ id: signOff.participantId, name: signOff.name, roles: signOff.roles, former: true });
    }
    return signers;
  }, [live, plan.participants, signOffs]);
}
