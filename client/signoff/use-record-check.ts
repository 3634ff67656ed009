// The signed record's verification by the server: asked on opening, whenever the record grows, and on request.

import { useCallback, useEffect, useRef, useState } from 'react';
import { planMap, recordHeadOf } from '../../shared/protocol/meeting-doc';
import { type RecordVerification, signOffApi } from '../api/http';
import type { PlanSession } from '../api/plan-session';
import { refusalSentence } from './signoff-sentences';

export type RecordCheck =
  | { readonly state: 'checking' }
  | { readonly state: 'checked'; readonly result: RecordVerification; readonly at: Date }
  | { readonly state: 'failed'; readonly problem: string };

export function useRecordCheck(session: PlanSession): { readonly check: RecordCheck; readonly refresh: () => void } {
  const [check, setCheck] = useState<RecordCheck>({ state: 'checking' });
  const latest = useRef(0);
  const iepId = session.plan.id;

  /** A check asked for says "Checking…"; one caused by a new entry keeps the last answer on screen until the next one arrives. */
  const run = useCallback((asked: boolean) => {
    // Only the newest request's answer is shown: an older one may describe a shorter record.
    const serial = ++latest.current;
    if (asked) setCheck({ state: 'checking' });
    signOffApi.verifyRecord(iepId).then(
      (result) => serial === latest.current && setCheck({ state: 'checked', result, at: new Date() }),
      (error: unknown) => serial === latest.current && setCheck({ state: 'failed', problem: refusalSentence(error) }),
    );
  }, [iepId]);
  const refresh = useCallback(() => run(true), [run]);

  useEffect(() => {
    const map = planMap(session.meeting.doc);
    let head = JSON.stringify(recordHeadOf(session.meeting.doc) ?? null);
    const onChange = () => {
      const next = JSON.stringify(recordHeadOf(session.meeting.doc) ?? null);
      if (next === head) return;
      head = next;
      run(false);
    };
    run(true);
    map.observe(onChange);
    return () => {
      map.unobserve(onChange);
      latest.current++;
    };
  }, [session, run]);

  return { check, refresh };
}
