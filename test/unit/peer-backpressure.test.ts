// A socket whose unread output is past the cap is closed (1013) whatever it asked for, and nothing more is queued on it.

import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import { decodeMuxFrames, encodeBatch, encodeDocMessage, encodeHeartbeat, MuxKind } from '../../shared/protocol/mux';
import { colorFor } from '../../shared/protocol/presence';
import { CollabPeer, type PeerDeps } from '../../server/collab/peer';
import { step1Frame } from '../helpers/frames';

const CAP = 1024 * 1024;

/** Just enough of a `ws` socket: its unread output is whatever the test says. */
class StalledSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Uint8Array[] = [];
  closedWith: number | undefined;
  send(frame: Uint8Array): void {
    this.sent.push(frame);
  }
  close(code: number): void {
    this.closedWith = code;
    this.readyState = 3;
  }
}

function peerOn(socket: StalledSocket): CollabPeer {
  const participantId = 'p1';
  const deps = {
    rooms: { acquire: () => 'UNKNOWN_DOC', released: () => undefined },
    sessionStillValid: () => true,
    onRefused: () => undefined,
    onProtocolError: () => undefined,
    locks: {},
    statuses: {},
    maxBufferedBytes: CAP,
    heartbeatMs: 60_000,
  } as unknown as PeerDeps;
  const user = { participantId, name: 'Someone', roles: ['parent' as const], color: colorFor(participantId) };
  return new CollabPeer(socket as unknown as WebSocket, { iepId: 'plan', participantId, name: user.name, roles: user.roles, user }, null, deps);
}

/** A multiplexed socket's frames leave together when the turn of the event loop ends. */
function turnEnds(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function receive(socket: StalledSocket, frame: Uint8Array): void {
  socket.emit('message', Buffer.from(frame), true);
}

describe('one message per turn on a multiplexed socket', () => {
  it('answers a batch of requests with one batch, frame for frame in order', async () => {
    const socket = new StalledSocket();
    peerOn(socket);
    receive(socket, encodeBatch([encodeHeartbeat(MuxKind.PING), encodeDocMessage('no-such-doc', step1Frame()), encodeHeartbeat(MuxKind.PING)]));
    expect(socket.sent).toHaveLength(0);
    await turnEnds();
    expect(socket.sent).toHaveLength(1);
    expect(decodeMuxFrames(socket.sent[0] as Uint8Array).map((frame) => frame.kind)).toEqual([MuxKind.PONG, MuxKind.DOC_CLOSE, MuxKind.PONG]);
  });

  it('closes a socket whose batch holds a malformed frame, acting on none of it', async () => {
    const socket = new StalledSocket();
    peerOn(socket);
    receive(socket, encodeBatch([encodeHeartbeat(MuxKind.PING), new Uint8Array([MuxKind.BATCH, 0])]));
    await turnEnds();
    expect(socket.sent).toHaveLength(0);
    expect(socket.closedWith).toBe(CloseCode.MALFORMED);
  });
});

describe('backpressure on every reply', () => {
  const requests: [string, Uint8Array][] = [
    ['a ping', encodeHeartbeat(MuxKind.PING)],
    ['a request for an unknown doc', encodeDocMessage('no-such-doc', step1Frame())],
  ];
  for (const [name, frame] of requests) {
    it(`${name} is answered while the socket keeps up`, async () => {
      const socket = new StalledSocket();
      peerOn(socket);
      receive(socket, frame);
      await turnEnds();
      expect(socket.sent).toHaveLength(1);
      expect(socket.closedWith).toBeUndefined();
    });

    it(`${name} on a socket past the cap closes it with 1013 and queues nothing`, async () => {
      const socket = new StalledSocket();
      peerOn(socket);
      socket.bufferedAmount = CAP + 1;
      receive(socket, frame);
      await turnEnds();
      expect(socket.sent).toHaveLength(0);
      expect(socket.closedWith).toBe(CloseCode.TRY_AGAIN_LATER);
    });
  }
});
