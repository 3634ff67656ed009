// Whether Yjs docs hold the same thing: state vectors and the section's canonical content, and the moment that first became true.

import * as Y from 'yjs';
import { canonicalJson, canonicalSection } from '../../shared/schema/canonical';
import type { SectionDef } from '../../shared/template/types';

export function stateVectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** Whether `doc` has everything `other` has seen. */
export function covers(doc: Y.Doc, other: Y.Doc): boolean {
  const mine = stateVectorOf(doc);
  for (const [client, clock] of stateVectorOf(other)) if ((mine.get(client) ?? 0) < clock) return false;
  return true;
}

/** Identical state vectors and identical canonical content of `section`. */
export function identical(section: SectionDef, docs: readonly Y.Doc[]): boolean {
  const [first, ...rest] = docs;
  if (!first) return true;
  const content = canonicalJson(canonicalSection(section, first));
  return rest.every((doc) => covers(doc, first) && covers(first, doc) && canonicalJson(canonicalSection(section, doc)) === content);
}

/**
 * Resolves with `performance.now()` at the first moment `predicate` holds, checking now and after every update of any of
 * `docs` (no polling); rejects after `timeoutMs`.
 */
export function whenTrue(docs: readonly Y.Doc[], predicate: () => boolean, timeoutMs: number): Promise<number> {
  if (predicate()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      for (const doc of docs) doc.off('update', check);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`not converged after ${timeoutMs} ms`));
    }, timeoutMs);
    const check = () => {
      if (!predicate()) return;
      stop();
      resolve(performance.now());
    };
    for (const doc of docs) doc.on('update', check);
  });
}
