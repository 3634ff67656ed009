// One participant's socket: a single doc (stock y-websocket clients) or every doc of a plan multiplexed (the Concord client).

import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol/close-codes';
import { ERRORS, type ErrorCode } from '../../shared/protocol/errors';
import { decodeMuxFrames, encodeDocClose, encodeDocMessage, encodeHeartbeat, type MuxFrame, MuxKind, toMessages } from '../../shared/protocol/mux';
import type { PlanStatus } from '../../shared/protocol/api';
import type { SectionLock } from '../../shared/rules/locks';
import { handleDocMessage, type Identity, type MessageContext, type MessageVerdict } from './doc-messages';
import type { DocSubscriber, LiveDoc } from './live-doc';
import type { PlanStatuses } from './plan-statuses';
import type { Rooms } from './rooms';
import type { SectionLocks } from './section-locks';
import { sendWire, type WireMessage, wireMessage } from './wire-frames';

export interface PeerDeps {
  readonly rooms: Rooms;
  readonly sessionStillValid: () => boolean;
  readonly onRefused: (identity: Identity, doc: string, reason: string) => void;
  readonly onProtocolError: (identity: Identity, reason: string) => void;
  readonly locks: SectionLocks;
  readonly statuses: PlanStatuses;
  readonly maxBufferedBytes: number;
  /** How often the socket is pinged (each on its own timer, so a server's sockets are not all pinged in one turn). */
  readonly heartbeatMs: number;
  readonly storage: { readonly writable: boolean };
}

const CLOSE_FOR: Partial<Record<ErrorCode, number>> = {
  UNKNOWN_IEP: CloseCode.UNKNOWN_DOC,
  UNKNOWN_DOC: CloseCode.UNKNOWN_DOC,
  NOT_A_PARTICIPANT: CloseCode.FORBIDDEN,
  SERVER_BUSY: CloseCode.TRY_AGAIN_LATER,
};

/** A relayed message goes to many sockets: its multiplexed frame is built once, not once per recipient. */
const muxedFrames = new WeakMap<Uint8Array, Uint8Array>();

function muxed(doc: string, message: Uint8Array): Uint8Array {
  let frame = muxedFrames.get(message);
  if (!frame) {
    frame = encodeDocMessage(doc, message);
    muxedFrames.set(message, frame);
  }
  return frame;
}

/**
 * The frames last batched for a socket and the messages that carry them. A change relayed to a meeting reaches each
 * of its sockets in the same turn as the same frames (the update and the presence that came with it, each muxed
 * once), one socket after another: the batch and its WebSocket frame are built for the first and reused for the rest.
 */
let lastBatch: { readonly frames: readonly Uint8Array[]; readonly wire: readonly WireMessage[] } | null = null;

function wireMessagesFor(frames: readonly Uint8Array[]): readonly WireMessage[] {
  if (lastBatch && sameFrames(lastBatch.frames, frames)) return lastBatch.wire;
  const wire = toMessages(frames).map(wireMessage);
  lastBatch = { frames, wire };
  return wire;
}

