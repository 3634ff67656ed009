// One loaded doc: its stored bytes or its Y.Doc, who is present and subscribed, and the one path by which changes are
// persisted, then relayed.

import * as Y from 'yjs';
import { encodeSyncMessage, SyncStep } from '../../shared/protocol/messages';
import type { StoredDoc } from '../store/doc-log';
import { DocPresence, type PresenceEntry } from './doc-presence';
import { type DeleteSet, StoredState } from './stored-state';
import type { ParsedUpdate } from './update-inspection';

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
  compact(uptoSeq: number, state: Uint8Array, stateVector: Uint8Array): void;
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'rejected' | 'not-saved';

export interface LiveDocOptions {
  /** Compact the log into a snapshot after this many appended updates. */
  readonly compactEvery: number;
  /** Build the Y.Doc at once (the meeting doc: the server reads its locks and writes to it from the first edit on). */
  readonly eager?: boolean;
  /** Called when the in-memory doc can no longer be trusted to match storage; the owner must drop it. */
  readonly onBroken: (live: LiveDoc, code: number, reason: string) => void;
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SyncStep.UPDATE, update);
}

/** The origin of the transactions that build a doc from storage. */
const LOAD = 'load';

export class LiveDoc {
  /** Null until something needs the Y.Doc (`doc`): serving readers and taking changes that follow on need none. */
  private ydoc: Y.Doc | null = null;
  private readonly presence = new DocPresence<DocSubscriber>();
  /** The doc as bytes (as stored, then the changes that follow on), until something needs the Y.Doc; null once it is built. */
  private stored: StoredState | null;
  readonly subscribers = new Set<DocSubscriber>();
  private seq: number;
  private sinceSnapshot: number;
  private captured: Uint8Array | null = null;
  private wholeDocStep2: Uint8Array | null = null;
  private presenceScheduled = false;
  private compactionScheduled = false;
  private broken = false;

  constructor(
    readonly name: string,
    stored: StoredDoc,
    private readonly persistence: DocPersistence,
    private readonly options: LiveDocOptions,
  ) {
    this.stored = new StoredState(stored);
    this.seq = stored.lastSeq;
    this.sinceSnapshot = stored.updates.length;
    if (options.eager) void this.doc;
  }

  /** The Y.Doc, built from storage on first use. */
  get doc(): Y.Doc {
    if (!this.ydoc) {
      // A guid of our own: Yjs would draw a random UUID for each doc, 31 calls into the system's random source.
      const ydoc = new Y.Doc({ guid: this.name });
      this.stored?.applyTo(ydoc, LOAD);
      this.stored = null;
      // Listened to only from here on: Yjs encodes each transaction's update for its listeners, the load's whole doc too.
      ydoc.on('update', this.capture);
      this.ydoc = ydoc;
    }
    return this.ydoc;
  }

  /** Whether the doc is still only bytes (nothing has needed its Y.Doc since it was loaded). */
  get isCompacted(): boolean {
    return this.stored !== null;
  }

  get hasUnsnapshottedUpdates(): boolean {
    return this.sinceSnapshot > 0;
  }

  subscribe(subscriber: DocSubscriber): void {
    this.subscribers.add(subscriber);
    subscriber.send(encodeSyncMessage(SyncStep.STEP1, this.stored ? this.stored.stateVector() : Y.encodeStateVector(this.doc)));
    if (!this.presence.isEmpty) subscriber.send(this.presence.snapshot());
  }

  unsubscribe(subscriber: DocSubscriber): void {
    this.subscribers.delete(subscriber);
    if (this.presence.removeOwner(subscriber)) this.schedulePresence();
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
    return encodeSyncMessage(SyncStep.STEP2, this.stored ? this.stored.missingFrom(stateVector) : Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /**
   * Takes a client's update, already parsed in full by the caller (`inspectUpdate`), atomically: persisted before
   * anyone else sees it. A change that follows on from the stored bytes joins them as it came; any other is applied to
   * the Y.Doc, and if applying fails the whole doc is dropped and reloaded from storage, so no half-applied change
   * survives.
   */
  applyClientUpdate(update: Uint8Array, parsed: ParsedUpdate, from: DocSubscriber): ApplyOutcome {
    if (this.broken) return 'not-saved';
    const kept = this.stored?.append(update, parsed);
    if (kept) {
      this.wholeDocStep2 = null;
      return this.commit(kept, from);
    }
    const doc = this.doc;
    this.captured = null;
    try {
      Y.applyUpdate(doc, update, from);
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
    const doc = this.doc;
    this.captured = null;
    doc.transact(() => change(doc), 'server');
    const outcome = this.commitCaptured(null);
    // The server's own writes answer HTTP requests: they are on disk before the answer goes out.
    this.persistence.flush();
    return this.broken ? 'not-saved' : outcome;
  }

  /** For an update without structs: whether every deletion it carries is already made here, so applying it changes nothing. */
  deletesNothingNew(parsed: ParsedUpdate): boolean {
    const claimed = parsed.ds;
    // A new client's step 2 claims nothing.
    if (claimed.clients.size === 0) return true;
    const deleted: DeleteSet = this.stored ? this.stored.deleteSet() : Y.createDeleteSetFromStructStore(this.doc.store);
    for (const [client, ranges] of claimed.clients) {
      const have = deleted.clients.get(client) ?? [];
      for (const range of ranges) if (!covered(have, range.clock, range.len)) return false;
    }
    return true;
  }

  /** Presence from a subscriber, already stamped with its identity. */
  applyAwareness(entries: readonly PresenceEntry[], from: DocSubscriber): void {
    if (this.presence.apply(entries, from)) this.schedulePresence();
  }

  /** Drops the presence of clients not heard from within the timeout (y-protocols' 30 s). */
  expirePresence(now = Date.now()): void {
    if (this.presence.expire(now)) this.schedulePresence();
  }

  awarenessSnapshot(): Uint8Array {
    return this.presence.snapshot();
  }

  /** Folds the log into one snapshot. Safe at any moment: the log stays whole until the snapshot is committed. */
  compact(): void {
    if (this.broken || this.sinceSnapshot === 0) return;
    this.persistence.flush();
    if (this.stored) {
      const { state, stateVector } = this.stored.snapshot(this.name);
      this.persistence.compact(this.seq, state, stateVector);
    } else this.persistence.compact(this.seq, Y.encodeStateAsUpdate(this.doc), Y.encodeStateVector(this.doc));
    this.sinceSnapshot = 0;
  }

  destroy(): void {
    this.ydoc?.destroy();
  }

  private commitCaptured(from: DocSubscriber | null): ApplyOutcome {
    const effective = this.captured;
    this.captured = null;
    return effective ? this.commit(effective, from) : 'unchanged';
  }

  /** Persists a change the doc has taken, and relays it to everyone else once it is on disk. */
  private commit(effective: Uint8Array, from: DocSubscriber | null): ApplyOutcome {
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

  private readonly capture = (update: Uint8Array): void => {
    this.captured = update;
    this.wholeDocStep2 = null;
  };

  private schedulePresence(): void {
    if (this.presenceScheduled) return;
    this.presenceScheduled = true;
    // Presence goes out with the edits accepted alongside it, never ahead of them: a caret can point into the new text.
    this.persistence.whenDurable(this.relayPresence);
  }

  /** Every presence change since the last relay, in one message per doc. */
  private readonly relayPresence = (): void => {
    this.presenceScheduled = false;
    const changes = this.presence.takePending();
    if (this.broken || !changes) return;
    for (const each of this.subscribers) if (each !== changes.only) each.send(changes.message);
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
