// Re-renders a component when a shared type's own entries change (observe, not observeDeep).

import { useEffect, useReducer } from 'react';

/** What every Yjs shared type offers: Y.Map, Y.Array, Y.Text, Y.XmlFragment. */
interface ObservableType {
  observe(listener: () => void): void;
  unobserve(listener: () => void): void;
}

/**
 * Shallow on purpose: a row added, a date or choice replaced, a text created re-render; a keystroke inside a bound
 * Y.Text does not, since useYText updates its element directly. observeDeep here would re-render every row of a
 * table on every keystroke anyone makes in it.
 */
export function useYChange(type: ObservableType | undefined): void {
  const [, bump] = useReducer((version: number) => version + 1, 0);
  useEffect(() => {
    if (!type) return;
    const onChange = () => bump();
    type.observe(onChange);
    return () => type.unobserve(onChange);
  }, [type]);
}
