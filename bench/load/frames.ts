// The y-protocols messages the load generator sends, and a minimal reader for what it receives (no Y.Doc involved).

import * as encoding from 'lib0/encoding';

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;

/** An update that carries nothing: what a client with no local content answers to the server's sync step 1. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** The state vector of a client that has nothing. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MSG_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const syncStep1 = (stateVector: Uint8Array): Uint8Array => syncMessage(STEP1, stateVector);
export const syncStep2 = (update: Uint8Array): Uint8Array => syncMessage(STEP2, update);
export const syncUpdate = (update: Uint8Array): Uint8Array => syncMessage(UPDATE, update);

/** One awareness entry (what y-protocols' Awareness sends for a local state change). */
export function awarenessMessage(clientId: number, clock: number, stateJson: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, stateJson);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MSG_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

export function encodeStateVector(clocks: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

// A hand-rolled varUint reader over the received bytes: observers parse thousands of frames a second.
let at = 0;

export function readVarUint(bytes: Uint8Array, offset: number): number {
  let value = 0;
  let multiplier = 1;
  at = offset;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('truncated varUint');
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) return value;
    multiplier *= 128;
    if (multiplier > 2 ** 53) throw new Error('varUint too long');
  }
}

/** Offset just after the last value read by `readVarUint`. */
export function readEnd(): number {
  return at;
}

/** Clocks stay below 2^20 in every recorded stream, so (client, clock) packs losslessly into one safe integer. */
const CLOCK_SPACE = 2 ** 20;

/**
 * Identifies one recorded keystroke inside a v1 update without decoding it: the first struct's (client, clock), or
 * for a deletion-only update the first deleted range's (client, clock), negated. NaN when the update is empty.
 */
export function updateKey(bytes: Uint8Array, start: number): number {
  const groups = readVarUint(bytes, start);
  if (groups > 0) {
    readVarUint(bytes, at); // structs in the first group
    const client = readVarUint(bytes, at);
    const clock = readVarUint(bytes, at);
    return client * CLOCK_SPACE + clock;
  }
  const deleteClients = readVarUint(bytes, at);
  if (deleteClients === 0) return Number.NaN;
  const client = readVarUint(bytes, at);
  readVarUint(bytes, at); // ranges
  const clock = readVarUint(bytes, at);
  return -(client * CLOCK_SPACE + clock) - 1;
}

/** What one received y-protocols message is, located inside a larger buffer. */
export interface MessageHead {
  type: number;
  /** Sync step for sync messages, -1 otherwise. */
  step: number;
  /** Where the sync payload (an update or a state vector) starts and ends; -1 when there is none. */
  payloadStart: number;
  payloadEnd: number;
}

/** Reads the head of a y-protocols message starting at `offset`, into `head` (reused, no allocation). */
export function readMessageHead(bytes: Uint8Array, offset: number, head: MessageHead): MessageHead {
  head.type = readVarUint(bytes, offset);
  head.step = -1;
  head.payloadStart = -1;
  head.payloadEnd = -1;
  if (head.type === MSG_SYNC) {
    head.step = readVarUint(bytes, at);
    const length = readVarUint(bytes, at);
    head.payloadStart = at;
    head.payloadEnd = at + length;
  }
  return head;
}
