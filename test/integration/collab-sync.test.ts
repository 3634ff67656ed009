// Three teachers co-edit one section through the real server; a late joiner and a restart see everything.

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectDoc, type DocClient, waitForDoc } from '../helpers/collab-client';
import { appendParagraph, proseSection, proseText } from '../helpers/plan-fixtures';
import { inviteFor, removeTempDirs, type RunningServer, signIn, startServer } from '../helpers/server';

const { section, part } = proseSection();
let server: RunningServer | undefined;
const clients: DocClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.stop();
  server = undefined;
});
afterAll(removeTempDirs);

async function teacherClient(running: RunningServer, docName = section.id): Promise<DocClient> {
  const { cookie, iepId } = await signIn(inviteFor(running, /teacher/i));
  const client = connectDoc(running.url, iepId, docName, cookie);
  clients.push(client);
  await client.synced;
  return client;
}

describe('co-editing one section', () => {
  it('three clients typing at once converge, and a fourth joining late gets everything', async () => {
    server = await startServer();
    const [a, b, c] = await Promise.all([teacherClient(server), teacherClient(server), teacherClient(server)]);
    if (!a || !b || !c) throw new Error('clients did not connect');
    const markers = ['alpha-marker', 'bravo-marker', 'charlie-marker'];
    for (let round = 0; round < 20; round++) {
      appendParagraph(a.doc, part, `${markers[0]} ${round}`);
      appendParagraph(b.doc, part, `${markers[1]} ${round}`);
      appendParagraph(c.doc, part, `${markers[2]} ${round}`);
    }
    const complete = (client: DocClient) => markers.every((marker) => proseText(client.doc, part).includes(`${marker} 19`));
    await Promise.all([a, b, c].map((client) => waitForDoc(client.doc, () => complete(client))));
    expect(proseText(b.doc, part)).toBe(proseText(a.doc, part));
    expect(proseText(c.doc, part)).toBe(proseText(a.doc, part));

    const late = await teacherClient(server);
    await waitForDoc(late.doc, () => complete(late));
    expect(proseText(late.doc, part)).toBe(proseText(a.doc, part));
  });

  it('a restart keeps every accepted edit', async () => {
    server = await startServer();
    const writer = await teacherClient(server);
    const probe = await teacherClient(server);
    appendParagraph(writer.doc, part, 'kept-across-restart');
    await waitForDoc(probe.doc, () => proseText(probe.doc, part).includes('kept-across-restart'));
    const before = proseText(writer.doc, part);
    for (const client of clients.splice(0)) client.destroy();
    const dataDir = server.dataDir;
    expect(await server.stop()).toBe(0);

    server = await startServer({ dataDir });
    const reader = await teacherClient(server);
    expect(proseText(reader.doc, part)).toBe(before);
  });

  it('seed content is written once: a restart does not apply it again', async () => {
    server = await startServer();
    const first = await teacherClient(server);
    const seeded = proseText(first.doc, part);
    expect(seeded.length).toBeGreaterThan(0);
    for (const client of clients.splice(0)) client.destroy();
    const dataDir = server.dataDir;
    await server.stop();
    server = await startServer({ dataDir });
    const again = await teacherClient(server);
    expect(proseText(again.doc, part)).toBe(seeded);
  });
});
