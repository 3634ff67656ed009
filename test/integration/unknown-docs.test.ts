// Requests for plans or sections that do not exist, or that the caller is not on, create nothing in memory or storage.

import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import { decodeMuxFrame, decodeMuxFrames, encodeDocMessage, MuxKind } from '../../shared/protocol/mux';
import { templateOf } from '../../shared/template/index';
import { createServer, type ConcordServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { ensureDemo } from '../../server/demo/seed-demo';
import { createPlan } from '../../server/plan/create-plan';
import { collabBase, type RawSocket, rawSocket, upgradeStatus } from '../helpers/collab-client';
import { collectionEntries } from '../helpers/collection-entries';
import { awarenessFrame, step1Frame, updateFrame } from '../helpers/frames';
import { iepTemplate, proseSection } from '../helpers/plan-fixtures';
import { removeTempDirs, signIn, tempDataDir } from '../helpers/server';

const MUX_FRAMES = 6_000;
const UPGRADES = 4_000;
const MUX_SOCKETS = 4;
const CONCURRENT_UPGRADES = 16;

let concord: ConcordServer;
let dataDir: string;
let url: string;
let cookie: string;
let iepId: string;
let foreignIepId: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  concord = createServer(readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }));
  const port = await concord.listen();
  url = `http://127.0.0.1:${port}`;
  const links = ensureDemo(concord.context, url);
  const teacher = links.find((link) => /teacher/i.test(link.roles));
  if (!teacher) throw new Error('the demo has no teacher');
  ({ cookie, iepId } = await signIn(teacher));
  // Another team's plan: the teacher is not on it, so its id must answer exactly like one that does not exist.
  const { context } = concord;
  foreignIepId = createPlan(context.db, context.plans, context.log, {
    template: 'idea-iep',
    student: { firstName: 'Other', lastName: 'Student', dateOfBirth: '2013-05-06' },
    facts: { dateOfBirth: '2013-05-06', planStart: '2026-09-01', planEnd: '2027-08-31', alternateAssessment: false, ageOfMajority: 18 },
    participants: [{ name: 'Another teacher', roles: ['special-education-teacher'] }],
  }).plan.id;
});
afterAll(async () => {
  await concord.stop();
  removeTempDirs();
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-_.~/%:ÄéЖ中😀 ';
const iepDocs = new Set<string>([...iepTemplate.sections.map((section) => section.id), 'meeting']);
/** Real section names of the other template: right shape, wrong plan. */
const otherTemplateDocs = templateOf('section-504').sections.map((section) => section.id).filter((id) => !iepDocs.has(id));

function unknownDocName(next: () => number, i: number): string {
  const pick = i % 5;
  if (pick === 0 && otherTemplateDocs.length > 0) return otherTemplateDocs[i % otherTemplateDocs.length] ?? 'x';
  if (pick === 1) return ['MEETING', 'meeting/', '../meeting', 'meeting\u0000', ' meeting', '', `${proseSection().section.id}-x`][i % 7] ?? 'x';
  const length = 1 + Math.floor(next() * 40);
  let name = '';
  for (let c = 0; c < length; c++) name += NAME_CHARS[Math.floor(next() * NAME_CHARS.length)];
  return iepDocs.has(name) ? `${name}-not` : name;
}

/** Every table's row count, so any row written anywhere shows. */
function rowCounts(): Record<string, number> {
  const { db } = concord.context;
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/** The database's size once everything in its log is copied in: the background checkpointer moves pages at any time. */
function databaseBytes(): number {
  concord.context.db.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(dataDir, 'concord.sqlite');
  return [file, `${file}-wal`].reduce((sum, each) => sum + (fs.existsSync(each) ? fs.statSync(each).size : 0), 0);
}

function memoryShape(): Record<string, number> {
  const { rooms, gateway, locks, statuses } = concord.context;
  return {
    liveDocs: rooms.liveDocCount(),
    rooms: rooms.roomCount(),
    peers: gateway.peerCount,
    people: gateway.connectedPeople,
    // Every entry of every map, set and array the collaboration side holds, however deep.
    collectionEntries: collectionEntries({ rooms, gateway, locks, statuses }),
  };
}

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

async function inBatches<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let at = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (at < items.length) {
        const item = items[at++] as T;
        await run(item);
      }
    }),
  );
}

/** Sends `frames` for unknown docs on one multiplexed socket; resolves once each has been answered with a channel close. */
async function floodUnknownDocs(socket: RawSocket, names: readonly string[], next: () => number): Promise<Set<number>> {
  const codes = new Set<number>();
  let answered = 0;
  const done = new Promise<void>((resolve) => {
    socket.ws.on('message', (data: Buffer) => {
      for (const frame of decodeMuxFrames(new Uint8Array(data))) {
        if (frame.kind === MuxKind.DOC_CLOSE) codes.add(frame.code);
        else codes.add(-1);
        if (++answered === names.length) resolve();
      }
    });
  });
  const payloads = [step1Frame(), updateFrame(Uint8Array.from({ length: 24 }, () => Math.floor(next() * 256))), awarenessFrame(Math.floor(next() * 2 ** 30), 1, { cursor: null })];
  for (const [i, name] of names.entries()) socket.ws.send(encodeDocMessage(name, payloads[i % payloads.length] ?? step1Frame()));
  await done;
  return codes;
}

