// A meeting's pulse: one participant types a character every few milliseconds, another times each one's arrival.

import { spawn } from 'node:child_process';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '../../shared/protocol/messages';
import { richTextOf } from '../../shared/schema/section-doc';
import type { RichTextPart } from '../../shared/template/types';
import { collabBase, type RawSocket, rawSocket } from './collab-client';
import { updateFrame } from './frames';
import { proseSection } from './plan-fixtures';
import { member, type PlanWithTeam } from './team';

export interface ProbeOptions {
  readonly url: string;
  readonly iepId: string;
  readonly doc: string;
  readonly part: RichTextPart;
  readonly writerCookie: string;
  readonly readerCookie: string;
  readonly intervalMs: number;
}

export interface DeliveryProbe {
  /** Samples sent from now on are counted under this name. */
  phase: string;
  /** Everything the writer typed, for comparing with the server's doc afterwards. */
  readonly writerDoc: Y.Doc;
  /** Send-to-arrival times in ms of the samples sent during `phase`; Infinity for any never delivered. */
  latencies(phase: string): number[];
  /** The phases any sample was sent in. */
  sampledPhases(): string[];
  /** Stops typing, waits (up to a few seconds) for what is on its way, closes both sockets. */
  stop(): Promise<void>;
}

interface Sample {
  readonly phase: string;
  readonly sentAt: number;
  receivedAt?: number;
}

/**
 * Both sides are bare sockets speaking y-websocket on one doc: the writer's keystrokes are real Yjs updates, and the
 * reader recognises each by its Yjs clock, so the figure is the server's delivery time and little else.
 */
export async function startDeliveryProbe(options: ProbeOptions): Promise<DeliveryProbe> {
  const target = `${collabBase(options.url, options.iepId)}/${options.doc}`;
  const reader = rawSocket(target, options.readerCookie);
  const writer = rawSocket(target, options.writerCookie);
  await Promise.all([reader.opened, writer.opened]);

  const writerDoc = new Y.Doc();
  const client = writerDoc.clientID;
  const samples = new Map<number, Sample>();
  let pending = 0;
  let onDrained: (() => void) | null = null;
  writerDoc.on('update', (update: Uint8Array) => writer.ws.send(updateFrame(update)));
  reader.ws.on('message', (data: Buffer) => {
    const receivedAt = performance.now();
    for (const [clock, length] of writtenBy(client, new Uint8Array(data))) {
      for (let at = clock; at < clock + length; at++) {
        const sample = samples.get(at);
        if (!sample || sample.receivedAt !== undefined) continue;
        sample.receivedAt = receivedAt;
        pending -= 1;
      }
    }
    if (pending === 0) onDrained?.();
  });

  // The paragraph the samples are typed into; its arrival shows both sockets are in the doc.
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('probe ');
  paragraph.insert(0, [text]);
  await arrival(reader, client, () => richTextOf(writerDoc, options.part).push([paragraph]));

  const probe = {
    phase: 'warm-up',
    writerDoc,
    sampledPhases: () => [...new Set([...samples.values()].map((sample) => sample.phase))],
    latencies: (phase: string) =>
      [...samples.values()].filter((sample) => sample.phase === phase).map((sample) => (sample.receivedAt ?? Number.POSITIVE_INFINITY) - sample.sentAt),
    stop: async () => {
      clearInterval(timer);
      if (pending > 0) {
        await new Promise<void>((resolve) => {
          onDrained = resolve;
          setTimeout(resolve, 5_000);
        });
      }
      for (const socket of [writer, reader]) {
        socket.ws.close();
        await socket.closed;
      }
    },
  };
  const timer = setInterval(() => {
    if (writer.ws.readyState !== writer.ws.OPEN) return;
    const clock = Y.getState(writerDoc.store, client);
    samples.set(clock, { phase: probe.phase, sentAt: performance.now() });
    pending += 1;
    text.insert(text.length, 'x');
  }, options.intervalMs);
  return probe;
}

/** [clock, length] of each struct by `client` in a sync update or step 2 message. */
function writtenBy(client: number, message: Uint8Array): [number, number][] {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageType.SYNC) return [];
  const step = decoding.readVarUint(decoder);
  if (step !== SyncStep.UPDATE && step !== SyncStep.STEP2) return [];
  const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  return structs.filter((struct) => struct.id.client === client).map((struct) => [struct.id.clock, struct.length]);
}

function arrival(reader: RawSocket, client: number, write: () => void): Promise<Uint8Array> {
  const arrived = reader.next((message) => writtenBy(client, message).length > 0);
  write();
  return arrived;
}

/** The p-th percentile (0-100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export interface ProbeResults {
  /** Send-to-arrival times in ms by phase; Infinity for a sample never delivered. */
  readonly latencies: Readonly<Record<string, number[]>>;
  /** Everything the writer typed, as one Yjs update. */
  readonly writerState: Uint8Array;
}

export interface RemoteProbe {
  /** The writer's Yjs client id (someone else's, to a hostile client). */
  readonly writerClient: number;
  setPhase(phase: string): void;
  stop(): Promise<ProbeResults>;
  /** Ends the process at once (cleanup after a failed test). */
  kill(): void;
}

/** Runs the probe in a child process: its timings then owe nothing to what the test process is busy with. */
export async function startProbeProcess(options: ProbeOptions): Promise<RemoteProbe> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'delivery-probe-child.ts'), JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      void exited.then(() => reject(new Error('the probe process ended early')));
    });
  const { writerClient } = await next<{ writerClient: number }>();
  return {
    writerClient,
    setPhase: (phase) => child.send({ phase }),
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
    stop: async () => {
      const results = next<ProbeResults>();
      child.send({ stop: true });
      const answer = await results;
      await exited;
      return answer;
    },
  };
}

/** The usual probe: the team's special education teacher types in the first prose section, its creator times arrivals. */
export function probeMeeting(url: string, team: PlanWithTeam, intervalMs: number): Promise<RemoteProbe> {
  const { section, part } = proseSection();
  return startProbeProcess({
    url,
    iepId: team.iepId,
    doc: section.id,
    part,
    writerCookie: member(team, 'special-education-teacher').cookie,
    readerCookie: team.creatorCookie,
    intervalMs,
  });
}
