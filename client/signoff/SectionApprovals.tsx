// The approvals strip of one section: who agreed with it, whether the text changed since, and "Approve this section" during the meeting.

import { useRef, useState } from 'react';
import type { PlanView } from '../../shared/protocol/api';
import { decideSignOff, SIGNOFF_MEANINGS, type SignOff } from '../../shared/rules/signoffs';
import { signOffApi } from '../api/http';
import type { PlanSession } from '../api/plan-session';
import { usePlanStatus } from '../meeting/use-plan-status';
import { useAnnounce } from '../page/announcer';
import { useMyRoles } from '../team/use-my-roles';
import { coverageOf, refusalSentence, timeText } from './signoff-sentences';
import { useSectionContentHash } from './use-content-hashes';
import { useSignOffs } from './use-signoffs';

interface SectionApprovalsProps {
  readonly session: PlanSession;
  readonly plan: PlanView;
  readonly sectionId: string;
}

/** Each person's newest approval of the section: an earlier one is superseded by approving again. */
function latestApprovals(signOffs: readonly SignOff[], sectionId: string): SignOff[] {
  const byPerson = new Map<string, SignOff>();
  for (const signOff of signOffs) {
    if (signOff.kind === 'section-approval' && signOff.sectionIds[0] === sectionId) byPerson.set(signOff.participantId, signOff);
  }
  return [...byPerson.values()];
}

export function SectionApprovals({ session, plan, sectionId }: SectionApprovalsProps) {
  const status = usePlanStatus(session, plan.status);
  const roles = useMyRoles(session, plan);
  const approvals = latestApprovals(useSignOffs(session), sectionId);
  const current = useSectionContentHash(session, plan, sectionId);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const line = useRef<HTMLParagraphElement>(null);
  const announce = useAnnounce();
  const title = plan.sections.find((section) => section.id === sectionId)?.title ?? sectionId;
  const headingId = `approvals-${sectionId}`;

  const mine = approvals.find((approval) => approval.participantId === plan.me.id);
  const mineCovers = mine !== undefined && coverageOf(mine, current) === 'covers';
  const decision = decideSignOff(roles, 'section-approval', status, '');

  const approve = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      // A section approval is a one-step mark: the participant's name as the team knows it stands as the typed name.
      await signOffApi.sign(plan.id, { kind: 'section-approval', sectionId, typedName: plan.me.name });
      announce(`You approved “${title}” as it reads now.`);
      // The button goes away once the approval covers the text: focus goes to the line that says so.
      line.current?.focus();
    } catch (error) {
      setProblem(refusalSentence(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="approvals" aria-labelledby={headingId} data-testid={`approvals-${sectionId}`}>
      <h3 id={headingId}>Approvals of this section</h3>
      <p ref={line} tabIndex={-1} className="approvals__summary">
        {approvals.length === 0 ? 'Nobody has approved this section yet.' : mineCovers ? 'You approved this section as it reads now.' : `${approvals.length} approved.`}
      </p>
      {approvals.length > 0 && (
        <ul className="approvals__list">
          {approvals.map((approval) => {
            const coverage = coverageOf(approval, current);
            return (
              <li key={approval.id} className={`approvals__item signoff-coverage--${coverage}`} data-coverage={coverage}>
                <span aria-hidden="true" className="signoff-coverage__mark">
                  {coverage === 'covers' ? '✓' : coverage === 'changed' ? '!' : '…'}
                </span>{' '}
                {coverage === 'changed' ? (
                  <strong>Changed since {approval.name} agreed</strong>
                ) : (
                  <span>
                    {approval.name} agreed{coverage === 'covers' ? ': covers the current text' : ''}
                  </span>
                )}
                <span className="approvals__when">
                  {' '}
                  (<time dateTime={approval.at}>{timeText(approval.at)}</time>)
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {decision.ok && !mineCovers && (
        <div className="approvals__action">
          <p id={`${headingId}-meaning`} className="help">
            {SIGNOFF_MEANINGS['section-approval']}
          </p>
          <button type="button" className="button button--primary" aria-describedby={`${headingId}-meaning`} aria-disabled={busy} onClick={() => void approve()}>
            {mine ? 'Approve this section again' : 'Approve this section'}
          </button>
        </div>
      )}
      {!decision.ok && <p className="help">{decision.reason}</p>}
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
