// The third contender: @hocuspocus/server 3.4.4's own Server on loopback, configured as little as a deployment can be.
// No onAuthenticate hook (every token is accepted); doc names are `<plan>/<doc>`, multiplexed over one socket per client.
// Persistence has the shape of @hocuspocus/extension-database: onLoadDocument applies the stored blob, onStoreDocument
// writes Y.encodeStateAsUpdate of the whole doc, on Hocuspocus's default debounce (2 s, at most 10 s). The blob is one
// file per doc under HOCUSPOCUS_STORE, replaced by rename and not fsynced (like the reference's LevelDB writes).

import fs from 'node:fs/promises';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { blobFile } from './hocuspocus-store';

const store = process.env.HOCUSPOCUS_STORE;
if (!store) throw new Error('HOCUSPOCUS_STORE is not set');

const server: Server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  async onLoadDocument({ documentName, document }) {
    try {
      Y.applyUpdate(document, await fs.readFile(blobFile(store, documentName)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  },
  async onStoreDocument({ documentName, document }) {
    const file = blobFile(store, documentName);
    await fs.writeFile(`${file}.tmp`, Y.encodeStateAsUpdate(document));
    await fs.rename(`${file}.tmp`, file);
  },
  // The benchmark asks how many docs are in memory, to know that a cold load starts cold.
  async onRequest({ request, response }) {
    if (request.url !== '/loaded-documents') return;
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end(String(server.hocuspocus.getDocumentsCount()));
    // Hocuspocus's way for a hook to say the response is sent: reject without an error.
    return Promise.reject();
  },
});

await server.listen();
console.log(`hocuspocus listening on port ${server.address.port}`);

process.on('SIGTERM', () => {
  // destroy() closes every connection, runs the stores still pending, and resolves once every doc has unloaded.
  void server.destroy().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
});
