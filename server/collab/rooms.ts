// The plans being worked on now: their live docs, loaded on first use, unloaded when nobody has used them for a while.

import { isDocOf, MEETING_DOC } from '../../shared/protocol/doc-names';
import type { ErrorCode } from '../../shared/protocol/errors';
import { templateOf } from '../../shared/template/index';
import type { ClientIds } from '../store/client-ids';
import type { DocLog } from '../store/doc-log';
import type { GroupCommit } from '../store/group-commit';
import type { Plans } from '../store/plans';
import type * as Y from 'yjs';
import { PRESENCE_TIMEOUT_MS } from './doc-presence';
import { type ApplyOutcome, LiveDoc } from './live-doc';

export interface RoomOptions {
  readonly compactEvery: number;
  /** A doc nobody is subscribed to stays loaded this long, so a reconnect after a Wi-Fi blip is instant. */
  readonly idleUnloadMs: number;
  /** Docs in memory at once; past it, the longest-idle doc is unloaded, and if none is idle a new one is refused. */
  readonly maxLiveDocs: number;
}

interface Room {
  readonly docs: Map<string, LiveDoc>;
  readonly unloadTimers: Map<string, ReturnType<typeof setTimeout>>;
  /** Cache of `ClientIds` for this room. */
  readonly clientOwners: Map<number, string>;
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  /** Loaded docs nobody is subscribed to, longest idle first: the first to go when memory is capped. */
  private readonly idle = new Map<LiveDoc, string>();
  private liveDocTotal = 0;
  /** One timer for the presence timeouts of every live doc, where y-protocols runs one per doc. */
  private readonly presenceSweep: ReturnType<typeof setInterval>;

  constructor(
    private readonly plans: Plans,
    private readonly log: DocLog,
    private readonly clientIds: ClientIds,
    private readonly commits: GroupCommit,
    private readonly options: RoomOptions,
  ) {
    this.presenceSweep = setInterval(() => {
      const now = Date.now();
      for (const [, live] of this.liveDocs()) live.expirePresence(now);
    }, PRESENCE_TIMEOUT_MS / 10).unref();
  }

  /** Checks that the doc exists before anything is created, so requests for unknown names leave no trace. */
  validate(iepId: string, docName: string): ErrorCode | null {
    if (this.rooms.get(iepId)?.docs.has(docName)) return null;
    const plan = this.plans.get(iepId);
    if (!plan) return 'UNKNOWN_IEP';
    return isDocOf(templateOf(plan.template), docName) ? null : 'UNKNOWN_DOC';
  }

  /**
   * The live doc, loaded before it is returned: loading is synchronous on SQLite, so no sync reply can ever be
   * served from a half-loaded doc, and two subscribers arriving together share one load.
   */
  acquire(iepId: string, docName: string, capped = true): LiveDoc | ErrorCode {
    const problem = this.validate(iepId, docName);
    if (problem) return problem;
    const existing = this.rooms.get(iepId)?.docs.get(docName);
    if (existing) {
      this.markBusy(iepId, existing);
      return existing;
    }
    // The server's own reads and writes (locks, sign-offs, export) are never refused: they release the doc at once.
    if (!this.makeRoom() && capped) return 'SERVER_BUSY';
    const room = this.roomOf(iepId);
    const live = new LiveDoc(
      docName,
      this.log.load(iepId, docName),
      {
        append: (seq, update, durable, failed) => this.commits.append(iepId, docName, seq, update, durable, failed),
        whenDurable: (action) => this.commits.whenDurable(action),
        flush: () => this.commits.flush(),
        compact: (uptoSeq, state, stateVector) => this.log.compact(iepId, docName, uptoSeq, state, stateVector),
      },
      { compactEvery: this.options.compactEvery, eager: docName === MEETING_DOC, onBroken: (broken, code, reason) => this.drop(iepId, broken, code, reason) },
    );
    room.docs.set(docName, live);
    this.liveDocTotal += 1;
    return live;
  }

  /** Below the cap, or brought below it by unloading the longest-idle doc; false if every loaded doc is in use. */
  private makeRoom(): boolean {
    return this.unloadIdleWhileAbove(this.options.maxLiveDocs - 1);
  }

  private unloadIdleWhileAbove(limit: number): boolean {
    while (this.liveDocTotal > limit) {
      const oldest = this.idle.entries().next();
      if (oldest.done) return false;
      const [live, iepId] = oldest.value;
      this.idle.delete(live);
      this.unload(iepId, live);
    }
    return true;
  }

  private markBusy(iepId: string, live: LiveDoc): void {
    const room = this.rooms.get(iepId);
    const timer = room?.unloadTimers.get(live.name);
    if (timer) clearTimeout(timer);
    room?.unloadTimers.delete(live.name);
    this.idle.delete(live);
  }

