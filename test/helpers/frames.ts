// Hand-built y-protocols frames, for tests that play a client sending exactly what it wants.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '../../shared/protocol/messages';

export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const updateFrame = (update: Uint8Array) => syncFrame(SyncStep.UPDATE, update);
export const step2Frame = (update: Uint8Array) => syncFrame(SyncStep.STEP2, update);
export const step1Frame = () => syncFrame(SyncStep.STEP1, Y.encodeStateVector(new Y.Doc()));

export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** The reason of a y-protocols `permission denied` message, or undefined for any other message. */
export function permissionDeniedReason(message: Uint8Array): string | undefined {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageType.AUTH) return undefined;
  if (decoding.readVarUint(decoder) !== 0) return undefined;
  return decoding.readVarString(decoder);
}

/** Awareness states carried by an awareness message, or undefined for any other message. */
export function awarenessStates(message: Uint8Array): Map<number, unknown> | undefined {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageType.AWARENESS) return undefined;
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const states = new Map<number, unknown>();
  const count = decoding.readVarUint(inner);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(inner);
    decoding.readVarUint(inner);
    states.set(clientId, JSON.parse(decoding.readVarString(inner)));
  }
  return states;
}

/** The update inside a sync step 2 or update message. */
export function decodeSyncPayload(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}
