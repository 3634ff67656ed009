// Hostile sockets at length: the default 10 s limit on silent and trickling connections, and 100,000 bad frames during a meeting.

import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import { describeComparison } from '../helpers/alternating-phases';
import { badFramesDuringMeeting } from '../helpers/bad-frames-scenario';
import { percentile, type RemoteProbe, probeMeeting } from '../helpers/probe-process';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { planWithTeam, startWithAdmin } from '../helpers/team';

const servers: RunningServer[] = [];
let probe: RemoteProbe | undefined;

afterAll(async () => {
  probe?.kill();
  for (const server of servers) await server.stop();
  removeTempDirs();
});

/** Milliseconds until the server dropped a connection that does `behave`. */
function lifetime(port: number, behave: (socket: net.Socket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    // Reading, so the server's end of the connection is noticed (an unread socket never sees it).
    socket.resume();
    const refused = (error: Error) => reject(error);
    socket.once('error', refused);
    socket.once('connect', () => {
      const start = performance.now();
      // From here an error (a write into a connection the server reset) is just how it ended.
      socket.off('error', refused);
      socket.on('error', () => undefined);
      socket.once('close', () => resolve(performance.now() - start));
      behave(socket);
    });
  });
}

function trickle(socket: net.Socket, text: string, everyMs: number): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) return clearInterval(timer);
    socket.write(text[at++ % text.length] ?? 'a');
  }, everyMs);
}

describe('hostile sockets, at length', () => {
  it('with the default settings, 300 connections that never send a whole request are all gone within 10 s', async () => {
    const server = await startWithAdmin();
    servers.push(server);
    const request = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(2000)}`;
    const lives = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        lifetime(server.port, (socket) => {
          if (i % 3 === 1) socket.write('GET /collab/x HTTP/1.1\r\nHost: 127.0.0.1\r\n');
          if (i % 3 === 2) trickle(socket, request, 200);
        }),
      ),
    );
    console.info(`handshake limit: connections lived ${Math.round(Math.min(...lives))} to ${Math.round(Math.max(...lives))} ms`);
    for (const life of lives) expect(life).toBeLessThan(10_000);
  }, 60_000);

  it('100,000 bad frames during a meeting: delivery p99 within 2x of baseline, docs unchanged', async () => {
    const server = await startWithAdmin({ CONCORD_MAX_FRAME_BYTES: String(64 * 1024) });
    servers.push(server);
    const team = await planWithTeam(server, ['special-education-teacher', 'general-education-teacher', 'parent']);
    probe = await probeMeeting(server.url, team, 20);
    const { comparison, tally, closingFrames, changedDocs } = await badFramesDuringMeeting(server, team, probe, {
      frames: 100_000,
      rounds: 50,
      baselineMs: 800,
      attackMs: 2_000,
      maxFrameBytes: 64 * 1024,
    });
    console.info(`bad frames soak: ${tally.sent} sent, closes ${JSON.stringify([...tally.closes])}; delivery ${describeComparison(comparison)}`);
    expect(tally.sent).toBe(100_000);
    expect(tally.unexpectedCloses).toBe(0);
    expect([...tally.closes.keys()].sort()).toEqual([CloseCode.TOO_LARGE, CloseCode.MALFORMED].sort());
    expect([...tally.closes.values()].reduce((sum, count) => sum + count, 0)).toBe(closingFrames);
    const { baseline, treated } = comparison.pooled;
    expect(Math.max(...baseline, ...treated)).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(percentile(treated, 99)).toBeLessThanOrEqual(2 * Math.max(10, percentile(baseline, 99)));
    expect(changedDocs).toEqual([]);
  });
});
