// Loads one API result for a component: loading, loaded or failed, ignoring answers that arrive after unmount.

import { useEffect, useState } from 'react';

export type RequestState<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly value: T }
  | { readonly state: 'failed'; readonly error: unknown };

/** `load` should be a stable function (a method of `api`); the request runs again when `arg` changes. */
export function useRequest<T>(load: (arg: string) => Promise<T>, arg: string): RequestState<T> {
  const [result, setResult] = useState<RequestState<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load(arg).then(
      (value) => current && setResult({ state: 'loaded', value }),
      (error: unknown) => current && setResult({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [load, arg]);
  return result;
}
