// The meeting room's own collaboration client in Node: CollabSocket with a stock provider per doc, as PlanSession builds it,
// and a stock y-websocket provider per doc for comparison. Both note when each connection attempt started.

import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CollabSocket } from '../../client/api/collab-socket';
import { CHANNEL_PROVIDER_OPTIONS } from '../../client/api/plan-session';
import { collabBase, cookieWebSocket } from './collab-client';

export interface PlanClient {
  readonly docs: ReadonlyMap<string, Y.Doc>;
  readonly providers: readonly WebsocketProvider[];
  /** `performance.now()` at the start of every connection attempt that carries `doc`. */
  attemptsFor(doc: string): readonly number[];
  /** Resolves once every doc is synced with the server (now, or when the providers next sync). */
  synced(): Promise<void>;
  destroy(): void;
}

interface Attempt {
  readonly at: number;
  readonly url: string;
}

/** A WebSocket class that sends the cookie and notes the time and URL of every attempt. */
function attemptRecordingWebSocket(cookie: string, attempts: Attempt[]): typeof WebSocket {
  const CookieWebSocket = cookieWebSocket(cookie);
  return class extends CookieWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      attempts.push({ at: performance.now(), url: String(url) });
      super(url, protocols);
    }
  } as unknown as typeof WebSocket;
}

function allSynced(providers: readonly WebsocketProvider[]): Promise<void> {
  const each = providers.map((provider) =>
    provider.synced ? undefined : new Promise<void>((resolve) => provider.on('sync', function onSync(state: boolean) {
      if (!state) return;
      provider.off('sync', onSync);
      resolve();
    })),
  );
  return Promise.all(each).then(() => undefined);
}

/** The browser's way: one multiplexed socket for the plan, reconnecting on the shared policy. `base`: http(s) origin to use. */
export function connectMeeting(base: string, iepId: string, docNames: readonly string[], cookie: string): PlanClient & { readonly socket: CollabSocket } {
  const attempts: Attempt[] = [];
  const url = collabBase(base, iepId);
  const socket = new CollabSocket(url, {
    WebSocket: attemptRecordingWebSocket(cookie, attempts),
    stillSignedIn: () => fetch(`${base}/api/me`, { headers: { cookie } }).then((response) => response.status !== 401, () => true),
  });
  const docs = new Map<string, Y.Doc>();
  const providers = docNames.map((name) => {
    const doc = new Y.Doc();
    docs.set(name, doc);
    socket.setLocalClient(name, doc.clientID);
    return new WebsocketProvider(url, name, doc, { ...CHANNEL_PROVIDER_OPTIONS, awareness: new Awareness(doc), WebSocketPolyfill: socket.channelClass });
  });
  return {
    socket,
    docs,
    providers,
    // One socket carries every doc.
    attemptsFor: () => attempts.map((attempt) => attempt.at),
    synced: () => allSynced(providers),
    destroy: () => {
      for (const provider of providers) provider.destroy();
      for (const doc of docs.values()) doc.destroy();
      socket.destroy();
    },
  };
}

/** A stock y-websocket client: one socket per doc at `/collab/:iepId/:doc`, with the provider's own backoff. */
export function connectStock(base: string, iepId: string, docNames: readonly string[], cookie: string): PlanClient {
  const attempts: Attempt[] = [];
  const WebSocketClass = attemptRecordingWebSocket(cookie, attempts);
  const docs = new Map<string, Y.Doc>();
  const providers = docNames.map((name) => {
    const doc = new Y.Doc();
    docs.set(name, doc);
    return new WebsocketProvider(collabBase(base, iepId), name, doc, { WebSocketPolyfill: WebSocketClass, disableBc: true });
  });
  return {
    docs,
    providers,
    attemptsFor: (doc) => attempts.filter((attempt) => attempt.url.split('?')[0]?.endsWith(`/${doc}`)).map((attempt) => attempt.at),
    synced: () => allSynced(providers),
    destroy: () => {
      for (const provider of providers) provider.destroy();
      for (const doc of docs.values()) doc.destroy();
    },
  };
}