  /** A change by the server itself to one doc, loaded for the purpose if nobody has it open. */
  writeAsServer(iepId: string, docName: string, change: (doc: Y.Doc) => void): ApplyOutcome | ErrorCode {
    const live = this.acquire(iepId, docName, false);
    if (typeof live === 'string') return live;
    const outcome = live.transactServer(change);
    this.released(iepId, live);
    return outcome;
  }

  /** Reads a doc as the server, loading it for the purpose if nobody has it open. */
  readAsServer<T>(iepId: string, docName: string, read: (doc: Y.Doc) => T): T | ErrorCode {
    const live = this.acquire(iepId, docName, false);
    if (typeof live === 'string') return live;
    const result = read(live.doc);
    this.released(iepId, live);
    return result;
  }

  /** Reads several docs of one plan together (a whole-plan hash), loading those nobody has open. */
  withDocs<T>(iepId: string, docNames: readonly string[], read: (docOf: (name: string) => Y.Doc) => T): T | ErrorCode {
    const loaded = new Map<string, LiveDoc>();
    for (const name of docNames) {
      const live = this.acquire(iepId, name, false);
      if (typeof live === 'string') {
        for (const each of loaded.values()) this.released(iepId, each);
        return live;
      }
      loaded.set(name, live);
    }
    try {
      return read((name) => {
        const live = loaded.get(name);
        if (!live) throw new Error(`doc ${name} was not loaded`);
        return live.doc;
      });
    } finally {
      for (const each of loaded.values()) this.released(iepId, each);
    }
  }

  /** Called when a subscriber leaves; the doc unloads after the idle delay if nobody came back. */
  released(iepId: string, live: LiveDoc): void {
    const room = this.rooms.get(iepId);
    if (!room || live.subscribers.size > 0 || room.docs.get(live.name) !== live) return;
    this.idle.delete(live);
    this.idle.set(live, iepId);
    clearTimeout(room.unloadTimers.get(live.name));
    room.unloadTimers.set(
      live.name,
      setTimeout(() => this.unload(iepId, live), this.options.idleUnloadMs).unref(),
    );
    // The server's own reads may have loaded past the cap for a moment; what they leave idle goes first.
    this.unloadIdleWhileAbove(this.options.maxLiveDocs);
  }

  /** Whether this participant may write as this Yjs client id; the first use claims it for good (cached per room). */
  ownsClient(iepId: string, clientId: number, participantId: string): boolean {
    const owners = this.rooms.get(iepId)?.clientOwners;
    if (!owners) return false;
    let owner = owners.get(clientId) ?? this.clientIds.owner(iepId, clientId);
    if (owner === undefined) {
      this.clientIds.claim(iepId, clientId, participantId);
      owner = participantId;
    }
    owners.set(clientId, owner);
    return owner === participantId;
  }

  liveDocCount(): number {
    return this.liveDocTotal;
  }

  roomCount(): number {
    return this.rooms.size;
  }

  /** Every live doc, for shutdown and the server's own writes. */
  *liveDocs(): Iterable<[string, LiveDoc]> {
    for (const [iepId, room] of this.rooms) for (const live of room.docs.values()) yield [iepId, live];
  }

  /** Compacts and drops every doc (shutdown). */
  unloadAll(): void {
    clearInterval(this.presenceSweep);
    this.commits.flush();
    for (const [iepId, live] of [...this.liveDocs()]) this.unload(iepId, live);
  }

  private unload(iepId: string, live: LiveDoc): void {
    const room = this.rooms.get(iepId);
    if (!room || room.docs.get(live.name) !== live || live.subscribers.size > 0) return;
    try {
      live.compact();
    } catch {
      // The log is whole without the snapshot; the next load replays it.
    }
    this.forget(iepId, room, live);
  }

  /** A doc that may differ from storage: everyone on it is sent away to resync from a fresh load. */
  private drop(iepId: string, live: LiveDoc, code: number, reason: string): void {
    for (const subscriber of [...live.subscribers]) subscriber.end(code, reason);
    const room = this.rooms.get(iepId);
    if (room && room.docs.get(live.name) === live) this.forget(iepId, room, live);
  }

  private forget(iepId: string, room: Room, live: LiveDoc): void {
    const timer = room.unloadTimers.get(live.name);
    if (timer) clearTimeout(timer);
    room.unloadTimers.delete(live.name);
    room.docs.delete(live.name);
    this.idle.delete(live);
    this.liveDocTotal -= 1;
    live.destroy();
    if (room.docs.size === 0) this.rooms.delete(iepId);
  }

  private roomOf(iepId: string): Room {
    let room = this.rooms.get(iepId);
    if (!room) {
      room = { docs: new Map(), unloadTimers: new Map(), clientOwners: new Map() };
      this.rooms.set(iepId, room);
    }
    return room;
  }
}
