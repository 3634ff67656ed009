// A simulated participant speaking the raw protocol, without a Y.Doc: Concord's one multiplexed socket per participant,
// stock y-websocket's one socket per (participant, doc), or Hocuspocus's one socket per participant with every frame
// prefixed by its doc's name. Received messages go to a sink that only looks at their heads.

import WebSocket from 'ws';
import { encodeDocMessage, encodeHeartbeat, MuxKind, toMessages } from '../../shared/protocol/mux';
import { EMPTY_STATE_VECTOR, EMPTY_UPDATE, type MessageHead, MSG_SYNC, readEnd, readMessageHead, readVarUint, STEP1, syncStep1, syncStep2 } from './frames';
import {
  AUTH_PERMISSION_DENIED,
  authMessage,
  HOCUSPOCUS_AUTH,
  HOCUSPOCUS_AWARENESS,
  HOCUSPOCUS_CLOSE,
  HOCUSPOCUS_SYNC,
  namePrefix,
  prefixed,
} from './hocuspocus-frames';

export interface ClientSink {
  /** A message of doc `docIndex` arrived; `head` (reused between calls) locates it inside `bytes`. */
  message(client: RawClient, docIndex: number, head: MessageHead, bytes: Uint8Array): void;
}

export interface ClientOptions {
  readonly port: number;
  readonly planId: string;
  readonly docs: readonly string[];
  /** Concord only: `concord_session=<token>`. */
  readonly cookie?: string;
  readonly sink: ClientSink;
  /** What to answer to the server's sync step 1 for a doc (default: nothing, an empty update). */
  readonly replyToStep1?: (docIndex: number) => Uint8Array;
}

export abstract class RawClient {
  readonly docs: readonly string[];
  /** Sockets closed while the client was in use (not by `close()`). */
  unexpectedCloses = 0;
  errors: string[] = [];
  protected readonly head: MessageHead = { type: 0, step: 0, payloadStart: 0, payloadEnd: 0 };
  protected closing = false;
  protected readonly docIndex = new Map<string, number>();

  constructor(protected readonly options: ClientOptions) {
    this.docs = options.docs;
    for (const [index, doc] of options.docs.entries()) this.docIndex.set(doc, index);
  }

  /** Opens the socket(s); resolves once every one is open. */
  connect(): Promise<void> {
    return this.open();
  }

  protected abstract open(): Promise<void>;
  /** Sends one y-protocols message of a doc; a pre-encoded Concord mux frame may be passed to avoid re-encoding. */
  abstract send(docIndex: number, message: Uint8Array, muxFrame?: Uint8Array): void;
  abstract close(): Promise<void>;

  /** Sync step 1 for every doc (what a provider does on connect): subscribes on Concord's multiplexed socket. */
  subscribe(stateVectors?: readonly (Uint8Array | undefined)[]): void {
    for (let index = 0; index < this.docs.length; index++) this.send(index, syncStep1(stateVectors?.[index] ?? EMPTY_STATE_VECTOR));
  }

  protected deliver(docIndex: number, bytes: Uint8Array, offset: number): void {
    const head = readMessageHead(bytes, offset, this.head);
    if (head.type === MSG_SYNC && head.step === STEP1) {
      this.send(docIndex, syncStep2(this.options.replyToStep1?.(docIndex) ?? EMPTY_UPDATE));
    }
    this.options.sink.message(this, docIndex, head, bytes);
  }

