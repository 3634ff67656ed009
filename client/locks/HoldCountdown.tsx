// The holder's idle warning: the seconds left on their hold in its last minute, a way to keep it, announced once.

import { useEffect, useState } from 'react';
import type { SectionLock } from '../../shared/rules/locks';
import { holdEndingSentence } from './lock-sentences';

/** The server gives no notice of its own before an idle hold lapses, so the client warns this long before. */
const WARN_MS = 60_000;

/** The clock, once a second; the lease's deadline is the server's `expiresAt`. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface HoldCountdownProps {
  readonly lock: SectionLock;
  readonly title: string;
  readonly busy: boolean;
  /** Claims the section again, which renews the hold. */
  readonly onKeep: () => void;
}

export function HoldCountdown({ lock, title, busy, onKeep }: HoldCountdownProps) {
  const now = useNow();
  const left = lock.expiresAt - now;
  const warning = left < WARN_MS;
  const seconds = Math.max(0, Math.ceil(left / 1000));
  const sentence = holdEndingSentence(title, seconds);
  // The assertive region gets the sentence once, when the warning starts; the visible count is not re-announced.
  const [alert, setAlert] = useState('');
  useEffect(() => {
    setAlert((said) => (warning ? said || sentence : ''));
  }, [warning, sentence]);

  return (
    <>
      <div className="visually-hidden" role="alert">
        {alert}
      </div>
      {warning && (
        <div className="hold-warning" data-testid="hold-warning">
          <p className="hold-warning__text">{sentence}</p>
          <button type="button" className="button button--primary" aria-disabled={busy} onClick={onKeep}>
            Keep editing
          </button>
        </div>
      )}
    </>
  );
}
