// Someone pasting large text into a section and taking it out again, over and over: many megabytes relayed, a small doc.

import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/messages';
import { richTextOf } from '../../shared/schema/section-doc';
import type { RichTextPart } from '../../shared/template/types';
import { collabBase, type RawSocket, rawSocket } from './collab-client';
import { updateFrame } from './frames';

export interface BigWriter {
  /** Pastes `chunkBytes` of text and deletes it again, every `everyMs`, until `totalBytes` went out; resolves once the server has read it all. */
  write(totalBytes: number, chunkBytes: number, everyMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Each paste is relayed in full to everyone on the doc, while the server's doc keeps only a tombstone once it is
 * deleted: what the server holds in memory beyond a small doc is what it has buffered for its sockets.
 */
export async function openBigWriter(url: string, iepId: string, doc: string, part: RichTextPart, cookie: string): Promise<BigWriter> {
  const socket = rawSocket(`${collabBase(url, iepId)}/${doc}`, cookie);
  await socket.opened;
  const local = new Y.Doc();
  local.on('update', (update: Uint8Array) => socket.ws.send(updateFrame(update)));
  const fragment = richTextOf(local, part);
  return {
    write: async (totalBytes, chunkBytes, everyMs) => {
      const text = 'x'.repeat(chunkBytes);
      for (let sent = 0; sent < totalBytes; sent += chunkBytes) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        fragment.push([paragraph]);
        fragment.delete(fragment.length - 1, 1);
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
      await readUpTo(socket);
    },
    close: async () => {
      socket.ws.close();
      await socket.closed;
      local.destroy();
    },
  };
}

/** Resolves once the server has read everything sent so far: it answers a presence query in order. */
async function readUpTo(socket: RawSocket): Promise<void> {
  const seen = socket.messages.length;
  const reply = socket.next((message) => message[0] === MessageType.AWARENESS && socket.messages.indexOf(message) >= seen, 30_000);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.QUERY_AWARENESS);
  socket.ws.send(encoding.toUint8Array(encoder));
  await reply;
}
