// Where the plan stands, the moves this participant may make (each confirmed after saying what it means), and "Start an amendment" once final.

import { useEffect, useRef, useState } from 'react';
import type { PlanStatus, PlanView } from '../../shared/protocol/api';
import { decideAmendment, decideTransition, nextStatuses, STATUS_LABELS } from '../../shared/rules/lifecycle';
import type { Role } from '../../shared/rules/roles';
import { api, signOffApi } from '../api/http';
import { useAnnounce } from '../page/announcer';
import { navigate } from '../page/navigation';
import { ConfirmStep } from './ConfirmStep';
import { refusalSentence } from './signoff-sentences';
import { AMENDMENT_ELSEWHERE, AMENDMENT_MEANING, moveOf } from './status-changes';

async function opens(iepId: string): Promise<boolean> {
  try {
    await api.plan(iepId);
    return true;
  } catch {
    return false;
  }
}

interface LifecycleControlsProps {
  readonly plan: PlanView;
  readonly status: PlanStatus;
  readonly roles: readonly Role[];
}

export function LifecycleControls({ plan, status, roles }: LifecycleControlsProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);
  const announce = useAnnounce();
  const seen = useRef(status);

  // Whoever moved the plan, everyone hears where it stands now.
  useEffect(() => {
    if (seen.current === status) return;
    seen.current = status;
    announce(`The plan is now: ${STATUS_LABELS[status]}.`);
  }, [status, announce]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(refusalSentence(error));
    } finally {
      setBusy(false);
    }
  };
  const move = (to: PlanStatus) =>
    run(async () => {
      await signOffApi.changeStatus(plan.id, to);
      // The buttons change with the status: focus goes to the line that says where the plan stands now.
      statusLine.current?.focus();
    });
  const amend = () =>
    run(async () => {
      const { id } = await signOffApi.startAmendment(plan.id);
      // The amendment is a new plan with its own team: an invitation link to this plan may not open it.
      if (await opens(id)) navigate(`/ieps/${encodeURIComponent(id)}`);
      else setNotice(AMENDMENT_ELSEWHERE);
    });

  const moves = nextStatuses(status).map((to) => ({ to, decision: decideTransition(roles, status, to) }));
  const allowed = moves.filter((each) => each.decision.ok);
  const refused = moves.find((each) => !each.decision.ok)?.decision;
  const amendment = decideAmendment(roles, status);

  return (
    <section className="lifecycle" aria-labelledby="lifecycle-heading">
      <h3 id="lifecycle-heading">Where the plan stands</h3>
      <p ref={statusLine} tabIndex={-1} className={`lifecycle__status lifecycle__status--${status}`} data-testid="lifecycle-status" data-status={status}>
        <span className="lifecycle__status-label">Status: </span>
        {STATUS_LABELS[status]}
      </p>
      {allowed.length > 0 && (
        <div className="lifecycle__moves">
          {allowed.map(({ to }) => {
            const { label, meaning } = moveOf(status, to);
            return <ConfirmStep key={`${status}-${to}`} label={label} meaning={meaning} confirmLabel={`Yes: ${label.toLowerCase()}`} onConfirm={() => void move(to)} busy={busy} testId={`move-to-${to}`} />;
          })}
        </div>
      )}
      {allowed.length === 0 && refused && !refused.ok && <p className="help">{refused.reason}</p>}
      {status === 'finalized' &&
        (amendment.ok ? (
          <ConfirmStep label="Start an amendment" meaning={AMENDMENT_MEANING} confirmLabel="Yes: start an amendment" onConfirm={() => void amend()} busy={busy} />
        ) : (
          <p className="help">{amendment.reason}</p>
        ))}
      <p className="form-success" role="status">
        {notice}
      </p>
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
