// kill -9 while two teachers type: whatever any client had received from the server is there after restart, every time.

import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectDoc, type DocClient } from '../helpers/collab-client';
import { appendParagraph, proseSection, typeInto } from '../helpers/plan-fixtures';
import { inviteFor, removeTempDirs, type RunningServer, signIn, startServer, tempDataDir } from '../helpers/server';

const TRIALS = 10;
const { section, part } = proseSection();
let server: RunningServer | undefined;
const clients: DocClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill();
  server = undefined;
});
afterAll(removeTempDirs);

/** What a client has received of other clients' edits: their clocks in its state vector. */
function receivedFromOthers(client: DocClient): Map<number, number> {
  const vector = Y.decodeStateVector(Y.encodeStateVector(client.doc));
  vector.delete(client.doc.clientID);
  return vector;
}

async function join(running: RunningServer): Promise<DocClient> {
  const { cookie, iepId } = await signIn(inviteFor(running, /teacher/i));
  const client = connectDoc(running.url, iepId, section.id, cookie);
  clients.push(client);
  await client.synced;
  return client;
}

describe('crash safety', () => {
  it(`loses nothing a client saw accepted when the server is killed mid-typing (${TRIALS} trials)`, async () => {
    const dataDir = tempDataDir();
    for (let trial = 0; trial < TRIALS; trial++) {
      server = await startServer({ dataDir, env: { CONCORD_COMPACT_EVERY: String(20 + trial * 7) } });
      const writers = [await join(server), await join(server)];
      for (const writer of writers) appendParagraph(writer.doc, part, '');
      const typing = writers.map((writer, index) =>
        setInterval(() => typeInto(writer.doc, part, index === 0 ? 'a' : 'b'), 2),
      );
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 450));
      await server.kill();
      for (const timer of typing) clearInterval(timer);
      const seen = writers.map(receivedFromOthers);
      for (const client of clients.splice(0)) client.destroy();
      expect(seen.some((vector) => [...vector.values()].some((clock) => clock > 0))).toBe(true);

      server = await startServer({ dataDir });
      const reader = await join(server);
      const stored = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
      for (const vector of seen) {
        for (const [clientId, clock] of vector) expect(stored.get(clientId) ?? 0, `trial ${trial}, client ${clientId}`).toBeGreaterThanOrEqual(clock);
      }
      for (const client of clients.splice(0)) client.destroy();
      await server.kill();
    }
  }, 180_000);
});
