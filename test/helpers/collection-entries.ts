// Counts every Map, Set and array entry reachable from a server object: a leak of one entry per request shows exactly.

import * as Y from 'yjs';

/**
 * Walks own properties, Map keys and values, Set members and array items from `root`, each object once, and sums
 * the sizes of every collection met. Docs' own structures are not walked: their content legitimately changes.
 */
export function collectionEntries(root: unknown, maxDepth = 8): number {
  const seen = new Set<object>();
  let total = 0;
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || depth > maxDepth || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Y.Doc || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
    // A timer links to every other timer due at the same time: what it reaches is not the holder's state.
    if (isTimer(value)) return;
    if (value instanceof Map) {
      total += value.size;
      for (const [key, item] of value) {
        visit(key, depth + 1);
        visit(item, depth + 1);
      }
      return;
    }
    if (value instanceof Set) {
      total += value.size;
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (Array.isArray(value)) {
      total += value.length;
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) visit(descriptor.value, depth + 1);
    }
  };
  visit(root, 0);
  return total;
}

function isTimer(value: object): boolean {
  return typeof (value as { hasRef?: unknown }).hasRef === 'function' && typeof (value as { refresh?: unknown }).refresh === 'function';
}
