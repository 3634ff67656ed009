// A participant's socket that reads everything, or one that stops reading: what it received, and how it was closed.

import type net from 'node:net';
import WebSocket from 'ws';

export interface Consumer {
  /** Bytes of messages received so far. */
  received(): number;
  /** Resolves with the bytes received once they reach `bytes`, or when `timeoutMs` passed. */
  receivedAtLeast(bytes: number, timeoutMs: number): Promise<number>;
  /** Stops reading from the TCP socket: the server's frames pile up in the kernel, then in the server. */
  stall(): void;
  /** Reads again: whatever the server queued arrives, then its close frame if it gave up on this socket. */
  resume(): void;
  readonly closed: Promise<{ code: number; bytesBeforeClose: number }>;
  close(): Promise<void>;
}

/** Counts bytes and keeps nothing: a consumer that keeps up costs the test no memory. */
export async function openConsumer(target: string, cookie: string): Promise<Consumer> {
  const ws = new WebSocket(target, { headers: { cookie } });
  let bytes = 0;
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    bytes += data.byteLength;
    for (const waiter of [...waiters]) waiter();
  });
  const closed = new Promise<{ code: number; bytesBeforeClose: number }>((resolve) => ws.once('close', (code) => resolve({ code, bytesBeforeClose: bytes })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const tcp = (ws as unknown as { _socket: net.Socket })._socket;
  return {
    received: () => bytes,
    receivedAtLeast: (target, timeoutMs) =>
      new Promise((resolve) => {
        const done = () => {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(bytes);
        };
        const check = () => {
          if (bytes >= target) done();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(check);
        check();
      }),
    stall: () => tcp.pause(),
    resume: () => tcp.resume(),
    closed,
    close: async () => {
      tcp.resume();
      if (ws.readyState === WebSocket.OPEN) ws.close();
      if (ws.readyState !== WebSocket.CLOSED) await closed;
    },
  };
}
