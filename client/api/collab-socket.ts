// One WebSocket per plan carrying every doc: hands y-websocket's provider a WebSocket-like channel per doc.

import * as decoding from 'lib0/decoding';
import { CloseCode } from '../../shared/protocol/close-codes';
import { MessageType, SyncStep } from '../../shared/protocol/messages';
import { decodeMuxFrames, encodeDocClose, encodeHeartbeat, type MuxFrame, MuxKind, toMessages } from '../../shared/protocol/mux';
import { type ChannelHost, DocChannel } from './doc-channel';
import { DocHolds, ReconnectSchedule } from './reconnect-schedule';

const HEARTBEAT_MS = 10_000;
const DEAD_AFTER_MS = 30_000;
/** An awareness update about no clients: harmless to y-websocket, and proof to its idle watchdog that the channel lives. */
const KEEPALIVE = new Uint8Array([MessageType.AWARENESS, 1, 0]);
/** WebSocket.OPEN, without reaching for a global that Node 20 (where tests run this class) lacks. */
const OPEN = 1;

export interface Refusal {
  readonly doc: string;
  readonly reason: string;
}

type Listener<T> = (value: T) => void;

export interface CollabSocketOptions {
  /** The browser's by default; tests pass the `ws` package's, carrying a session cookie. */
  readonly WebSocket?: typeof WebSocket;
  /**
   * Asked after repeated failed attempts: false if the server says the sign-in is gone. A browser cannot see why an
   * upgrade was refused (a 401 and a network failure look alike), so without this it would retry, and say so, forever.
   */
  readonly stillSignedIn?: () => Promise<boolean>;
}

/** Failed attempts in a row after which a refused upgrade may be a sign-in that ended rather than the network. */
const CHECK_SIGN_IN_AFTER = 2;

/** `connecting`: not yet connected once; `closed`: lost, trying again; `ended`: the server refused us for good. */
export type SocketStatus = 'connecting' | 'open' | 'closed' | 'ended';

export class CollabSocket implements ChannelHost {
  private ws: WebSocket | null = null;
  /** Frames of this task, sent together when it ends. */
  private outbox: Uint8Array[] = [];
  private readonly channels = new Map<string, DocChannel>();
  private readonly localClients = new Map<string, number>();
  private lastHeard = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly refusalListeners = new Set<Listener<Refusal>>();
  private readonly statusListeners = new Set<Listener<SocketStatus>>();
  private readonly reconnect = new ReconnectSchedule();
  private readonly holds = new DocHolds();
  private everOpened = false;
  private destroyed = false;
  /** Set once the server closed the socket with a code that says reconnecting cannot help. */
  private terminal: { readonly code: number; readonly reason: string } | null = null;
  status: SocketStatus = 'connecting';

  private checkingSignIn = false;

  constructor(
    private readonly url: string,
    private readonly options: CollabSocketOptions = {},
  ) {
    globalThis.addEventListener?.('online', this.networkBack);
  }

  /** The class to pass to `WebsocketProvider` as `WebSocketPolyfill`: each instance is one doc's channel on this socket. */
  get channelClass(): typeof WebSocket {
    const socket = this;
    class BoundChannel extends DocChannel {
      constructor(url: string | URL) {
        super(socket, docNameOf(String(url)));
      }
    }
    return BoundChannel as unknown as typeof WebSocket;
  }

  /** The Yjs client id of the local doc for `doc`: only its presence entries leave this browser. */
  setLocalClient(doc: string, clientId: number): void {
    this.localClients.set(doc, clientId);
  }

  /** @internal */
  localClientOf(doc: string): number | undefined {
    return this.localClients.get(doc);
  }

