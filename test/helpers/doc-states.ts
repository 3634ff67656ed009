// What the server holds for each doc of a plan, read over one multiplexed socket as any client would sync it.

import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '../../shared/protocol/messages';
import { decodeMuxFrame, encodeDocMessage, MuxKind } from '../../shared/protocol/mux';
import { collabBase, rawSocket } from './collab-client';
import { step1Frame } from './frames';

/** Each doc's full state as the server sends it to a client that has nothing (its sync step 2). */
export async function docStates(url: string, iepId: string, cookie: string, docs: readonly string[]): Promise<Map<string, Y.Doc>> {
  const socket = rawSocket(collabBase(url, iepId), cookie);
  await socket.opened;
  const states = new Map<string, Y.Doc>();
  await Promise.all(
    docs.map(async (name) => {
      const reply = socket.next((message) => {
        const frame = decodeMuxFrame(message);
        return frame.kind === MuxKind.DOC_MESSAGE && frame.doc === name && frame.message[0] === MessageType.SYNC && frame.message[1] === SyncStep.STEP2;
      });
      socket.ws.send(encodeDocMessage(name, step1Frame()));
      const frame = decodeMuxFrame(await reply);
      if (frame.kind !== MuxKind.DOC_MESSAGE) throw new Error('not a doc message');
      const decoder = decoding.createDecoder(frame.message);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      states.set(name, doc);
    }),
  );
  socket.ws.close();
  await socket.closed;
  return states;
}

/** Everything that identifies a doc's content: what each client wrote (state vector) and what was deleted. */
export function docFingerprint(doc: Y.Doc): string {
  const stateVector = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  const deletions = [...deleted.clients].sort(([a], [b]) => a - b).map(([client, ranges]) => [client, merged(ranges)]);
  return JSON.stringify({ stateVector, deletions });
}

/** Delete ranges in order with touching ones joined: the same deletions, however the structs happen to be split. */
function merged(ranges: readonly { clock: number; len: number }[]): [number, number][] {
  const out: [number, number][] = [];
  for (const { clock, len } of [...ranges].sort((a, b) => a.clock - b.clock)) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] >= clock) last[1] = Math.max(last[1], clock + len - last[0]);
    else out.push([clock, len]);
  }
  return out;
}
