// One loaded doc: its Y.Doc and awareness, who is subscribed, and the one path by which changes are persisted, then relayed.

import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/messages';
import type { StoredDoc } from '../store/doc-log';

/** Someone receiving a doc's messages: a socket for one doc, or one doc's channel on a multiplexed socket. */
export interface DocSubscriber {
  readonly participantId: string;
  /** Sends one y-protocols message of this doc. */
  send(message: Uint8Array): void;
  /** Ends this subscriber's use of this doc (the client will resync when it comes back). */
  end(code: number, reason: string): void;
}

/** What the live doc needs from storage. */
export interface DocPersistence {
  /** Stores an update; `durable` runs once it is on disk (only then may anyone see it), `failed` if it cannot be stored. */
  append(seq: number, update: Uint8Array, durable: () => void, failed: () => void): void;
  /** Runs `action` once everything appended so far is on disk. */
  whenDurable(action: () => void): void;
  /** Stores everything pending now. */
  flush(): void;
  compact(uptoSeq: number, state: Uint8Array): void;
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'rejected' | 'not-saved';

export interface LiveDocOptions {
  /** Compact the log into a snapshot after this many appended updates. */
  readonly compactEvery: number;
  /** Called when the in-memory doc can no longer be trusted to match storage; the owner must drop it. */
  readonly onBroken: (live: LiveDoc, code: number, reason: string) => void;
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

export class LiveDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly subscribers = new Set<DocSubscriber>();
  /** Awareness client ids each subscriber has set, removed when it leaves. */
  private readonly awarenessOf = new Map<DocSubscriber, Set<number>>();
  private seq: number;
  private sinceSnapshot: number;
  private captured: Uint8Array | null = null;
  private wholeDocStep2: Uint8Array | null = null;
  /** Presence changes not yet relayed: client id -> the subscriber that made the change (null: the server). */
  private readonly awarenessPending = new Map<number, DocSubscriber | null>();
  private awarenessScheduled = false;
  private compactionScheduled = false;
  private broken = false;

  constructor(
    readonly name: string,
    stored: StoredDoc,
    private readonly persistence: DocPersistence,
    private readonly options: LiveDocOptions,
  ) {
    this.awareness.setLocalState(null);
    if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, 'load');
    for (const update of stored.updates) Y.applyUpdate(this.doc, update, 'load');
    this.seq = stored.lastSeq;
    this.sinceSnapshot = stored.updates.length;
    this.doc.on('update', (update: Uint8Array) => {
      this.captured = update;
      this.wholeDocStep2 = null;
    });
    this.awareness.on('update', this.relayAwareness);
  }

  get hasUnsnapshottedUpdates(): boolean {
    return this.sinceSnapshot > 0;
  }

