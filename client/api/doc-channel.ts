// One doc's channel on the plan's shared socket, shaped like the WebSocket that y-websocket's provider expects.

import { MessageType } from '../../shared/protocol/messages';
import { encodeDocMessage } from '../../shared/protocol/mux';
import { ownPresence } from './own-presence';

/** Presence changes at most this often per participant; the latest state wins, so nothing is lost by waiting. */
const AWARENESS_THROTTLE_MS = 100;

/** The shared socket, as its channels see it. */
export interface ChannelHost {
  attach(channel: DocChannel): void;
  detach(channel: DocChannel): void;
  sendFrame(frame: Uint8Array): void;
  localClientOf(doc: string): number | undefined;
}

/** What y-websocket's provider sees as its WebSocket. */
export class DocChannel {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType: BinaryType = 'arraybuffer';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private pendingAwareness: Uint8Array | null = null;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly socket: ChannelHost,
    readonly doc: string,
  ) {
    socket.attach(this);
  }

  open(): void {
    if (this.readyState !== this.CONNECTING) return;
    this.readyState = this.OPEN;
    this.onopen?.(new Event('open'));
  }

  deliver(message: Uint8Array): void {
    if (this.readyState !== this.OPEN) return;
    this.onmessage?.(new MessageEvent('message', { data: message.slice().buffer }));
  }

  send(data: ArrayBufferLike | ArrayBufferView): void {
    if (this.readyState !== this.OPEN) return;
    const message = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
    if (message[0] === MessageType.AWARENESS) {
      this.throttleAwareness(message);
      return;
    }
    this.socket.sendFrame(encodeDocMessage(this.doc, message));
  }

  close(): void {
    if (this.readyState >= this.CLOSING) return;
    this.flushAwareness();
    this.socket.detach(this);
    this.end(1000, 'closed by client');
  }

  /** Ends the channel from either side, once. */
  end(code: number, reason: string): void {
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CLOSED;
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.pendingAwareness = null;
    this.onclose?.(closeEvent(code, reason));
  }

  /** Sends only our own presence, at most every AWARENESS_THROTTLE_MS; the latest state wins. */
  private throttleAwareness(message: Uint8Array): void {
    const clientId = this.socket.localClientOf(this.doc);
    const own = clientId === undefined ? null : ownPresence(message, clientId);
    if (!own) return;
    this.pendingAwareness = own;
    if (this.awarenessTimer) return;
    this.flushAwareness();
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null;
      this.flushAwareness();
    }, AWARENESS_THROTTLE_MS);
  }

  private flushAwareness(): void {
    if (!this.pendingAwareness) return;
    this.socket.sendFrame(encodeDocMessage(this.doc, this.pendingAwareness));
    this.pendingAwareness = null;
  }
}

/** A close event made without `CloseEvent`, which Node 20 lacks: the provider reads only `code` and `reason`. */
function closeEvent(code: number, reason: string): CloseEvent {
  return Object.assign(new Event('close'), { code, reason, wasClean: code === 1000 }) as CloseEvent;
}
