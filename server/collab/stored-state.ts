// A doc kept as bytes: what was stored, then each change that follows on from it, as it came. A joiner is served from the
// bytes, and neither a section the meeting only reads (12 of 13 docs in a meeting with one typist) nor the one being
// typed into becomes a Y.Doc: no struct objects for the garbage collector to trace, no transaction per keystroke, and
// a fraction of the memory.

import * as Y from 'yjs';
import type { StoredDoc } from '../store/doc-log';
import { clocksAfter, type ParsedUpdate } from './update-inspection';

/** `Y.encodeStateAsUpdate` of an empty doc. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export type DeleteSet = ParsedUpdate['ds'];

export class StoredState {
  private parts: Uint8Array[];
  private vector: Uint8Array | null = null;
  /** Each client's clock: decoded when the first change is offered, then advanced by each one taken. */
  private clocks: Map<number, number> | null = null;
  /** Every deleted range: read when first asked for, then extended by each change taken. */
  private deleted: DeleteSet | null = null;
  /** Changes taken since the bytes were last written by a Y.Doc. */
  private appended = 0;

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
    return (this.vector ??= this.clocks ? Y.encodeStateVector(this.clocks) : Y.encodeStateVectorFromUpdate(this.whole()));
  }

  /** What a client with this state vector lacks (for a client with nothing: the whole doc). */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    return stateVector.byteLength === 1 && stateVector[0] === 0 ? this.whole() : Y.diffUpdate(this.whole(), stateVector);
  }

  /**
   * Takes a change that follows on from these bytes (`clocksAfter`) and returns the copy it keeps (the update is a view
   * into a socket's frame, which would otherwise stay alive); null leaves the change to a Y.Doc (a gap, an overlap, a GC
   * struct).
   */
  append(update: Uint8Array, parsed: ParsedUpdate): Uint8Array | null {
    const clocks = (this.clocks ??= Y.decodeStateVector(this.stateVector()));
    const after = clocksAfter(clocks, parsed);
    if (!after) return null;
    const kept = update.slice();
    this.parts.push(kept);
    for (const [client, clock] of after) clocks.set(client, clock);
    this.vector = null;
    if (this.deleted && parsed.ds.clients.size > 0) this.deleted = Y.mergeDeleteSets([this.deleted, parsed.ds]);
    this.appended += 1;
    return kept;
  }

  /** Every range deleted here, sorted and merged per client. */
  deleteSet(): DeleteSet {
    return (this.deleted ??= Y.mergeDeleteSets([Y.decodeUpdate(this.whole()).ds]));
  }

  /**
   * The doc as one snapshot and its state vector. Changes taken as they came are folded in through a Y.Doc, which
   * drops the content of deleted text (merging bytes keeps it); `guid` spares Yjs drawing a random one.
   */
  snapshot(guid: string): { readonly state: Uint8Array; readonly stateVector: Uint8Array } {
    if (this.appended > 0) {
      const doc = new Y.Doc({ guid });
      this.applyTo(doc, null);
      this.parts = [Y.encodeStateAsUpdate(doc)];
      this.vector = Y.encodeStateVector(doc);
      doc.destroy();
      this.appended = 0;
    }
    return { state: this.whole(), stateVector: this.stateVector() };
  }

  /** Builds the doc from the bytes; `origin` marks the transactions as a load, not a change. */
  applyTo(doc: Y.Doc, origin: unknown): void {
    for (const part of this.parts) Y.applyUpdate(doc, part, origin);
  }
}
