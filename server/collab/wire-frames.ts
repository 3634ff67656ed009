// Server-to-client WebSocket frames built once and written as they are to every socket that gets the same message.

import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { ALONE_BYTES } from '../../shared/protocol/mux';

/** Payloads this large are framed once per payload, not once per batch: copying them is the cost worth sharing. */
const LARGE_BYTES = ALONE_BYTES;

/** A message to send: its payload, and the whole frame around it. */
export interface WireMessage {
  readonly payload: Uint8Array;
  readonly frame: Buffer;
}

/** The final, unmasked binary frame around `payload` (RFC 6455 §5.2), as `ws` frames a server's message, in one buffer. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82;
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, header);
  return frame;
}

/** Frames around large payloads, which travel alone and are often sent as they are to many sockets (a doc to its joiners). */
const largeFrames = new WeakMap<Uint8Array, WireMessage>();

export function wireMessage(payload: Uint8Array): WireMessage {
  if (payload.byteLength < LARGE_BYTES) return { payload, frame: binaryFrame(payload) };
  let message = largeFrames.get(payload);
  if (!message) {
    message = { payload, frame: binaryFrame(payload) };
    largeFrames.set(payload, message);
  }
  return message;
}

/** The parts of `ws`'s socket wrapper this relies on (ws 8: the raw socket, and its sender's queue). */
interface WsInternals {
  readonly _socket?: Socket;
  readonly _sender?: { readonly _state: number; readonly _queue: readonly unknown[] };
}

/**
 * Sends one message. `ws` would frame it again for every recipient and write header and payload as two chunks (a
 * cork, a writev and their bookkeeping per socket); the frame built once is written as is instead. Only while `ws`
 * has nothing of its own waiting (no compression is negotiated, so its sender writes at once): order is kept, and
 * `bufferedAmount` still counts what the socket holds. Otherwise the message goes through `ws.send`.
 */
export function sendWire(ws: WebSocket, message: WireMessage): void {
  const { _socket: socket, _sender: sender } = ws as unknown as WsInternals;
  if (socket && sender?._state === 0 && sender._queue.length === 0) socket.write(message.frame);
  else ws.send(message.payload);
}
