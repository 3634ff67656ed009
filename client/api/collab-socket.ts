// One WebSocket per plan carrying every doc: hands y-websocket's provider a WebSocket-like channel per doc.

import * as decoding from 'lib0/decoding';
import { MessageType } from '../../shared/protocol/messages';
import { decodeMuxFrame, encodeDocClose, encodeHeartbeat, MuxKind } from '../../shared/protocol/mux';
import { type ChannelHost, DocChannel } from './doc-channel';

const HEARTBEAT_MS = 10_000;
const DEAD_AFTER_MS = 30_000;
/** An awareness update about no clients: harmless to y-websocket, and proof to its idle watchdog that the channel lives. */
const KEEPALIVE = new Uint8Array([MessageType.AWARENESS, 1, 0]);

export interface Refusal {
  readonly doc: string;
  readonly reason: string;
}

type Listener<T> = (value: T) => void;

export type SocketStatus = 'connecting' | 'open' | 'closed';

export class CollabSocket implements ChannelHost {
  private ws: WebSocket | null = null;
  private readonly channels = new Map<string, DocChannel>();
  private readonly localClients = new Map<string, number>();
  private lastHeard = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly refusalListeners = new Set<Listener<Refusal>>();
  private readonly statusListeners = new Set<Listener<SocketStatus>>();
  status: SocketStatus = 'closed';

  constructor(private readonly url: string) {}

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
    if (this.ws?.readyState === WebSocket.OPEN) queueMicrotask(() => channel.open());
    else this.connect();
  }

  /** @internal */
  detach(channel: DocChannel): void {
    if (this.channels.get(channel.doc) !== channel) return;
    this.channels.delete(channel.doc);
    this.sendFrame(encodeDocClose(channel.doc, 1000, 'closed by client'));
  }

  /** @internal */
  sendFrame(frame: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  destroy(): void {
    for (const channel of [...this.channels.values()]) channel.end(1000, 'left the meeting');
    this.channels.clear();
    this.ws?.close(1000);
    this.stopHeartbeat();
  }

  private connect(): void {
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) return;
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.setStatus('connecting');
    ws.onopen = () => {
      this.lastHeard = Date.now();
      this.setStatus('open');
      this.startHeartbeat();
      for (const channel of this.channels.values()) channel.open();
    };
    ws.onmessage = (event) => this.receive(new Uint8Array(event.data as ArrayBuffer));
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.stopHeartbeat();
      this.setStatus('closed');
      const channels = [...this.channels.values()];
      this.channels.clear();
      for (const channel of channels) channel.end(event.code, event.reason);
    };
  }

  private receive(bytes: Uint8Array): void {
    this.lastHeard = Date.now();
    let frame: ReturnType<typeof decodeMuxFrame>;
    try {
      frame = decodeMuxFrame(bytes);
    } catch {
      return;
    }
    switch (frame.kind) {
      case MuxKind.PONG:
        for (const channel of this.channels.values()) channel.deliver(KEEPALIVE);
        return;
      case MuxKind.DOC_CLOSE: {
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
      if (Date.now() - this.lastHeard > DEAD_AFTER_MS) {
        this.ws?.close(4000, 'no answer from the server');
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
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

/** The room name y-websocket appends to the server URL, before any query string. */
function docNameOf(url: string): string {
  const path = url.split('?')[0] ?? '';
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