async function openMuxSockets(): Promise<RawSocket[]> {
  const sockets = Array.from({ length: MUX_SOCKETS }, () => rawSocket(collabBase(url, iepId), cookie));
  await Promise.all(sockets.map((socket) => socket.opened));
  return sockets;
}

async function closeAll(sockets: readonly RawSocket[]): Promise<void> {
  for (const socket of sockets) {
    socket.ws.close();
    await socket.closed;
    // What the test itself received is not the server's memory.
    socket.messages.splice(0);
  }
}

/**
 * `muxFrames` channel openings for unknown docs over the multiplexed sockets, then `upgrades` per-doc and per-plan
 * URLs naming unknown docs, unknown plans and another team's plan.
 */
async function probeRound(muxSockets: readonly RawSocket[], next: () => number, muxFrames: number, upgrades: number): Promise<void> {
  const names = Array.from({ length: muxFrames }, (_, i) => unknownDocName(next, i));
  const perSocket = muxFrames / MUX_SOCKETS;
  const muxCodes = await Promise.all(muxSockets.map((socket, s) => floodUnknownDocs(socket, names.slice(s * perSocket, (s + 1) * perSocket), next)));
  expect(new Set(muxCodes.flatMap((codes) => [...codes]))).toEqual(new Set([CloseCode.UNKNOWN_DOC]));
  // The channel closes were answers, not the end of the socket: a real doc still syncs on it.
  const still = muxSockets[0] as RawSocket;
  still.ws.send(encodeDocMessage('meeting', step1Frame()));
  expect(decodeMuxFrame(await still.next((message) => decodeMuxFrame(message).doc === 'meeting')).kind).toBe(MuxKind.DOC_MESSAGE);

  const section = proseSection().section.id;
  const targets = Array.from({ length: upgrades }, (_, i) => {
    const random8 = Math.floor(next() * 2 ** 40).toString(36);
    if (i % 4 === 0) return `${collabBase(url, foreignIepId)}/${i % 8 === 0 ? section : 'meeting'}`;
    if (i % 4 === 1) return collabBase(url, `iep${random8}`);
    if (i % 4 === 2) return `${collabBase(url, `iep${random8}`)}/${section}`;
    return `${collabBase(url, iepId)}/sec-${random8}`;
  });
  const statuses = new Set<number>();
  await inBatches(targets, CONCURRENT_UPGRADES, async (target) => {
    statuses.add(await upgradeStatus(target, cookie));
  });
  expect([...statuses]).toEqual([404]);
}

describe('unknown and foreign docs', () => {
  it(`${(MUX_FRAMES + UPGRADES).toLocaleString('en-US')} unknown, random and foreign doc and plan names over real sockets create nothing`, async () => {
    const next = random(9);
    // A first round loads what any use loads (the meeting doc, compiled code, prepared statements), outside the count.
    const warmUp = await openMuxSockets();
    await probeRound(warmUp, next, 200, 100);
    await closeAll(warmUp);
    const memoryBefore = memoryShape();
    // Opening a socket on one's own plan is audited: that is done before storage is measured.
    const muxSockets = await openMuxSockets();
    const rowsBefore = rowCounts();
    const bytesBefore = databaseBytes();
    const heapBefore = heapAfterGc();

    await probeRound(muxSockets, next, MUX_FRAMES, UPGRADES);
    await closeAll(muxSockets);

    expect(memoryShape()).toEqual(memoryBefore);
    expect(rowCounts()).toEqual(rowsBefore);
    expect(databaseBytes()).toBe(bytesBefore);
    const heapGrowth = heapAfterGc() - heapBefore;
    // Sockets, parsers and compiled code leave up to about 1.5 MB of noise here; anything kept per name (a map entry,
    // a timer) costs 300 bytes or more, 3 MB or more over 10,000 names. The counts above are the exact check.
    expect(heapGrowth).toBeLessThan(3 * 1024 * 1024);
  }, 60_000);

  it('no session, a bad cookie, or a foreign Origin is refused before a socket exists', async () => {
    const target = `${collabBase(url, iepId)}/${proseSection().section.id}`;
    expect(await upgradeStatus(target, '')).toBe(401);
    expect(await upgradeStatus(target, 'concord_session=forged-token')).toBe(401);
    const foreign = rawSocket(target, cookie, 'https://evil.example');
    await expect(foreign.opened).rejects.toThrow(/403/);
  });
});
