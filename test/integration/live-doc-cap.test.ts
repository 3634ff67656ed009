// A cap on docs held in memory: idle docs make way (their content kept), and when every loaded doc is in use a new one is
// refused with "try again later" instead of growing without bound; the server's own reads still work.

import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ConcordServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { ensureDemo } from '../../server/demo/seed-demo';
import { CloseCode } from '../../shared/protocol/close-codes';
import { docNames } from '../../shared/protocol/doc-names';
import { decodeMuxFrame, encodeDocMessage, MuxKind } from '../../shared/protocol/mux';
import { collabBase, connectDoc, rawSocket, type RawSocket, waitForDoc } from '../helpers/collab-client';
import { step1Frame } from '../helpers/frames';
import { appendParagraph, iepTemplate, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, signIn, tempDataDir } from '../helpers/server';

const CAP = 8;
const DOCS = docNames(iepTemplate);
let concord: ConcordServer;
let url: string;
let cookie: string;
let iepId: string;

beforeAll(async () => {
  concord = createServer(readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir(), CONCORD_MAX_LIVE_DOCS: String(CAP), CONCORD_IDLE_UNLOAD_MS: '600000' }));
  const port = await concord.listen();
  url = `http://127.0.0.1:${port}`;
  const teacher = ensureDemo(concord.context, url).find((link) => /teacher/i.test(link.roles));
  if (!teacher) throw new Error('the demo has no teacher');
  ({ cookie, iepId } = await signIn(teacher));
});
afterAll(async () => {
  await concord.stop();
  removeTempDirs();
});

/** Asks for each doc on one multiplexed socket; resolves with the docs that synced and those closed with their codes. */
async function subscribeAll(socket: RawSocket, names: readonly string[]): Promise<{ synced: string[]; closed: Map<string, number> }> {
  const synced: string[] = [];
  const closed = new Map<string, number>();
  for (const name of names) {
    socket.ws.send(encodeDocMessage(name, step1Frame()));
    const reply = decodeMuxFrame(await socket.next((message) => {
      const frame = decodeMuxFrame(message);
      return frame.kind !== MuxKind.PONG && frame.kind !== MuxKind.PING && frame.doc === name;
    }));
    if (reply.kind === MuxKind.DOC_CLOSE) closed.set(name, reply.code);
    else synced.push(name);
  }
  return { synced, closed };
}

describe('live-doc cap', () => {
  it(`holds at most ${CAP} docs: idle ones make way with their content kept, busy ones are never evicted`, async () => {
    expect(DOCS.length).toBeGreaterThan(CAP + 2);
    const { section, part } = proseSection();
    const writer = connectDoc(url, iepId, section.id, cookie);
    await writer.synced;
    appendParagraph(writer.doc, part, 'kept across eviction');
    await new Promise((resolve) => setTimeout(resolve, 100));
    writer.destroy();

    const first = rawSocket(collabBase(url, iepId), cookie);
    await first.opened;
    const others = DOCS.filter((name) => name !== section.id);
    const firstRound = await subscribeAll(first, others);
    // The writer's doc was idle, so it made way; then the first socket filled the cap and the rest were refused.
    expect(firstRound.synced).toHaveLength(CAP);
    expect([...firstRound.closed.values()]).toEqual(others.slice(CAP).map(() => CloseCode.TRY_AGAIN_LATER));
    expect(concord.context.rooms.liveDocCount()).toBe(CAP);

    // A second socket on the same busy docs shares them; a new doc is still refused while all are in use.
    const second = rawSocket(collabBase(url, iepId), cookie);
    await second.opened;
    const shared = await subscribeAll(second, [...firstRound.synced.slice(0, 2), section.id]);
    expect(shared.synced).toEqual(firstRound.synced.slice(0, 2));
    expect(shared.closed.get(section.id)).toBe(CloseCode.TRY_AGAIN_LATER);

    // The server's own reads (a whole-plan export) work at the cap, and leave nothing pinned.
    const exported = await fetch(`${url}/api/ieps/${iepId}/export.html`, { headers: { cookie } });
    expect(exported.status).toBe(200);

    // Once the first socket leaves, its docs go idle and the evicted section comes back with its text.
    first.ws.close();
    await first.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reader = connectDoc(url, iepId, section.id, cookie, new Y.Doc());
    await reader.synced;
    await waitForDoc(reader.doc, () => proseText(reader.doc, part).includes('kept across eviction'));
    expect(concord.context.rooms.liveDocCount()).toBeLessThanOrEqual(CAP);
    reader.destroy();
    second.ws.close();
    await second.closed;
  });
});
