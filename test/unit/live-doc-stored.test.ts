// A live doc stays the bytes it was stored as: readers are served from the bytes, a writer's change that follows on from
// them joins them as it came, anything else builds the Y.Doc, and what was served either way is exactly the stored
// content. Storage keeps each snapshot's state vector, and a data directory from before that column still opens.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decoding } from 'lib0';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveDoc, type DocPersistence, type DocSubscriber } from '../../server/collab/live-doc';
import { inspectUpdate, type ParsedUpdate } from '../../server/collab/update-inspection';
import { openDatabase, type Db } from '../../server/store/database';
import { DocLog } from '../../server/store/doc-log';
import { MessageType, SyncStep } from '../../shared/protocol/messages';
import { removeTempDirs, tempDataDir } from '../helpers/server';

let dir: string;
let db: Db;
let log: DocLog;

beforeEach(() => {
  dir = tempDataDir();
  db = openDatabase(dir);
  log = new DocLog(db);
});

afterEach(() => {
  db.close();
  removeTempDirs();
});

function persistence(name: string): DocPersistence {
  return {
    append: (seq, update, durable) => {
      log.append('plan', name, seq, update);
      durable();
    },
    whenDurable: (action) => action(),
    flush: () => undefined,
    compact: (uptoSeq, state, stateVector) => log.compact('plan', name, uptoSeq, state, stateVector),
  };
}

function load(name: string): LiveDoc {
  return new LiveDoc(name, log.load('plan', name), persistence(name), { compactEvery: 1000, onBroken: () => undefined });
}

/** The doc loaded, with a writer and a reader subscribed. */
function openWith(name: string) {
  const live = load(name);
  const writer = recorder('teacher');
  const reader = recorder('parent');
  live.subscribe(writer.subscriber);
  live.subscribe(reader.subscriber);
  return { live, writer, reader };
}

/** A subscriber that keeps every sync payload it is sent, by step. */
function recorder(participantId: string) {
  const received: { step: number; payload: Uint8Array }[] = [];
  const subscriber: DocSubscriber = {
    participantId,
    send(message) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MessageType.SYNC) return;
      received.push({ step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) });
    },
    end: () => undefined,
  };
  return { subscriber, received };
}

function parse(update: Uint8Array): ParsedUpdate {
  const inspected = inspectUpdate(update);
  if (!inspected) throw new Error('the test built a malformed update');
  return inspected.parsed;
}

/** A client holding what the doc's storage holds, and each update it makes. */
function clientOf(name: string, clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const stored = log.load('plan', name);
  for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
  const made: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') made.push(update);
  });
  return { doc, made, text: doc.getText('t') };
}

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

/** Writes `text` as the doc's log: `typed` updates of one character each after a snapshot of the rest. */
function storeTyped(name: string, text: string, typed: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 7;
  doc.getText('t').insert(0, text.slice(0, text.length - typed));
  log.compact('plan', name, 0, Y.encodeStateAsUpdate(doc));
  let seq = 0;
  doc.on('update', (update: Uint8Array) => log.append('plan', name, ++seq, update));
  for (const char of text.slice(text.length - typed)) doc.getText('t').insert(doc.getText('t').length, char);
  return doc;
}

