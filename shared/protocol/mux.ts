// The multiplexed collaboration socket: every doc of one plan over one WebSocket, each frame naming its doc.
//
// Frame: varUint kind, varString doc, then by kind:
//   DOC_MESSAGE  the unchanged y-protocols message (sync, awareness, auth) for that doc
//   DOC_CLOSE    varUint close code, varString reason: the doc's channel ended (either side may send it)
//   PING / PONG  nothing (doc is ''); keeps the socket and every channel on it known to be alive

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MuxKind = { DOC_MESSAGE: 0, DOC_CLOSE: 1, PING: 2, PONG: 3 } as const;
export type MuxKind = (typeof MuxKind)[keyof typeof MuxKind];

export type MuxFrame =
  | { readonly kind: typeof MuxKind.DOC_MESSAGE; readonly doc: string; readonly message: Uint8Array }
  | { readonly kind: typeof MuxKind.DOC_CLOSE; readonly doc: string; readonly code: number; readonly reason: string }
  | { readonly kind: typeof MuxKind.PING | typeof MuxKind.PONG; readonly doc: '' };

/** Longest doc name a frame may carry; longer names are malformed. */
export const MAX_DOC_NAME = 64;

export function encodeDocMessage(doc: string, message: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MuxKind.DOC_MESSAGE);
  encoding.writeVarString(encoder, doc);
  encoding.writeUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

export function encodeDocClose(doc: string, code: number, reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MuxKind.DOC_CLOSE);
  encoding.writeVarString(encoder, doc);
  encoding.writeVarUint(encoder, code);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export function encodeHeartbeat(kind: typeof MuxKind.PING | typeof MuxKind.PONG): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarString(encoder, '');
  return encoding.toUint8Array(encoder);
}

/** Reads one frame; throws on anything malformed, so callers close the socket with a clear reason. */
export function decodeMuxFrame(frame: Uint8Array): MuxFrame {
  const decoder = decoding.createDecoder(frame);
  const kind = decoding.readVarUint(decoder);
  const doc = decoding.readVarString(decoder);
  if (doc.length > MAX_DOC_NAME) throw new Error('doc name too long');
  switch (kind) {
    case MuxKind.DOC_MESSAGE:
      return { kind, doc, message: decoding.readTailAsUint8Array(decoder) };
    case MuxKind.DOC_CLOSE:
      return { kind, doc, code: decoding.readVarUint(decoder), reason: decoding.readVarString(decoder) };
    case MuxKind.PING:
    case MuxKind.PONG:
      return { kind, doc: '' };
    default:
      throw new Error(`unknown frame kind ${kind}`);
  }
}