  onRefusal(listener: Listener<Refusal>): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  onStatus(listener: Listener<SocketStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** @internal */
  attach(channel: DocChannel): void {
    this.channels.get(channel.doc)?.end(1000, 'replaced');
    this.channels.set(channel.doc, channel);
    if (this.terminal) this.refuse(channel, this.terminal);
    else if (this.ws?.readyState === OPEN) this.openWhenAllowed(channel);
    // Only the first attach opens the socket; after a loss the schedule does, and channels made meanwhile wait for it.
    else if (!this.ws && !this.reconnect.pending) this.connect();
  }

  /** @internal */
  detach(channel: DocChannel): void {
    if (this.channels.get(channel.doc) !== channel) return;
    this.channels.delete(channel.doc);
    this.sendFrame(encodeDocClose(channel.doc, 1000, 'closed by client'));
  }

  /** @internal */
  /** Frames sent in one task (an edit and the caret that moved with it) leave as one batch message. */
  sendFrame(frame: Uint8Array): void {
    if (this.ws?.readyState !== OPEN) return;
    this.outbox.push(frame);
    if (this.outbox.length === 1) queueMicrotask(this.sendBatch);
  }

  private readonly sendBatch = (): void => {
    const frames = this.outbox;
    this.outbox = [];
    const ws = this.ws;
    if (ws?.readyState !== OPEN) return;
    for (const message of toMessages(frames)) ws.send(message);
  };

  destroy(): void {
    this.destroyed = true;
    this.reconnect.cancel();
    globalThis.removeEventListener?.('online', this.networkBack);
    for (const channel of [...this.channels.values()]) channel.end(1000, 'left the meeting');
    this.channels.clear();
    const ws = this.ws;
    this.ws = null;
    ws?.close(1000);
    this.stopHeartbeat();
  }

  private connect(): void {
    if (this.destroyed || this.terminal || this.ws) return;
    const ws = new (this.options.WebSocket ?? WebSocket)(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    if (!this.everOpened) this.setStatus('connecting');
    ws.onopen = () => {
      this.everOpened = true;
      this.lastHeard = Date.now();
      this.setStatus('open');
      this.startHeartbeat();
      for (const channel of this.channels.values()) this.openWhenAllowed(channel);
    };
    ws.onmessage = (event) => this.receive(new Uint8Array(event.data as ArrayBuffer));
    // Failures are answered on close; Node's `ws` would throw an error event that nobody listens to.
    ws.onerror = () => {};
    ws.onclose = (event) => this.lost(ws, event.code, event.reason);
  }

  /**
   * The socket ended (the server, the network, a failed attempt, or our heartbeat). Open channels end so their providers
   * reset; channels that never opened keep waiting for the next socket, so y-websocket's own backoff never opens one.
   */
  private lost(ws: WebSocket, code: number, reason: string): void {
    if (this.ws !== ws) return;
    this.ws = null;
    ws.onopen = ws.onmessage = ws.onclose = null;
    this.stopHeartbeat();
    if (!this.reconnect.after(code, () => this.connect())) {
      this.giveUp(code, reason);
      return;
    }
    for (const channel of [...this.channels.values()]) {
      if (channel.readyState !== channel.OPEN) continue;
      this.channels.delete(channel.doc);
      channel.end(code, reason);
    }
    this.setStatus(this.everOpened ? 'closed' : 'connecting');
    if (this.reconnect.failedAttempts >= CHECK_SIGN_IN_AFTER) void this.checkSignIn();
  }

  /** The server refused us for good: every channel hears why (so its provider stops too) and nothing retries. */
  private giveUp(code: number, reason: string): void {
    this.reconnect.cancel();
    this.terminal = { code, reason };
    for (const channel of [...this.channels.values()]) channel.end(code, reason);
    this.channels.clear();
    this.setStatus('ended');
  }

  private async checkSignIn(): Promise<void> {
    if (!this.options.stillSignedIn || this.checkingSignIn) return;
    this.checkingSignIn = true;
    try {
      const signedIn = await this.options.stillSignedIn();
      if (!signedIn && !this.ws && !this.destroyed && !this.terminal) this.giveUp(CloseCode.NOT_SIGNED_IN, 'Your sign-in has ended.');
    } finally {
      this.checkingSignIn = false;
    }
  }

  /** Opens a channel on the open socket, once the server's hold on its doc (if any) has passed. */
  private openWhenAllowed(channel: DocChannel): void {
    const open = () => {
      if (this.channels.get(channel.doc) === channel && this.ws?.readyState === OPEN) channel.open();
    };
    const wait = this.holds.remaining(channel.doc);
    if (wait === 0) queueMicrotask(open);
    else setTimeout(open, wait);
  }

  /** A provider asked for a channel after the server refused us for good: it hears the same refusal and stops. */
  private refuse(channel: DocChannel, { code, reason }: { code: number; reason: string }): void {
    queueMicrotask(() => {
      if (this.channels.get(channel.doc) === channel) this.channels.delete(channel.doc);
      channel.end(code, reason);
    });
  }

  private readonly networkBack = (): void => this.reconnect.wake();

  private receive(bytes: Uint8Array): void {
    this.lastHeard = Date.now();
    let frames: MuxFrame[];
    try {
      frames = decodeMuxFrames(bytes);
    } catch {
      return;
    }
    for (const frame of frames) this.receiveFrame(frame);
  }

  private receiveFrame(frame: MuxFrame): void {
    switch (frame.kind) {
      case MuxKind.PONG:
        for (const channel of this.channels.values()) channel.deliver(KEEPALIVE);
        return;
      case MuxKind.DOC_CLOSE: {
        this.holds.closed(frame.doc, frame.code);
        const channel = this.channels.get(frame.doc);
        if (!channel) return;
        this.channels.delete(frame.doc);
        channel.end(frame.code, frame.reason);
        return;
      }
      case MuxKind.DOC_MESSAGE: {
        const channel = this.channels.get(frame.doc);
        if (!channel) return;
        if (frame.message[0] === MessageType.AUTH) this.reportRefusal(frame.doc, frame.message);
        // A sync answered: the connection did useful work, so the next loss starts from the first backoff window.
        else if (frame.message[0] === MessageType.SYNC && frame.message[1] === SyncStep.STEP2) this.reconnect.synced();
        channel.deliver(frame.message);
        return;
      }
      default:
        return;
    }
  }

  private reportRefusal(doc: string, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder); // message type: auth
    decoding.readVarUint(decoder); // 0: permission denied
    const reason = decoding.readVarString(decoder);
    for (const listener of this.refusalListeners) listener({ doc, reason });
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      const ws = this.ws;
      if (ws && Date.now() - this.lastHeard > DEAD_AFTER_MS) {
        // A dead link may never complete the closing handshake: count the socket as lost now, not when it times out.
        ws.close(4000, 'no answer from the server');
        this.lost(ws, 4000, 'no answer from the server');
        return;
      }
      this.sendFrame(encodeHeartbeat(MuxKind.PING));
    }, HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private setStatus(status: SocketStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

/** The room name y-websocket appends to the server URL, before any query string. */
function docNameOf(url: string): string {
  const path = url.split('?')[0] ?? '';
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