function sameFrames(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One doc on one socket: what the doc sends to, and the context its messages are judged in (rights read live from the peer). */
class Subscription implements DocSubscriber, MessageContext {
  constructor(
    private readonly peer: CollabPeer,
    readonly live: LiveDoc,
    readonly participantId: string,
  ) {}

  get subscriber(): DocSubscriber {
    return this;
  }

  get identity(): Identity {
    return this.peer.identityNow;
  }

  send(message: Uint8Array): void {
    this.peer.sendDocMessage(this.live.name, message);
  }

  end(code: number, reason: string): void {
    this.peer.endDoc(this.live.name, code, reason);
  }

  ownsClient(clientId: number): boolean {
    return this.peer.ownsClient(clientId);
  }

  onRefused(doc: string, reason: string): void {
    this.peer.refused(doc, reason);
  }

  onPresenceRewritten(doc: string): void {
    this.peer.presenceRewritten(doc);
  }

  lockOf(doc: string): SectionLock | undefined {
    return this.peer.lockOf(doc);
  }

  status(): PlanStatus | undefined {
    return this.peer.planStatus();
  }

  onApplied(doc: string): void {
    this.peer.applied(doc);
  }

  storageWritable(): boolean {
    return this.peer.storageWritable();
  }
}

export class CollabPeer {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly rewrittenPresence = new Set<string>();
  private closed = false;
  private corked = false;
  /** Whether a frame or a pong arrived since the last heartbeat. */
  private heard = true;
  private readonly heartbeatTimer: ReturnType<typeof setInterval>;
  /** Frames for a multiplexed socket in this turn, sent as one batch when the turn ends. */
  private outbox: Uint8Array[] = [];

  /** `singleDoc` set: the socket speaks plain y-websocket for that one doc; unset: multiplexed frames. */
  constructor(
    private readonly ws: WebSocket,
    private identity: Identity,
    private readonly singleDoc: string | null,
    private readonly deps: PeerDeps,
  ) {
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('pong', () => {
      this.heard = true;
    });
    this.heartbeatTimer = setInterval(() => this.heartbeat(), deps.heartbeatMs).unref();
    ws.on('close', () => this.teardown());
    ws.on('error', () => this.teardown());
    if (singleDoc !== null && !this.subscribe(singleDoc)) return;
  }

  get participantId(): string {
    return this.identity.participantId;
  }

  /** Rights changed mid-meeting: the next frame is judged by the new roles, no reconnect needed. */
  updateRoles(roles: Identity['roles']): void {
    this.identity = { ...this.identity, roles, user: { ...this.identity.user, roles } };
  }

  sessionStillValid(): boolean {
    return this.deps.sessionStillValid();
  }

  sendDocMessage(doc: string, message: Uint8Array): void {
    this.send(this.singleDoc === null ? muxed(doc, message) : message);
  }

  /**
   * Frames sent to this socket in one turn of the event loop (an update and the presence that came with it, a joiner's
   * docs) leave in one write: a system call per frame was the largest cost of relaying after the disk. A multiplexed
   * socket gets them as one batch message; a stock client, which knows no batches, as separate messages corked together.
   */
  private corkUntilTickEnds(): void {
    if (this.corked) return;
    const socket = (this.ws as unknown as { _socket?: Socket })._socket;
    if (!socket) return;
    this.corked = true;
    socket.cork();
    process.nextTick(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  private readonly sendBatch = (): void => {
    const frames = this.outbox;
    this.outbox = [];
    if (this.ws.readyState !== this.ws.OPEN || frames.length === 0) return;
    for (const message of wireMessagesFor(frames)) sendWire(this.ws, message);
  };

  /**
   * Runs every heartbeat interval. A socket that sent nothing, not even the pong to the last ping (every client answers
   * pings, browsers included), is gone: a laptop that slept, Wi-Fi that dropped without closing the connection. It is
   * dropped now, freeing its place under the connection caps and starting its section locks' grace period, rather than
   * when TCP gives up many minutes later; any other socket is pinged.
   */
  private heartbeat(): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (!this.heard) {
      this.teardown();
      this.ws.terminate();
      return;
    }
    this.heard = false;
    this.ws.ping();
  }

  /** Ends one doc: on a multiplexed socket only that channel closes; a single-doc socket closes. */
  endDoc(doc: string, code: number, reason: string): void {
    const subscription = this.subscriptions.get(doc);
    if (subscription) this.unsubscribe(subscription);
    if (this.singleDoc === null) {
      this.send(encodeDocClose(doc, code, reason));
    } else {
      this.close(code, reason);
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    // What was said before the close (a refusal, a doc's end) still reaches the client, ahead of the close itself.
    this.sendBatch();
    this.teardown();
    this.ws.close(code, reason.slice(0, 120));
  }

  /** Every frame to the client goes through here, answers included: a client that stops reading is closed, not buffered for. */
  private send(frame: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    // A socket that cannot keep up is closed rather than buffered without bound; the client resyncs when it returns.
    if (this.ws.bufferedAmount > this.deps.maxBufferedBytes) {
      this.close(CloseCode.TRY_AGAIN_LATER, 'too far behind: reconnecting will resync');
      return;
    }
    if (this.singleDoc !== null) {
      this.corkUntilTickEnds();
      this.ws.send(frame);
      return;
    }
    this.outbox.push(frame);
    if (this.outbox.length === 1) process.nextTick(this.sendBatch);
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.heard = true;
    if (this.closed) return;
    if (!isBinary) {
      this.protocolError('text frames are not part of the protocol');
      return;
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      if (this.singleDoc !== null) this.receiveDocMessage(this.singleDoc, bytes);
      else this.receiveMuxFrames(bytes);
    } catch (error) {
      this.protocolError(error instanceof Error ? `unreadable message: ${error.message}` : 'unreadable message');
    }
  }

  private receiveMuxFrames(bytes: Uint8Array): void {
    for (const frame of decodeMuxFrames(bytes)) {
      if (this.closed) return;
      this.receiveMuxFrame(frame);
    }
  }

  private receiveMuxFrame(frame: MuxFrame): void {
    switch (frame.kind) {
      case MuxKind.PING:
        this.send(encodeHeartbeat(MuxKind.PONG));
        return;
      case MuxKind.PONG:
        return;
      case MuxKind.DOC_CLOSE: {
        const subscription = this.subscriptions.get(frame.doc);
        if (subscription) this.unsubscribe(subscription);
        return;
      }
      case MuxKind.DOC_MESSAGE:
        if (!this.subscriptions.has(frame.doc) && !this.subscribe(frame.doc)) return;
        this.receiveDocMessage(frame.doc, frame.message);
    }
  }

  private receiveDocMessage(doc: string, message: Uint8Array): void {
    const subscription = this.subscriptions.get(doc);
    if (!subscription) return;
    const verdict: MessageVerdict = handleDocMessage(subscription, message);
    if (verdict.close) this.protocolError(verdict.reason);
  }

  /** Read on every frame, so a change of rights applies to the next one. */
  get identityNow(): Identity {
    return this.identity;
  }

  ownsClient(clientId: number): boolean {
    return this.deps.rooms.ownsClient(this.identity.iepId, clientId, this.identity.participantId);
  }

  refused(doc: string, reason: string): void {
    this.deps.onRefused(this.identity, doc, reason);
  }

  /** Audited once per doc and socket: the attempt is on record without one write per cursor move. */
  presenceRewritten(doc: string): void {
    if (this.rewrittenPresence.has(doc)) return;
    this.rewrittenPresence.add(doc);
    this.deps.onRefused(this.identity, doc, 'presence claimed another identity and was rewritten');
  }

  lockOf(doc: string): SectionLock | undefined {
    return this.deps.locks.lockOf(this.identity.iepId, doc);
  }

  planStatus(): PlanStatus | undefined {
    return this.deps.statuses.statusOf(this.identity.iepId);
  }

  applied(doc: string): void {
    this.deps.locks.touched(this.identity.iepId, doc, this.identity.participantId);
  }

  storageWritable(): boolean {
    return this.deps.storage.writable;
  }

  /** Subscribes to a doc of this peer's plan; an unknown name is answered with a close and creates nothing. */
  private subscribe(doc: string): boolean {
    const live = this.deps.rooms.acquire(this.identity.iepId, doc);
    if (typeof live === 'string') {
      const code = CLOSE_FOR[live] ?? CloseCode.POLICY;
      if (this.singleDoc === null) this.send(encodeDocClose(doc, code, ERRORS[live].message));
      else this.close(code, ERRORS[live].message);
      return false;
    }
    const subscription = new Subscription(this, live, this.identity.participantId);
    this.subscriptions.set(doc, subscription);
    live.subscribe(subscription);
    return true;
  }

  private unsubscribe(subscription: Subscription): void {
    if (this.subscriptions.get(subscription.live.name) !== subscription) return;
    this.subscriptions.delete(subscription.live.name);
    subscription.live.unsubscribe(subscription);
    this.deps.rooms.released(this.identity.iepId, subscription.live);
  }

  private protocolError(reason: string): void {
    this.deps.onProtocolError(this.identity, reason);
    this.close(CloseCode.MALFORMED, reason);
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeatTimer);
    for (const subscription of [...this.subscriptions.values()]) this.unsubscribe(subscription);
  }
}
