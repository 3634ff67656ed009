// The multiplexed collaboration socket: every doc of one plan over one WebSocket, each frame naming its doc.
//
// Frame: varUint kind, varString doc, then by kind:
//   DOC_MESSAGE  the unchanged y-protocols message (sync, awareness, auth) for that doc
//   DOC_CLOSE    varUint close code, varString reason: the doc's channel ended (either side may send it)
//   PING / PONG  nothing (doc is ''); keeps the socket and every channel on it known to be alive
//   BATCH        (doc is '') then frames of the kinds above, each as a varUint8Array: what one side had to send in one
//                turn of its event loop (an edit and the caret that moved with it), as one WebSocket message

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as string from 'lib0/string';
import { varUintLength, writeVarUintAt } from './var-uint';

export const MuxKind = { DOC_MESSAGE: 0, DOC_CLOSE: 1, PING: 2, PONG: 3, BATCH: 4 } as const;
export type MuxKind = (typeof MuxKind)[keyof typeof MuxKind];

/** A single frame: what a batch carries and what each side acts on. */
export type MuxFrame =
  | { readonly kind: typeof MuxKind.DOC_MESSAGE; readonly doc: string; readonly message: Uint8Array }
  | { readonly kind: typeof MuxKind.DOC_CLOSE; readonly doc: string; readonly code: number; readonly reason: string }
  | { readonly kind: typeof MuxKind.PING | typeof MuxKind.PONG; readonly doc: '' };

/** Longest doc name a frame may carry; longer names are malformed. */
export const MAX_DOC_NAME = 64;

/** Sized once: a whole-doc reply is hundreds of kilobytes, copied here once. */
export function encodeDocMessage(doc: string, message: Uint8Array): Uint8Array {
  const name = string.encodeUtf8(doc);
  const frame = new Uint8Array(1 + varUintLength(name.byteLength) + name.byteLength + message.byteLength);
  frame[0] = MuxKind.DOC_MESSAGE;
  let at = writeVarUintAt(frame, 1, name.byteLength);
  frame.set(name, at);
  at += name.byteLength;
  frame.set(message, at);
  return frame;
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

/** Frames in one batch at most: a turn's worth of messages for one socket is a handful, never thousands. */
export const MAX_BATCH_FRAMES = 1024;

/** A batch stays well under any frame limit. */
export const MAX_BATCH_BYTES = 64 * 1024;

/** A frame this large travels alone, as itself: copying it into a batch costs more than the message it saves. */
export const ALONE_BYTES = 4 * 1024;

/** The messages that carry `frames` in order: as few batches as the limits allow, a lone frame as itself. */
export function toMessages(frames: readonly Uint8Array[]): Uint8Array[] {
  const messages: Uint8Array[] = [];
  let run: Uint8Array[] = [];
  let runBytes = 0;
  for (const frame of frames) {
    const alone = frame.byteLength >= ALONE_BYTES;
    if (run.length > 0 && (alone || run.length === MAX_BATCH_FRAMES || runBytes + frame.byteLength > MAX_BATCH_BYTES)) {
      messages.push(encodeBatch(run));
      run = [];
      runBytes = 0;
    }
    if (alone) {
      messages.push(frame);
      continue;
    }
    run.push(frame);
    runBytes += frame.byteLength;
  }
  if (run.length > 0) messages.push(encodeBatch(run));
  return messages;
}

/** Several frames as one message (see `toMessages` for the limits); a single frame is sent as itself. */
export function encodeBatch(frames: readonly Uint8Array[]): Uint8Array {
  if (frames.length === 1) return frames[0] as Uint8Array;
  // Sized once and written in place: this runs for every socket that gets anything in a turn.
  let size = 2;
  for (const frame of frames) size += varUintLength(frame.byteLength) + frame.byteLength;
  const batch = new Uint8Array(size);
  batch[0] = MuxKind.BATCH;
  batch[1] = 0;
  let at = 2;
  for (const frame of frames) {
    at = writeVarUintAt(batch, at, frame.byteLength);
    batch.set(frame, at);
    at += frame.byteLength;
  }
  return batch;
}

/** The frames one message carries, undecoded: itself, or each frame of a batch. Throws if a batch is malformed. */
export function framesOf(message: Uint8Array): Uint8Array[] {
  if (message[0] !== MuxKind.BATCH) return [message];
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  if (decoding.readVarString(decoder) !== '') throw new Error('a batch names no doc');
  const frames: Uint8Array[] = [];
  while (decoding.hasContent(decoder)) {
    if (frames.length === MAX_BATCH_FRAMES) throw new Error('too many frames in one batch');
    frames.push(decoding.readVarUint8Array(decoder));
  }
  return frames;
}

/** Every frame one message carries, decoded; throws on anything malformed, batches inside batches included. */
export function decodeMuxFrames(message: Uint8Array): MuxFrame[] {
  return framesOf(message).map(decodeMuxFrame);
}

/** Reads one frame (not a batch: see `decodeMuxFrames`); throws on anything malformed, so callers close the socket with a clear reason. */
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
