// One browser of a restart herd, without a Y.Doc: the multiplexed socket of the meeting room, reconnecting on the very
// schedule the meeting room uses (client/api/reconnect-schedule.ts over shared/protocol/reconnect.ts), resyncing every doc.

import WebSocket from 'ws';
import { ReconnectSchedule } from '../../client/api/reconnect-schedule';
import { MessageType, SyncStep } from '../../shared/protocol/messages';
import { decodeMuxFrames, encodeDocMessage, type MuxFrame, MuxKind } from '../../shared/protocol/mux';
import { step1Frame, step2Frame } from './frames';

const NOTHING = new Uint8Array([0, 0]);

export class HerdClient {
  /** `performance.now()` at every connection attempt, and at every one the server accepted. */
  readonly attempts: number[] = [];
  readonly opens: number[] = [];
  /** When each accepted connection's attempt started: when this client knocked on the door that opened. */
  readonly acceptedAttempts: number[] = [];
  /** When the current connection finished syncing every doc; null while it has not. */
  syncedAt: number | null = null;
  /** Set when the schedule gave up: the server said reconnecting cannot help. */
  stopped = false;
  private ws: WebSocket | null = null;
  private unsynced = new Set<string>();
  private readonly schedule = new ReconnectSchedule();
  private readonly waiters = new Set<() => void>();
  private closing = false;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly docs: readonly string[],
  ) {}

  connect(): void {
    if (this.closing) return;
    const startedAt = performance.now();
    this.attempts.push(startedAt);
    const ws = new WebSocket(this.url, { headers: { cookie: this.cookie }, perMessageDeflate: false });
    this.ws = ws;
    this.syncedAt = null;
    ws.binaryType = 'nodebuffer';
    ws.on('error', () => {});
    ws.on('open', () => {
      this.opens.push(performance.now());
      this.acceptedAttempts.push(startedAt);
      this.unsynced = new Set(this.docs);
      for (const doc of this.docs) ws.send(encodeDocMessage(doc, step1Frame()));
    });
    ws.on('message', (data: Buffer) => this.receive(ws, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on('close', (code) => {
      if (this.ws !== ws || this.closing) return;
      this.ws = null;
      this.syncedAt = null;
      // A failed attempt reports 1006, like a browser's.
      this.stopped = !this.schedule.after(code, () => this.connect());
    });
  }

  /** Resolves once a connection made after `since` (a `performance.now()` time) has synced every doc. */
  syncedAfter(since = 0): Promise<void> {
    if (this.syncedAt !== null && (this.opens.at(-1) ?? 0) > since) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.closing = true;
    this.schedule.cancel();
    this.ws?.terminate();
    this.ws = null;
  }

  private receive(ws: WebSocket, bytes: Uint8Array): void {
    for (const frame of decodeMuxFrames(bytes)) this.receiveFrame(ws, frame);
  }

  private receiveFrame(ws: WebSocket, frame: MuxFrame): void {
    if (frame.kind !== MuxKind.DOC_MESSAGE || frame.message[0] !== MessageType.SYNC) return;
    // Answer the server's step 1 as a provider with nothing new would; count its step 2 as that doc synced.
    if (frame.message[1] === SyncStep.STEP1) ws.send(encodeDocMessage(frame.doc, step2Frame(NOTHING)));
    if (frame.message[1] !== SyncStep.STEP2) return;
    // As CollabSocket does: any answered sync resets the backoff.
    this.schedule.synced();
    if (!this.unsynced.delete(frame.doc) || this.unsynced.size > 0) return;
    this.syncedAt = performance.now();
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }
}
