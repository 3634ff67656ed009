// Finds the text a participant typed that the server refused (a lock arrived first), so it can be shown back to them as a draft.

import * as Y from 'yjs';

/** One stretch of refused text, with where it was typed. */
export interface RefusedRun {
  /** The root type it was typed in: a rich-text part, or a fields/table part. */
  readonly root: string;
  readonly text: string;
}

/**
 * Everything `clientId` inserted into `doc` from clock `fromClock` on that is still there. With the server's clock for
 * that client (what it accepted) these are exactly the refused runs; deletions need no draft, since a refused deletion
 * leaves the text on the server.
 */
export function insertedRuns(doc: Y.Doc, clientId: number, fromClock: number): RefusedRun[] {
  const runs: RefusedRun[] = [];
  for (const [root, type] of doc.share) collect(type, root, clientId, fromClock, runs);
  return runs.filter((run) => run.text.trim().length > 0);
}

function collect(type: Y.AbstractType<any>, root: string, clientId: number, fromClock: number, runs: RefusedRun[]): void {
  let current = '';
  const flush = () => {
    if (current) runs.push({ root, text: current });
    current = '';
  };
  for (let item: Y.Item | null = type._start; item !== null; item = item.right) {
    const nested = item.content instanceof Y.ContentType ? (item.content.type as Y.AbstractType<any>) : null;
    if (nested) {
      flush();
      if (!item.deleted) collect(nested, root, clientId, fromClock, runs);
      continue;
    }
    const refused = !item.deleted && item.id.client === clientId && item.id.clock + item.length > fromClock;
    if (refused && item.content instanceof Y.ContentString) {
      current += item.content.str.slice(Math.max(0, fromClock - item.id.clock));
    } else if (item.content instanceof Y.ContentString && !item.deleted) {
      flush();
    }
  }
  flush();
  // Map entries (fields, table cells) live in `_map`, not in the list.
  for (const item of type._map.values()) {
    if (!item.deleted && item.content instanceof Y.ContentType) collect(item.content.type as Y.AbstractType<any>, root, clientId, fromClock, runs);
  }
}

/** The server's clock for a client: how much of that client's work the server holds. */
export function acceptedClock(serverState: Y.Doc, clientId: number): number {
  return Y.getState(serverState.store, clientId);
}
