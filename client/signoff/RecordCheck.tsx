// Whether the signed record is intact, as the server's verification says, with a button to check again.

import { useEffect, useRef } from 'react';
import type { PlanSession } from '../api/plan-session';
import { useAnnounce } from '../page/announcer';
import { timeText } from './signoff-sentences';
import { type RecordCheck as Check, useRecordCheck } from './use-record-check';

function checkSentence(check: Check): string {
  switch (check.state) {
    case 'checking':
      return 'Checking the signed record…';
    case 'failed':
      return `The signed record could not be checked: ${check.problem}`;
    case 'checked': {
      const { result } = check;
      const entries = `${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}`;
      return result.intact
        ? `The signed record is intact (${entries}).`
        : `The signed record has been altered outside Concord: ${result.problem}. Tell the district’s records officer.`;
    }
  }
}

export function RecordCheck({ session }: { readonly session: PlanSession }) {
  const { check, refresh } = useRecordCheck(session);
  const announce = useAnnounce();
  const asked = useRef(false);
  const checking = check.state === 'checking';
  const broken = check.state === 'checked' && !check.result.intact;

  // Each new signature re-checks quietly; only an answer someone asked for is announced (a broken record always is, below).
  useEffect(() => {
    if (!asked.current || check.state === 'checking') return;
    asked.current = false;
    if (!broken) announce(checkSentence(check));
  }, [check, broken, announce]);

  return (
    <section className="signoff-record" aria-labelledby="signoff-record-heading">
      <h3 id="signoff-record-heading">The signed record</h3>
      <p className="help">Every signature and status change is chained to the one before it, so any later change to the record shows here.</p>
      <div data-testid="record-check" data-state={check.state} data-intact={check.state === 'checked' ? String(check.result.intact) : undefined}>
        {broken ? (
          <p className="signoff-record__result signoff-record__result--broken" role="alert">
            <strong>Warning: </strong>
            {checkSentence(check)}
          </p>
        ) : (
          <p className="signoff-record__result">{checkSentence(check)}</p>
        )}
        {check.state === 'checked' && <p className="help">Checked {timeText(check.at.toISOString())}.</p>}
      </div>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page's start. */}
      <button
        type="button"
        className="button"
        aria-disabled={checking}
        onClick={() => {
          if (checking) return;
          asked.current = true;
          refresh();
        }}
      >
        Check the record again
      </button>
    </section>
  );
}
