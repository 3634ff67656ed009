// The y-protocols message types every Concord doc speaks (y-websocket's numbering), and the auth reply for a refused write.

import * as encoding from 'lib0/encoding';

export const MessageType = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3 } as const;

/** y-protocols sync sub-types. */
export const SyncStep = { STEP1: 0, STEP2: 1, UPDATE: 2 } as const;

/** y-protocols auth: `permission denied` with a reason naming the section and the rule. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