  subscribe(subscriber: DocSubscriber): void {
    this.subscribers.add(subscriber);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    subscriber.send(encoding.toUint8Array(encoder));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) subscriber.send(awarenessMessage(this.awareness, present));
  }

  unsubscribe(subscriber: DocSubscriber): void {
    this.subscribers.delete(subscriber);
    const clients = this.awarenessOf.get(subscriber);
    this.awarenessOf.delete(subscriber);
    if (clients && clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
  }

  /**
   * Answers a client's sync step 1 with everything it lacks, once all that the doc holds is on disk: a joiner must
   * never be shown content that a crash could still take back.
   */
  replySyncStep2(subscriber: DocSubscriber, stateVector: Uint8Array): void {
    Y.decodeStateVector(stateVector);
    this.persistence.whenDurable(() => {
      if (!this.broken && this.subscribers.has(subscriber)) subscriber.send(this.syncStep2For(stateVector));
    });
  }

  /** The reply to a client's sync step 1: everything it lacks. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    // A joiner with nothing asks for the whole doc: encoded once per version, shared by every joiner (and its muxed frame).
    if (stateVector.byteLength === 1 && stateVector[0] === 0) return (this.wholeDocStep2 ??= this.encodeSyncStep2(stateVector));
    return this.encodeSyncStep2(stateVector);
  }

  private encodeSyncStep2(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
    return encoding.toUint8Array(encoder);
  }

  /**
   * Applies a client's update, already parsed in full by the caller (`updateClients`), atomically: persisted before
   * anyone else sees it, and if applying still fails the whole doc is dropped and reloaded from storage, so no
   * half-applied change survives.
   */
  applyClientUpdate(update: Uint8Array, from: DocSubscriber): ApplyOutcome {
    if (this.broken) return 'not-saved';
    this.captured = null;
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch {
      this.captured = null;
      this.breakDoc(4500, 'a change could not be applied; reloading the section');
      return 'rejected';
    }
    return this.commitCaptured(from);
  }

  /** A change made by the server itself (seed, meeting record): persisted and relayed like any accepted update. */
  transactServer(change: (doc: Y.Doc) => void): ApplyOutcome {
    if (this.broken) return 'not-saved';
    this.captured = null;
    this.doc.transact(() => change(this.doc), 'server');
    const outcome = this.commitCaptured(null);
    // The server's own writes answer HTTP requests: they are on disk before the answer goes out.
    this.persistence.flush();
    return this.broken ? 'not-saved' : outcome;
  }

  /** For an update without structs: whether every deletion it carries is already made here, so applying it changes nothing. */
  deletesNothingNew(update: Uint8Array): boolean {
    const deleted = Y.createDeleteSetFromStructStore(this.doc.store);
    const claimed = Y.decodeUpdate(update).ds;
    for (const [client, ranges] of claimed.clients) {
      const have = deleted.clients.get(client) ?? [];
      for (const range of ranges) if (!covered(have, range.clock, range.len)) return false;
    }
    return true;
  }

  applyAwareness(update: Uint8Array, from: DocSubscriber): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, from);
  }

  awarenessSnapshot(): Uint8Array {
    return awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /** Folds the log into one snapshot. Safe at any moment: the log stays whole until the snapshot is committed. */
  compact(): void {
    if (this.broken || this.sinceSnapshot === 0) return;
    this.persistence.flush();
    this.persistence.compact(this.seq, Y.encodeStateAsUpdate(this.doc));
    this.sinceSnapshot = 0;
  }

  destroy(): void {
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private commitCaptured(from: DocSubscriber | null): ApplyOutcome {
    const effective = this.captured;
    this.captured = null;
    if (!effective) return 'unchanged';
    this.seq += 1;
    this.sinceSnapshot += 1;
    this.persistence.append(
      this.seq,
      effective,
      () => {
        if (this.broken) return;
        const message = syncUpdateMessage(effective);
        for (const subscriber of this.subscribers) {
          if (subscriber !== from) subscriber.send(message);
        }
      },
      () => this.breakDoc(4503, 'not saved: the server could not store this change'),
    );
    if (this.sinceSnapshot >= this.options.compactEvery) this.scheduleCompaction();
    return 'applied';
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    this.persistence.whenDurable(() => {
      this.compactionScheduled = false;
      try {
        this.compact();
      } catch {
        // The log is still whole; compaction is retried after the next batch of updates.
      }
    });
  }

  private breakDoc(code: number, reason: string): void {
    if (this.broken) return;
    this.broken = true;
    this.options.onBroken(this, code, reason);
  }

  private readonly relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const subscriber = origin as DocSubscriber | null;
    if (subscriber && this.subscribers.has(subscriber)) {
      let mine = this.awarenessOf.get(subscriber);
      if (!mine) this.awarenessOf.set(subscriber, (mine = new Set()));
      for (const id of [...added, ...updated]) mine.add(id);
      for (const id of removed) mine.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    for (const id of changed) this.awarenessPending.set(id, subscriber);
    if (this.awarenessScheduled) return;
    this.awarenessScheduled = true;
    // Presence goes out with the edits accepted alongside it, never ahead of them: a caret can point into the new text.
    this.persistence.whenDurable(this.relayPendingAwareness);
  };

  /** Every presence change since the last relay, in one message per doc. */
  private readonly relayPendingAwareness = (): void => {
    this.awarenessScheduled = false;
    if (this.broken || this.awarenessPending.size === 0) return;
    const origins = new Set(this.awarenessPending.values());
    const message = awarenessMessage(this.awareness, [...this.awarenessPending.keys()]);
    this.awarenessPending.clear();
    // A sender knows its own presence: echoing it back would be an eighth of all presence traffic in a meeting of eight.
    const only = origins.size === 1 ? [...origins][0] : null;
    for (const each of this.subscribers) if (each !== only) each.send(message);
  };
}

/** Whether sorted, merged delete ranges cover [clock, clock + len). */
function covered(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  let at = clock;
  const end = clock + len;
  for (const range of ranges) {
    if (range.clock > at) return false;
    if (range.clock + range.len > at) at = range.clock + range.len;
    if (at >= end) return true;
  }
  return at >= end;
}
