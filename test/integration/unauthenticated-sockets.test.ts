// Connections that never authenticate (silent, half a request, a byte at a time, a refused upgrade) are closed in time.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteFor, removeTempDirs, type RunningServer, signIn, startServer } from '../helpers/server';

/** Short, so the test is quick; the default (10 s) follows the same code path. */
const LIMIT_MS = 3_000;
/** Timers on a loaded two-core machine fire late; this much late is still "within the limit" for the test. */
const SLACK_MS = 1_500;

let server: RunningServer;
let cookie: string;
let iepId: string;

beforeAll(async () => {
  server = await startServer({ env: { CONCORD_HANDSHAKE_TIMEOUT_MS: String(LIMIT_MS) } });
  ({ cookie, iepId } = await signIn(inviteFor(server, /teacher/i)));
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

interface RawConnection {
  readonly socket: net.Socket;
  /** Everything the server sent. */
  received(): string;
  /** Resolves when the server has ended its side. */
  readonly ended: Promise<void>;
  /** Milliseconds from connecting until the connection was gone (closed or reset). */
  readonly gone: Promise<number>;
}

/** A bare TCP connection to the server; `halfOpen` keeps our side open after the server ends its own. */
function connect(halfOpen = false): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port: server.port, host: '127.0.0.1', allowHalfOpen: halfOpen });
    let text = '';
    const ended = new Promise<void>((done) => socket.once('end', () => done()));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.once('error', reject);
    socket.once('connect', () => {
      const start = performance.now();
      const gone = new Promise<number>((done) => {
        socket.on('error', () => done(performance.now() - start));
        socket.once('close', () => done(performance.now() - start));
      });
      resolve({ socket, received: () => text, ended, gone });
    });
  });
}

/** Writes `bytes` one at a time, `everyMs` apart, until the connection is gone. */
function trickle(connection: RawConnection, bytes: string, everyMs: number): void {
  let at = 0;
  const timer = setInterval(() => {
    if (connection.socket.destroyed || !connection.socket.writable) return clearInterval(timer);
    connection.socket.write(bytes[at % bytes.length] ?? 'a');
    at += 1;
  }, everyMs);
  void connection.gone.then(() => clearInterval(timer));
}

/** The server answered and ended; our side stays open, so the connection is gone only once the server dropped it. */
async function droppedAfterAnswer(connection: RawConnection): Promise<number> {
  await connection.ended;
  const answeredAt = performance.now();
  // Writing to a connection the server destroyed is answered with a reset; to a half-open one, silently accepted.
  trickle(connection, 'x', 50);
  const giveUp = new Promise<void>((resolve) => setTimeout(resolve, 3 * SLACK_MS).unref());
  await Promise.race([connection.gone, giveUp]);
  connection.socket.destroy();
  return performance.now() - answeredAt;
}

function upgradeRequest(path: string, withCookie?: string): string {
  return [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${server.port}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...(withCookie ? [`Cookie: ${withCookie}`] : []),
    '',
    '',
  ].join('\r\n');
}

describe('sockets that never authenticate', () => {
  it('are closed within the limit: silent, half a request, a slow trickle, a late trickle, an idle keep-alive', async () => {
    const silent = await connect();

    const partial = await connect();
    partial.socket.write(`GET /collab/${iepId} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n`);

    const slowloris = await connect();
    trickle(slowloris, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(500)}`, 100);

    // Silent for most of the limit, then a trickle: the clock runs from the connection, not from the first byte.
    const lateTrickle = await connect();
    setTimeout(() => trickle(lateTrickle, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'b'.repeat(500)}`, 100), LIMIT_MS * 0.9);

    const keptAlive = await connect();
    keptAlive.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');

    const lives = await Promise.all([silent.gone, partial.gone, slowloris.gone, lateTrickle.gone, keptAlive.gone]);
    for (const life of lives) expect(life).toBeLessThan(LIMIT_MS + SLACK_MS);
    expect(keptAlive.received()).toMatch(/^HTTP\/1\.1 200/);
  }, 20_000);

  it('a refused upgrade is answered and the connection closed, even if the client never closes its side', async () => {
    const noSession = await connect(true);
    noSession.socket.write(upgradeRequest(`/collab/${iepId}`));
    const forgedSession = await connect(true);
    forgedSession.socket.write(upgradeRequest(`/collab/${iepId}`, 'concord_session=forged'));
    const foreignPlan = await connect(true);
    foreignPlan.socket.write(upgradeRequest('/collab/not-a-plan-of-mine', cookie));

    const afterAnswer = await Promise.all([noSession, forgedSession, foreignPlan].map(droppedAfterAnswer));
    for (const wait of afterAnswer) expect(wait).toBeLessThan(SLACK_MS);
    expect(noSession.received()).toMatch(/^HTTP\/1\.1 401 /);
    expect(forgedSession.received()).toMatch(/^HTTP\/1\.1 401 /);
    expect(foreignPlan.received()).toMatch(/^HTTP\/1\.1 404 /);
  }, 20_000);

  it('a client that takes a moment before its request is still served', async () => {
    const unhurried = await connect();
    await new Promise((resolve) => setTimeout(resolve, LIMIT_MS / 3));
    unhurried.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    await unhurried.gone;
    expect(unhurried.received()).toMatch(/^HTTP\/1\.1 200/);
  });
});
