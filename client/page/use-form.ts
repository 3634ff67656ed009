// A form's submission state: errors tied to its fields, the server's answer when it refuses, and whether it is sending.

import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import { plainSentence } from '../api/http';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormState<F extends string> {
  readonly errors: FieldErrors<F>;
  readonly pending: boolean;
  /** The sentence to show (in a role="alert") when the server refused or could not be reached. */
  readonly problem: string | null;
  /**
   * Checks the fields (the first one with an error takes focus, its message tied to it), then runs `action`.
   * Returns whether the action ran and succeeded.
   */
  readonly submit: (check: () => FieldErrors<F>, action: () => Promise<void>) => Promise<boolean>;
}

/** `idOf` names the control of each field, so focus can go to the first one to fix. */
export function useForm<F extends string>(idOf: (field: F) => string): FormState<F> {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = useCallback(
    async (check: () => FieldErrors<F>, action: () => Promise<void>) => {
      const found = check();
      // The messages must be in the page before focus moves, so the field is announced with its error.
      flushSync(() => {
        setErrors(found);
        setProblem(null);
      });
      const first = Object.keys(found)[0] as F | undefined;
      if (first !== undefined) {
        document.getElementById(idOf(first))?.focus();
        return false;
      }
      setPending(true);
      try {
        await action();
        return true;
      } catch (error) {
        setProblem(plainSentence(error));
        return false;
      } finally {
        setPending(false);
      }
    },
    [idOf],
  );

  return { errors, pending, problem, submit };
}
