// Real y-websocket clients for tests: a WebsocketProvider per doc carrying a session cookie, and a raw socket for hostile frames.

import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { framesOf } from '../../shared/protocol/mux';

export interface DocClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  readonly synced: Promise<void>;
  destroy(): void;
}

/** A WebSocket class that sends the given cookie, as a browser would. */
export function cookieWebSocket(cookie: string, origin?: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, ...(origin ? { origin } : {}) } });
    }
  } as unknown as typeof WebSocket;
}

export function collabBase(serverUrl: string, iepId: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}/collab/${iepId}`;
}

export function connectDoc(serverUrl: string, iepId: string, docName: string, cookie: string, doc = new Y.Doc()): DocClient {
  const provider = new WebsocketProvider(collabBase(serverUrl, iepId), docName, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie) as never,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate` holds, checking after every change of the doc (no sleeps). */
export function waitForDoc(doc: Y.Doc, predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error('timed out waiting for the doc'));
    }, timeoutMs);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

export interface RawSocket {
  readonly ws: WebSocket;
  readonly messages: Uint8Array[];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first received message that matches. */
  next(predicate?: (message: Uint8Array) => boolean, timeoutMs?: number): Promise<Uint8Array>;
}

/** A plain socket that sends whatever a test wants: the hostile client. */
export function rawSocket(url: string, cookie: string, origin?: string): RawSocket {
  const ws = new WebSocket(url, { headers: { cookie, ...(origin ? { origin } : {}) } });
  const messages: Uint8Array[] = [];
  const waiters = new Set<(message: Uint8Array) => void>();
  // On a multiplexed socket a test sees frames: a batch the server sent is taken apart, as the Concord client does.
  const multiplexed = /\/collab\/[^/?]+\/?(\?|$)/.test(url);
  ws.on('message', (data: Buffer) => {
    for (const message of multiplexed ? framesOf(new Uint8Array(data)) : [new Uint8Array(data)]) {
      messages.push(message);
      for (const waiter of [...waiters]) waiter(message);
    }
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)));
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return {
    ws,
    messages,
    opened,
    closed,
    next: (predicate = () => true, timeoutMs = 5_000) => {
      const earlier = messages.find(predicate);
      if (earlier) return Promise.resolve(earlier);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('timed out waiting for a message'));
        }, timeoutMs);
        const waiter = (message: Uint8Array) => {
          if (!predicate(message)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(message);
        };
        waiters.add(waiter);
      });
    },
  };
}

/** The HTTP status a WebSocket upgrade was answered with: 101 if it opened, else the refusal's status. */
export function upgradeStatus(url: string, cookie: string, origin?: string): Promise<number> {
  const socket = rawSocket(url, cookie, origin);
  return socket.opened.then(
    () => {
      socket.ws.close();
      return 101;
    },
    (error: Error) => Number(/refused with (\d+)/.exec(error.message)?.[1] ?? 0),
  );
}
