// Hocuspocus's framing (@hocuspocus/server 3.x, `types.ts` MessageType, `OutgoingMessage.ts`): every frame on its one
// socket starts with the doc's name as a varString, then a message type; Sync (0) and Awareness (1) carry the
// y-protocols message bodies unchanged, so a y-protocols message prefixed with the name is a Hocuspocus frame.

import * as encoding from 'lib0/encoding';

export const HOCUSPOCUS_SYNC = 0;
export const HOCUSPOCUS_AWARENESS = 1;
export const HOCUSPOCUS_AUTH = 2;
export const HOCUSPOCUS_CLOSE = 7;

/** Auth sub-types (@hocuspocus/common `AuthMessageType`). */
const AUTH_TOKEN = 0;
export const AUTH_PERMISSION_DENIED = 1;

/** The doc-name prefix of every frame of `name`. */
export function namePrefix(name: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  return encoding.toUint8Array(encoder);
}

/**
 * What HocuspocusProvider sends first for each doc when the socket opens (the server queues everything else of that
 * doc until this has passed its onConnect and onAuthenticate hooks): Auth, Token, and the token (empty without one).
 */
export function authMessage(token = ''): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
  encoding.writeVarUint(encoder, AUTH_TOKEN);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** `prefix` followed by `message`, in one buffer (a WebSocket message is one frame). */
export function prefixed(prefix: Uint8Array, message: Uint8Array): Uint8Array {
  const frame = new Uint8Array(prefix.length + message.length);
  frame.set(prefix, 0);
  frame.set(message, prefix.length);
  return frame;
}