describe('a live doc kept as its stored bytes', () => {
  it('serves readers the whole doc and its state vector without building it, and merges a tail of updates once', () => {
    const source = storeTyped('goals', 'Reads grade-level text with 90% accuracy.', 5);
    const live = load('goals');
    const reader = recorder('parent');
    live.subscribe(reader.subscriber);
    live.replySyncStep2(reader.subscriber, Y.encodeStateVector(new Y.Doc()));
    expect(live.isCompacted).toBe(true);
    const [step1, step2] = reader.received;
    expect(step1?.step).toBe(SyncStep.STEP1);
    expect(Y.decodeStateVector(step1?.payload as Uint8Array)).toEqual(Y.decodeStateVector(Y.encodeStateVector(source)));
    expect(step2?.step).toBe(SyncStep.STEP2);
    expect(textOf(step2?.payload as Uint8Array)).toBe('Reads grade-level text with 90% accuracy.');

    // A reader that has part of the doc is sent only the rest.
    const partial = new Y.Doc();
    Y.applyUpdate(partial, log.load('plan', 'goals').snapshot as Uint8Array);
    live.replySyncStep2(reader.subscriber, Y.encodeStateVector(partial));
    Y.applyUpdate(partial, reader.received[2]?.payload as Uint8Array);
    expect(partial.getText('t').toString()).toBe('Reads grade-level text with 90% accuracy.');
    // A new reader's empty sync step 2 is not a write and needs no doc.
    expect(live.deletesNothingNew(parse(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(true);
    expect(live.isCompacted).toBe(true);
  });

  it('takes a writer\'s change that follows on from the bytes as it came: stored and relayed without building the doc', () => {
    storeTyped('goals', 'Baseline: 40 wpm.', 4);
    const { live, writer, reader } = openWith('goals');
    const client = clientOf('goals', 21);
    client.text.insert(0, 'Goal: 90 wpm. ');
    client.text.insert(14, 'X');
    for (const change of client.made) expect(live.applyClientUpdate(change, parse(change), writer.subscriber)).toBe('applied');
    expect(live.isCompacted).toBe(true);
    // Relayed byte for byte to the others, never echoed to the writer.
    expect(reader.received.slice(-2).map((each) => each.payload)).toEqual(client.made);
    expect(writer.received.filter((each) => each.step === SyncStep.UPDATE)).toHaveLength(0);
    expect(log.load('plan', 'goals').updates.slice(-2).map((each) => new Uint8Array(each))).toEqual(client.made);
    // A joiner is told the new state vector and sent the new text.
    const joiner = recorder('district');
    live.subscribe(joiner.subscriber);
    expect(Y.decodeStateVector(joiner.received[0]?.payload as Uint8Array)).toEqual(Y.decodeStateVector(Y.encodeStateVector(client.doc)));
    live.replySyncStep2(joiner.subscriber, new Uint8Array([0]));
    expect(textOf(joiner.received[1]?.payload as Uint8Array)).toBe('Goal: 90 wpm. XBaseline: 40 wpm.');

    // A backspace is a change only the first time: the repeat deletes nothing new, and neither builds the doc.
    client.made.length = 0;
    client.text.delete(14, 1);
    const backspace = client.made[0] as Uint8Array;
    expect(live.deletesNothingNew(parse(backspace))).toBe(false);
    expect(live.applyClientUpdate(backspace, parse(backspace), writer.subscriber)).toBe('applied');
    expect(live.deletesNothingNew(parse(backspace))).toBe(true);
    expect(live.isCompacted).toBe(true);
    expect(live.doc.getText('t').toString()).toBe('Goal: 90 wpm. Baseline: 40 wpm.');
  });

  it('leaves a change that does not follow on to the Y.Doc: a gap waits, a repeat changes nothing', () => {
    storeTyped('goals', 'Baseline: 40 wpm.', 0);
    const { live, writer, reader } = openWith('goals');
    const client = clientOf('goals', 22);
    client.text.insert(0, 'A');
    client.text.insert(1, 'B');
    const [first, second] = client.made as [Uint8Array, Uint8Array];
    // The second keystroke before the first: Yjs holds it back, and nothing is stored or relayed yet.
    expect(live.applyClientUpdate(second, parse(second), writer.subscriber)).toBe('unchanged');
    expect(live.isCompacted).toBe(false);
    expect(log.load('plan', 'goals').updates).toHaveLength(0);
    expect(live.applyClientUpdate(first, parse(first), writer.subscriber)).toBe('applied');
    expect(live.doc.getText('t').toString()).toBe('ABBaseline: 40 wpm.');
    expect(live.applyClientUpdate(first, parse(first), writer.subscriber)).toBe('unchanged');
    expect(log.load('plan', 'goals').updates).toHaveLength(1);
    expect(textOf(Y.mergeUpdates([log.load('plan', 'goals').snapshot as Uint8Array, ...log.load('plan', 'goals').updates]))).toBe('ABBaseline: 40 wpm.');
  });

  it('does not take as it came a change that points at content the doc lacks', () => {
    storeTyped('goals', 'Baseline: 40 wpm.', 0);
    const elsewhere = new Y.Doc();
    elsewhere.clientID = 30;
    elsewhere.getText('t').insert(0, 'unseen ');
    const client = clientOf('goals', 23);
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(elsewhere), 'remote');
    client.text.insert(client.text.toString().indexOf('unseen') + 3, '!');
    const change = client.made[0] as Uint8Array;
    const live = load('goals');
    live.subscribe(recorder('teacher').subscriber);
    expect(live.applyClientUpdate(change, parse(change), recorder('teacher').subscriber)).toBe('unchanged');
    expect(log.load('plan', 'goals').updates).toHaveLength(0);
  });

  it('compacts changes taken as they came through a Y.Doc, dropping deleted text', () => {
    storeTyped('goals', 'Baseline: 40 wpm.', 0);
    const { live, writer } = openWith('goals');
    const client = clientOf('goals', 24);
    const draft = 'A draft sentence that the teacher deletes again. '.repeat(4);
    client.text.insert(0, draft);
    client.text.delete(0, draft.length);
    client.text.insert(0, 'Goal: 90 wpm. ');
    for (const change of client.made) expect(live.applyClientUpdate(change, parse(change), writer.subscriber)).toBe('applied');
    live.compact();
    const stored = log.load('plan', 'goals');
    expect(stored.updates).toHaveLength(0);
    expect(textOf(stored.snapshot as Uint8Array)).toBe('Goal: 90 wpm. Baseline: 40 wpm.');
    expect(stored.snapshot?.byteLength).toBeLessThan(draft.length);
    expect(Y.decodeStateVector(stored.snapshotStateVector as Uint8Array)).toEqual(Y.decodeStateVector(Y.encodeStateVector(client.doc)));
  });

  it('builds the doc for a writer once it is read as a Y.Doc, relays the change, and stores it like any other', () => {
    storeTyped('goals', 'Baseline: 40 wpm.', 0);
    const { live, writer, reader } = openWith('goals');
    expect(live.doc.getText('t').toString()).toBe('Baseline: 40 wpm.');
    const client = clientOf('goals', 25);
    client.text.insert(0, 'Goal: 90 wpm. ');
    const change = client.made[0] as Uint8Array;
    expect(live.applyClientUpdate(change, parse(change), writer.subscriber)).toBe('applied');
    expect(live.isCompacted).toBe(false);
    expect(live.doc.getText('t').toString()).toBe('Goal: 90 wpm. Baseline: 40 wpm.');
    expect(reader.received.at(-1)?.step).toBe(SyncStep.UPDATE);
    expect(log.load('plan', 'goals').updates).toHaveLength(1);
    live.compact();
    const stored = log.load('plan', 'goals');
    expect(textOf(stored.snapshot as Uint8Array)).toBe('Goal: 90 wpm. Baseline: 40 wpm.');
    expect(Y.decodeStateVector(stored.snapshotStateVector as Uint8Array)).toEqual(Y.decodeStateVector(Y.encodeStateVector(live.doc)));
  });

  it('compacts a stored tail without building the doc, keeping the state vector beside the snapshot', () => {
    const source = storeTyped('services', 'Speech therapy, 2 x 30 min weekly.', 8);
    const live = load('services');
    live.compact();
    expect(live.isCompacted).toBe(true);
    const stored = log.load('plan', 'services');
    expect(stored.updates).toHaveLength(0);
    expect(textOf(stored.snapshot as Uint8Array)).toBe('Speech therapy, 2 x 30 min weekly.');
    expect(Y.decodeStateVector(stored.snapshotStateVector as Uint8Array)).toEqual(Y.decodeStateVector(Y.encodeStateVector(source)));
    live.destroy();
  });

  it('builds an eager doc (the meeting doc) at once, and relays a later change as just that change', () => {
    storeTyped('meeting', 'Locks and notices.', 3);
    const live = new LiveDoc('meeting', log.load('plan', 'meeting'), persistence('meeting'), { compactEvery: 1000, eager: true, onBroken: () => undefined });
    expect(live.isCompacted).toBe(false);
    const reader = recorder('parent');
    live.subscribe(reader.subscriber);
    expect(live.transactServer((doc) => doc.getText('t').insert(0, '! '))).toBe('applied');
    const relayed = reader.received.at(-1);
    expect(relayed?.step).toBe(SyncStep.UPDATE);
    // Only the change travels, not the content the doc was built from.
    expect(relayed?.payload.byteLength).toBeLessThan(40);
    live.destroy();
  });
});

describe('the snapshot table', () => {
  it('gains its state vector column when a data directory from before it is opened', () => {
    db.close();
    const old = path.join(dir, 'old');
    fs.mkdirSync(old);
    const raw = new Database(path.join(old, 'concord.sqlite'));
    raw.exec('CREATE TABLE doc_snapshots (iep_id TEXT NOT NULL, doc TEXT NOT NULL, upto_seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (iep_id, doc)) WITHOUT ROWID');
    raw.prepare('INSERT INTO doc_snapshots VALUES (?, ?, ?, ?)').run('plan', 'goals', 3, Buffer.from([0, 0]));
    raw.close();
    db = openDatabase(old);
    log = new DocLog(db);
    const stored = log.load('plan', 'goals');
    expect(stored.snapshotStateVector).toBeNull();
    expect(stored.lastSeq).toBe(3);
    const live = load('goals');
    const reader = recorder('parent');
    live.subscribe(reader.subscriber);
    expect(reader.received[0]?.payload).toEqual(new Uint8Array([0]));
  });
});
