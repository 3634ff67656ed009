// The y-protocols message types every Concord doc speaks (y-websocket's numbering), and the auth reply for a refused write.

import * as encoding from 'lib0/encoding';
import { varUintLength, writeVarUintAt } from './var-uint';

export const MessageType = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3 } as const;

/** y-protocols sync sub-types. */
export const SyncStep = { STEP1: 0, STEP2: 1, UPDATE: 2 } as const;

/**
 * A sync message (`step` and its payload, as y-protocols writes it) in one exactly sized buffer: every relayed edit
 * and every whole-doc reply is built here, the payload copied once and nothing allocated to grow into.
 */
export function encodeSyncMessage(step: number, payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(2 + varUintLength(payload.byteLength) + payload.byteLength);
  message[0] = MessageType.SYNC;
  message[1] = step;
  message.set(payload, writeVarUintAt(message, 2, payload.byteLength));
  return message;
}

/** A message of `type` (awareness, say) carrying `payload` as a varUint8Array, sized once. */
export function withHead(type: number, payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(1 + varUintLength(payload.byteLength) + payload.byteLength);
  message[0] = type;
  message.set(payload, writeVarUintAt(message, 1, payload.byteLength));
  return message;
}

/** y-protocols auth: `permission denied` with a reason naming the section and the rule. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
