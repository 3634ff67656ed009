// A doc kept as the bytes it was stored as, until someone changes it. A joiner is served from the bytes, and a section
// the meeting only reads (12 of 13 docs in a meeting with one typist) never becomes a Y.Doc: no struct objects for the
// garbage collector to trace, and a fraction of the memory.

import * as Y from 'yjs';
import type { StoredDoc } from '../store/doc-log';

/** `Y.encodeStateAsUpdate` of an empty doc. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export class StoredState {
  private parts: Uint8Array[];
  private vector: Uint8Array | null = null;

  constructor(stored: StoredDoc) {
    this.parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : [...stored.updates];
    if (stored.updates.length === 0) this.vector = stored.snapshotStateVector;
  }

  /** The whole doc as one update; a snapshot with a tail of updates is merged once, on first use. */
  whole(): Uint8Array {
    if (this.parts.length !== 1) this.parts = [this.parts.length === 0 ? EMPTY_UPDATE : Y.mergeUpdates(this.parts)];
    return this.parts[0] as Uint8Array;
  }

  stateVector(): Uint8Array {
    return (this.vector ??= Y.encodeStateVectorFromUpdate(this.whole()));
  }

  /** What a client with this state vector lacks (for a client with nothing: the whole doc). */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    return stateVector.byteLength === 1 && stateVector[0] === 0 ? this.whole() : Y.diffUpdate(this.whole(), stateVector);
  }

  /** Builds the doc from the bytes; `origin` marks the transactions as a load, not a change. */
  applyTo(doc: Y.Doc, origin: unknown): void {
    for (const part of this.parts) Y.applyUpdate(doc, part, origin);
  }
}
