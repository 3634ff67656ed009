// Bad frames of every kind a hostile or broken client sends, and attackers that send them over real sockets, reconnecting.

import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/messages';
import { decodeMuxFrame, encodeDocMessage, encodeHeartbeat, MuxKind } from '../../shared/protocol/mux';
import type { RichTextPart } from '../../shared/template/types';
import { type RawSocket, rawSocket } from './collab-client';
import { awarenessFrame, step1Frame, updateFrame } from './frames';
import { appendParagraph } from './plan-fixtures';

export type BadFrameKind =
  | 'refused-write'
  | 'forged-client'
  | 'oversized-awareness'
  | 'forged-awareness'
  | 'unknown-doc'
  | 'unknown-type'
  | 'undecodable'
  | 'truncated-mux'
  | 'oversized-frame';

/** Kinds after which the server closes the socket (4400, or 1009 for the oversized frame). */
export const CLOSING_KINDS: ReadonlySet<BadFrameKind> = new Set(['unknown-type', 'undecodable', 'truncated-mux', 'oversized-frame']);

export interface BadFrame {
  readonly kind: BadFrameKind;
  readonly bytes: Uint8Array;
}

export interface FrameSetting {
  /** Doc names to aim at (sections of the plan). */
  readonly docs: readonly string[];
  readonly part: RichTextPart;
  /** A Yjs client id that belongs to someone else (the meeting's writer). */
  readonly victimClient: number;
  readonly maxFrameBytes: number;
}

/** A small deterministic generator, so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function updateAs(clientId: number | null, part: RichTextPart, text: string): Uint8Array {
  const doc = new Y.Doc();
  if (clientId !== null) doc.clientID = clientId;
  appendParagraph(doc, part, text);
  return Y.encodeStateAsUpdate(doc);
}

/** The y-protocols message of a bad frame, before any multiplexing. */
function docMessage(kind: BadFrameKind, setting: FrameSetting, next: () => number, i: number): Uint8Array {
  switch (kind) {
    case 'refused-write':
      return updateFrame(updateAs(null, setting.part, `hostile text ${i}`));
    case 'forged-client':
      return updateFrame(updateAs(setting.victimClient, setting.part, `forged text ${i}`));
    case 'oversized-awareness':
      return awarenessFrame(1 + Math.floor(next() * 2 ** 30), i + 1, { user: { name: 'x' }, blob: 'y'.repeat(5_000) });
    case 'forged-awareness':
      return awarenessFrame(setting.victimClient, 1_000_000 + i, { user: { name: 'Somebody else' } });
    case 'unknown-type':
      return Uint8Array.from([42 + Math.floor(next() * 200), 1, 2, 3]);
    case 'undecodable':
      // A sync update whose length prefix runs past the end of the frame.
      return Uint8Array.from([MessageType.SYNC, 2, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]);
    default:
      return step1Frame();
  }
}

/** One bad frame of `kind`, multiplexed (the Concord client's socket) or plain (a stock y-websocket socket for one doc). */
export function badFrame(kind: BadFrameKind, mux: boolean, setting: FrameSetting, next: () => number, i: number): BadFrame {
  const doc = pick(setting.docs, next);
  if (kind === 'oversized-frame') return { kind, bytes: new Uint8Array(setting.maxFrameBytes + 1024) };
  if (!mux) return { kind, bytes: docMessage(kind, setting, next, i) };
  switch (kind) {
    case 'unknown-doc':
      return { kind, bytes: encodeDocMessage(`no-such-doc-${Math.floor(next() * 1e9)}`, step1Frame()) };
    case 'truncated-mux': {
      const whole = encodeDocMessage(doc, step1Frame());
      return { kind, bytes: whole.subarray(0, 2 + Math.floor(next() * (doc.length - 1))) };
    }
    case 'undecodable':
      return { kind, bytes: i % 2 === 0 ? Uint8Array.from([9, 0xff, 0xff, 0xff, 0xff, 0x0f]) : encodeDocMessage(doc, docMessage(kind, setting, next, i)) };
    default:
      return { kind, bytes: encodeDocMessage(kind === 'oversized-awareness' ? 'meeting' : doc, docMessage(kind, setting, next, i)) };
  }
}

/** `count` bad frames drawn from `kinds` by weight; built ahead, so sending them costs the test almost nothing. */
export function badFrames(count: number, kinds: Readonly<Partial<Record<BadFrameKind, number>>>, mux: boolean, setting: FrameSetting, next: () => number): BadFrame[] {
  const weighted = Object.entries(kinds) as [BadFrameKind, number][];
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  // Updates are the costly frames to build; a small pool of each, reused, is as hostile.
  const pool = new Map<BadFrameKind, BadFrame[]>();
  return Array.from({ length: count }, (_, i) => {
    let roll = next() * total;
    const kind = weighted.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? weighted[0]?.[0] ?? 'unknown-doc';
    const built = pool.get(kind) ?? [];
    pool.set(kind, built);
    if (built.length < 32) built.push(badFrame(kind, mux, setting, next, i));
    return pick(built, next);
  });
}

export interface Attacker {
  readonly url: string;
  readonly cookie: string;
  readonly mux: boolean;
}

export interface AttackTally {
  sent: number;
  /** Close codes the server answered closing frames with. */
  readonly closes: Map<number, number>;
  /** Sockets that closed after a frame that should have left them open. */
  unexpectedCloses: number;
}

export function newTally(): AttackTally {
  return { sent: 0, closes: new Map(), unexpectedCloses: 0 };
}

async function openAttack(attacker: Attacker): Promise<RawSocket> {
  const socket = rawSocket(attacker.url, attacker.cookie);
  await socket.opened;
  return socket;
}

/** Waits until the server has read everything sent so far on this socket: it answers in order. */
async function barrier(socket: RawSocket, mux: boolean): Promise<void> {
  const seen = socket.messages.length;
  const answered = (message: Uint8Array) =>
    socket.messages.indexOf(message) >= seen && (mux ? decodeMuxFrame(message).kind === MuxKind.PONG : message[0] === MessageType.AWARENESS);
  const reply = socket.next(answered, 30_000);
  if (mux) socket.ws.send(encodeHeartbeat(MuxKind.PING));
  else {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.QUERY_AWARENESS);
    socket.ws.send(encoding.toUint8Array(encoder));
  }
  await reply;
}

/**
 * Sends `frames` spread evenly over about `spreadMs`; after a frame that closes the socket it waits for the close,
 * records its code and reconnects. Resolves once the server has read the last frame.
 */
export async function attack(attacker: Attacker, frames: readonly BadFrame[], spreadMs: number, tally: AttackTally): Promise<void> {
  const TICK_MS = 25;
  const perTick = Math.max(1, Math.ceil(frames.length / Math.max(1, spreadMs / TICK_MS)));
  let socket = await openAttack(attacker);
  let at = 0;
  while (at < frames.length) {
    for (let n = 0; n < perTick && at < frames.length; n++) {
      const frame = frames[at++] as BadFrame;
      if (socket.ws.readyState !== socket.ws.OPEN) {
        tally.unexpectedCloses += 1;
        socket = await openAttack(attacker);
      }
      socket.ws.send(frame.bytes);
      tally.sent += 1;
      if (CLOSING_KINDS.has(frame.kind)) {
        const { code } = await socket.closed;
        tally.closes.set(code, (tally.closes.get(code) ?? 0) + 1);
        socket = await openAttack(attacker);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  if (socket.ws.readyState === socket.ws.OPEN) await barrier(socket, attacker.mux);
  else tally.unexpectedCloses += 1;
  socket.ws.close();
  await socket.closed;
}
