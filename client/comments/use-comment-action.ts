// Runs one comment request for a form or button: busy while it runs, its failure as a plain sentence, nothing after unmount.

import { useCallback, useEffect, useRef, useState } from 'react';
import { plainSentence } from '../api/http';

/** A problem found before asking the server, said as it is (the typed words are not in the section). */
export class CommentProblem extends Error {}

export interface CommentAction {
  readonly busy: boolean;
  readonly error: string | null;
  /** Resolves true when the request succeeded. */
  readonly run: (request: () => Promise<unknown>) => Promise<boolean>;
  readonly clearError: () => void;
}

export function useCommentAction(): CommentAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
      return true;
    } catch (failure) {
      if (mounted.current) setError(failure instanceof CommentProblem ? failure.message : plainSentence(failure));
      return false;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
