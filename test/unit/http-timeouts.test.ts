// The HTTP server's timeouts close a connection that never sends its request within the configured limit, 10 s by default.

import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { httpTimeouts } from '../../server/http/http-timeouts';

describe('http timeouts', () => {
  it('by default a connection without a request is closed within 10 s, checks included', () => {
    const limit = readConfig({}).handshakeTimeoutMs;
    expect(limit).toBe(10_000);
    const { headersTimeout = 0, connectionsCheckingInterval = 0, keepAliveTimeout = 0, requestTimeout = 0 } = httpTimeouts(limit);
    expect(headersTimeout).toBeGreaterThan(0);
    expect(headersTimeout + connectionsCheckingInterval).toBeLessThanOrEqual(limit);
    expect(keepAliveTimeout).toBeLessThanOrEqual(limit);
    // Node refuses a headers timeout longer than the request timeout.
    expect(requestTimeout).toBeGreaterThanOrEqual(headersTimeout);
  });

  it('a short limit checks often enough to keep to it', () => {
    const { headersTimeout = 0, connectionsCheckingInterval = 0 } = httpTimeouts(2_000);
    expect(headersTimeout + connectionsCheckingInterval).toBeLessThanOrEqual(2_000);
    expect(connectionsCheckingInterval).toBeGreaterThan(0);
  });
});
