// Runs one lock request at a time for a control group, keeping the server's refusal as a plain sentence to show.

import { useCallback, useRef, useState } from 'react';
import { plainSentence } from '../api/http';

export interface LockAction {
  readonly busy: boolean;
  readonly error: string;
  /** Resolves true when the server agreed; a second call while one is running is ignored. */
  run(request: () => Promise<unknown>): Promise<boolean>;
}

export function useLockAction(): LockAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const running = useRef(false);
  const run = useCallback(async (request: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError('');
    try {
      await request();
      return true;
    } catch (failure) {
      setError(plainSentence(failure));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