  protected socket(path: string): WebSocket {
    const headers: Record<string, string> = this.options.cookie ? { cookie: this.options.cookie } : {};
    const ws = new WebSocket(`ws://127.0.0.1:${this.options.port}${path}`, { headers, perMessageDeflate: false });
    ws.on('error', (error) => this.errors.push(error.message));
    ws.on('close', (code, reason) => {
      if (this.closing) return;
      this.unexpectedCloses++;
      this.errors.push(`closed by the server: ${code} ${reason.toString()}`);
    });
    return ws;
  }
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused with ${response.statusCode}`)));
    ws.once('error', reject);
    ws.once('close', () => reject(new Error('closed before it opened')));
  });
}

function closed(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    ws.once('close', () => resolve());
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    else ws.close(1000);
  });
}

const HEARTBEAT_MS = 10_000;
const PING = encodeHeartbeat(MuxKind.PING);

/** Concord: every doc of the plan over `/collab/:iepId`, each frame naming its doc. */
export class ConcordClient extends RawClient {
  private ws: WebSocket | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private outbox: Uint8Array[] = [];

  protected async open(): Promise<void> {
    const ws = this.socket(`/collab/${this.options.planId}`);
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.receive(data));
    await opened(ws);
    this.heartbeat = setInterval(() => this.ws?.readyState === WebSocket.OPEN && this.ws.send(PING), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private receive(bytes: Buffer): void {
    if (bytes[0] !== MuxKind.BATCH) {
      this.receiveFrame(bytes);
      return;
    }
    // A batch: '' as its doc name, then each frame with its length.
    let at = 2;
    while (at < bytes.length) {
      const length = readVarUint(bytes, at);
      const start = readEnd();
      this.receiveFrame(bytes.subarray(start, start + length));
      at = start + length;
    }
  }

  private receiveFrame(bytes: Buffer): void {
    const kind = readVarUint(bytes, 0);
    if (kind !== MuxKind.DOC_MESSAGE) {
      if (kind === MuxKind.DOC_CLOSE) this.errors.push(`doc closed by the server: ${bytes.toString('latin1', 1)}`);
      return;
    }
    const length = readVarUint(bytes, readEnd());
    const start = readEnd();
    const doc = this.docIndex.get(bytes.toString('latin1', start, start + length));
    if (doc !== undefined) this.deliver(doc, bytes, start + length);
  }

  /** Like the browser client: frames sent in one task (a keystroke and its caret) leave as one batch message. */
  send(docIndex: number, message: Uint8Array, muxFrame?: Uint8Array): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    this.outbox.push(muxFrame ?? encodeDocMessage(this.docs[docIndex] ?? '', message));
    if (this.outbox.length === 1) queueMicrotask(this.sendBatch);
  }

  private readonly sendBatch = (): void => {
    const frames = this.outbox;
    this.outbox = [];
    const ws = this.ws;
    if (ws?.readyState !== WebSocket.OPEN) return;
    for (const message of toMessages(frames)) ws.send(message);
  };

  async close(): Promise<void> {
    this.closing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.ws) await closed(this.ws);
  }
}

/** Stock y-websocket: one socket per doc at `/<plan>/<doc>`, no authentication. */
export class ReferenceClient extends RawClient {
  private sockets: WebSocket[] = [];

  protected async open(): Promise<void> {
    this.sockets = this.docs.map((doc, index) => {
      const ws = this.socket(`/${this.options.planId}/${doc}`);
      ws.on('message', (data: Buffer) => this.deliver(index, data, 0));
      return ws;
    });
    await Promise.all(this.sockets.map(opened));
  }

  send(docIndex: number, message: Uint8Array): void {
    const ws = this.sockets[docIndex];
    if (ws?.readyState === WebSocket.OPEN) ws.send(message);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.sockets.map(closed));
  }
}

const AUTH = authMessage();

/**
 * Hocuspocus: every doc over one socket, as HocuspocusProviderWebsocket carries all its providers' docs; doc names are
 * `<plan>/<doc>` like the reference's paths. On open, each doc gets the provider's Auth message (no token; the server
 * has no onAuthenticate hook) before its sync step 1; the server's keepalive is its WebSocket ping, answered by ws.
 */
export class HocuspocusClient extends RawClient {
  private ws: WebSocket | null = null;
  private readonly prefixes: Uint8Array[];
  private readonly byName = new Map<string, number>();

  constructor(options: ClientOptions) {
    super(options);
    this.prefixes = options.docs.map((doc) => namePrefix(`${options.planId}/${doc}`));
    for (const [index, doc] of options.docs.entries()) this.byName.set(`${options.planId}/${doc}`, index);
  }

  protected async open(): Promise<void> {
    const ws = this.socket('/');
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.receive(data));
    await opened(ws);
    for (let index = 0; index < this.docs.length; index++) this.send(index, AUTH);
  }

  private receive(bytes: Buffer): void {
    const length = readVarUint(bytes, 0);
    const start = readEnd();
    const doc = this.byName.get(bytes.toString('latin1', start, start + length));
    if (doc === undefined) return;
    const type = readVarUint(bytes, start + length);
    if (type === HOCUSPOCUS_SYNC || type === HOCUSPOCUS_AWARENESS) this.deliver(doc, bytes, start + length);
    else if (type === HOCUSPOCUS_AUTH && readVarUint(bytes, readEnd()) === AUTH_PERMISSION_DENIED) this.errors.push('permission denied');
    else if (type === HOCUSPOCUS_CLOSE && !this.closing) {
      const reasonLength = readVarUint(bytes, readEnd());
      this.errors.push(`doc closed by the server: ${bytes.toString('utf8', readEnd(), readEnd() + reasonLength)}`);
    }
    // SyncStatus (the acknowledgement of each update sent) and Authenticated need no answer.
  }

  send(docIndex: number, message: Uint8Array): void {
    const prefix = this.prefixes[docIndex];
    if (prefix && this.ws?.readyState === WebSocket.OPEN) this.ws.send(prefixed(prefix, message));
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.ws) await closed(this.ws);
  }
}
