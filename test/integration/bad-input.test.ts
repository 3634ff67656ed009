// Hostile and broken frames close only the socket that sent them; the doc is unchanged and every other connection carries on.

import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import { MessageType, SyncStep } from '../../shared/protocol/messages';
import { decodeMuxFrame, encodeDocMessage, MuxKind } from '../../shared/protocol/mux';
import { sectionHash } from '../../shared/schema/canonical';
import { collabBase, connectDoc, type DocClient, rawSocket, waitForDoc } from '../helpers/collab-client';
import { appendParagraph, iepTemplate, proseSection, proseText } from '../helpers/plan-fixtures';
import { inviteFor, removeTempDirs, type RunningServer, signIn, startServer } from '../helpers/server';

const { section, part } = proseSection();
const otherSection = iepTemplate.sections.find((each) => each.id !== section.id);
let server: RunningServer;
let cookie: string;
let iepId: string;
const clients: DocClient[] = [];

beforeAll(async () => {
  server = await startServer({ env: { CONCORD_MAX_FRAME_BYTES: String(256 * 1024) } });
  ({ cookie, iepId } = await signIn(inviteFor(server, /teacher/i)));
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

async function join(docName: string): Promise<DocClient> {
  const client = connectDoc(server.url, iepId, docName, cookie);
  clients.push(client);
  await client.synced;
  return client;
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  encoding.writeVarUint(encoder, SyncStep.UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A bystander on the same doc and one on another doc keep receiving edits after the bad frame. */
async function expectOthersCarryOn(bystander: DocClient, elsewhere: DocClient, marker: string): Promise<void> {
  const writer = await join(section.id);
  appendParagraph(writer.doc, part, marker);
  await waitForDoc(bystander.doc, () => proseText(bystander.doc, part).includes(marker));
  const otherPart = otherSection?.parts[0];
  expect(otherPart).toBeDefined();
  expect(elsewhere.provider.wsconnected).toBe(true);
}

describe('bad input', () => {
  it('a frame that is not a y-protocols message closes that one connection with a clear reason', async () => {
    const bystander = await join(section.id);
    const elsewhere = await join(otherSection?.id ?? '');
    const before = sectionHash(section, bystander.doc);
    const hostile = rawSocket(`${collabBase(server.url, iepId)}/${section.id}`, cookie);
    await hostile.opened;
    hostile.ws.send(new Uint8Array([0x2a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    const closed = await hostile.closed;
    expect(closed.code).toBe(CloseCode.MALFORMED);
    expect(closed.reason).toMatch(/unknown message type|unreadable/);
    expect(sectionHash(section, bystander.doc)).toBe(before);
    await expectOthersCarryOn(bystander, elsewhere, 'after-garbage-frame');
  });

  it('an update that cannot be decoded is refused whole and the doc is unchanged', async () => {
    const bystander = await join(section.id);
    const elsewhere = await join(otherSection?.id ?? '');
    const before = sectionHash(section, bystander.doc);
    // A real update with its tail (the delete set) cut and garbage appended: structs parse, the rest does not.
    const source = new Y.Doc();
    appendParagraph(source, part, 'never-applied-text');
    const real = Y.encodeStateAsUpdate(source);
    const broken = new Uint8Array([...real.subarray(0, real.length - 2), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const hostile = rawSocket(`${collabBase(server.url, iepId)}/${section.id}`, cookie);
    await hostile.opened;
    hostile.ws.send(syncUpdateFrame(broken));
    const closed = await hostile.closed;
    expect(closed.code).toBe(CloseCode.MALFORMED);
    const fresh = await join(section.id);
    expect(proseText(fresh.doc, part)).not.toContain('never-applied-text');
    expect(sectionHash(section, fresh.doc)).toBe(before);
    await expectOthersCarryOn(bystander, elsewhere, 'after-broken-update');
  });

  it('a text frame closes the connection', async () => {
    const hostile = rawSocket(`${collabBase(server.url, iepId)}/${section.id}`, cookie);
    await hostile.opened;
    hostile.ws.send('{"hello":"world"}');
    expect((await hostile.closed).code).toBe(CloseCode.MALFORMED);
  });

  it('a frame over the size limit is refused with 1009', async () => {
    const bystander = await join(section.id);
    const elsewhere = await join(otherSection?.id ?? '');
    const hostile = rawSocket(`${collabBase(server.url, iepId)}/${section.id}`, cookie);
    await hostile.opened;
    const huge = new Y.Doc();
    appendParagraph(huge, part, 'x'.repeat(300 * 1024));
    hostile.ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(huge)));
    expect((await hostile.closed).code).toBe(CloseCode.TOO_LARGE);
    const fresh = await join(section.id);
    expect(proseText(fresh.doc, part)).not.toContain('xxxxxxxxxx');
    await expectOthersCarryOn(bystander, elsewhere, 'after-huge-frame');
  });

  it('a multiplexed frame with a garbled header closes that socket only', async () => {
    const bystander = await join(section.id);
    const elsewhere = await join(otherSection?.id ?? '');
    const hostile = rawSocket(collabBase(server.url, iepId), cookie);
    await hostile.opened;
    hostile.ws.send(new Uint8Array([9, 3, 0x61, 0x62, 0x63]));
    expect((await hostile.closed).code).toBe(CloseCode.MALFORMED);
    await expectOthersCarryOn(bystander, elsewhere, 'after-garbled-mux');
  });

  it('a multiplexed request for an unknown section is answered with a close of that channel only', async () => {
    const mux = rawSocket(collabBase(server.url, iepId), cookie);
    await mux.opened;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.SYNC);
    encoding.writeVarUint(step1, SyncStep.STEP1);
    encoding.writeVarUint8Array(step1, Y.encodeStateVector(new Y.Doc()));
    mux.ws.send(encodeDocMessage('no-such-section', encoding.toUint8Array(step1)));
    const reply = decodeMuxFrame(await mux.next((message) => decodeMuxFrame(message).doc === 'no-such-section'));
    expect(reply.kind).toBe(MuxKind.DOC_CLOSE);
    if (reply.kind === MuxKind.DOC_CLOSE) expect(reply.code).toBe(CloseCode.UNKNOWN_DOC);
    mux.ws.send(encodeDocMessage(section.id, encoding.toUint8Array(step1)));
    const synced = decodeMuxFrame(await mux.next((message) => decodeMuxFrame(message).doc === section.id));
    expect(synced.kind).toBe(MuxKind.DOC_MESSAGE);
    mux.ws.close();
  });
});
