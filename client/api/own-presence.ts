// Keeps only the local client's entry of an awareness message: y-websocket re-sends everyone's changes, but only ours is ours to send.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../shared/protocol/messages';

/** The awareness message reduced to `clientId`'s entry, or null if it carries none. */
export function ownPresence(message: Uint8Array, clientId: number): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageType.AWARENESS) return null;
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(inner);
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(inner);
    const clock = decoding.readVarUint(inner);
    const state = decoding.readVarString(inner);
    if (id !== clientId) continue;
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.AWARENESS);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    return encoding.toUint8Array(encoder);
  }
  return null;
}
