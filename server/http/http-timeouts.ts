// How long a connection may take to send a request: one that never finishes (silent, partial, trickled) is dropped.

import type http from 'node:http';

/**
 * Options for `http.createServer` that close a connection which has not delivered a request's headers (a WebSocket
 * upgrade included) within `limitMs` of opening, and an idle kept-alive one sooner. Node checks `headersTimeout` only
 * on a timer (`connectionsCheckingInterval`, 30 s by default, which let a silent socket live 40 s): the check runs
 * every second here, and two such periods come off the headers deadline, one for the check, one for a late timer.
 */
export function httpTimeouts(limitMs: number): http.ServerOptions {
  const connectionsCheckingInterval = Math.min(1000, Math.floor(limitMs / 5));
  const headersTimeout = limitMs - 2 * connectionsCheckingInterval;
  return {
    connectionsCheckingInterval,
    headersTimeout,
    requestTimeout: Math.max(30_000, headersTimeout),
    keepAliveTimeout: Math.min(5_000, headersTimeout),
  };
}
