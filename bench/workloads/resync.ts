// (d) Resync: in each of a few meetings, one participant goes offline while both sides make 300 edits to the same
// section (the other side through the server, one keystroke at a time); on reconnect we time until both have the other's
// edits. Raw protocol: the returning client sends its real state vectors and its offline edits as its sync step 2.

import * as Y from 'yjs';
import { type BenchContext, idleBetweenRuns, sleep, withServer } from '../context';
import type { ContenderName } from '../contenders/contender';
import type { ServerProcess } from '../contenders/server-process';
import { EMPTY_UPDATE, encodeStateVector, MSG_SYNC, STEP2, UPDATE } from '../load/frames';
import type { ClientSink, RawClient } from '../load/raw-client';
import { clockAfter, mergedPrefix, type RecordedStream, recordTyping } from '../load/recorded-typing';
import { typingTarget } from '../load/typing-targets';
import { ForeignCpu } from '../metrics/proc-stats';
import { type Summary, summarize } from '../metrics/stats';
import { type BenchPlan, MEETING_TEAM, TYPIST_SEATS } from '../setup/bench-plans';
import { prepareFixture } from '../setup/fixture';
import type { Contender, Fixture } from '../contenders/contender';

export interface ResyncResult {
  readonly samplesMs: readonly number[];
  readonly summary: Summary;
  readonly failures: number;
  /** CPU used by other processes on the machine meanwhile, in cores. */
  readonly foreignCpuCores: number;
}

const OFFLINE_SEAT = TYPIST_SEATS[0];
const ONLINE_SEAT = TYPIST_SEATS[1];
const RECONNECT_TIMEOUT_MS = 15_000;

/** Resolves when some sync message of `docIndex` received by a client carries `client`'s structs up to `clock`. */
class Watch implements ClientSink {
  private target: { docIndex: number; client: number; clock: number; resolve: () => void } | null = null;

  message(_client: RawClient, docIndex: number, head: { type: number; step: number; payloadStart: number; payloadEnd: number }, bytes: Uint8Array): void {
    const target = this.target;
    if (!target || docIndex !== target.docIndex || head.type !== MSG_SYNC || (head.step !== STEP2 && head.step !== UPDATE)) return;
    const { to } = Y.parseUpdateMeta(bytes.subarray(head.payloadStart, head.payloadEnd));
    if ((to.get(target.client) ?? 0) >= target.clock) {
      this.target = null;
      target.resolve();
    }
  }

  until(docIndex: number, client: number, clock: number): Promise<number> {
    return new Promise((resolve) => {
      this.target = { docIndex, client, clock, resolve: () => resolve(performance.now()) };
    });
  }
}

interface Meeting {
  readonly plan: BenchPlan;
  readonly clients: RawClient[];
  readonly online: Watch;
  readonly offline: RecordedStream;
  readonly onlineStream: RecordedStream;
}

async function connectTeam(contender: Contender, server: ServerProcess, plan: BenchPlan, online: Watch): Promise<RawClient[]> {
  const sink: ClientSink = { message: () => {} };
  const clients = MEETING_TEAM.map((_, seat) => contender.client(server, plan, seat, seat === ONLINE_SEAT ? online : sink));
  await Promise.all(clients.map((client) => client.connect()));
  for (const client of clients) client.subscribe();
  await sleep(500);
  return clients;
}

async function reconnect(contender: Contender, server: ServerProcess, fixture: Fixture, meeting: Meeting, edits: number): Promise<number> {
  const { plan, offline, onlineStream } = meeting;
  const docIndex = plan.docs.indexOf(offline.section);
  const offlineEdits = mergedPrefix(offline, edits);
  const stored = fixture.content.get(plan.id);
  // What the returning client knows: every doc as it was when it left, plus its own offline edits in the typed section.
  const stateVectors = plan.docs.map((doc, index) => {
    const known = new Map(stored?.get(doc)?.stateVector ?? []);
    if (index === docIndex) known.set(offline.clientId, clockAfter(offline, edits));
    return encodeStateVector(known);
  });
  const watch = new Watch();
  const returning = contender.client(server, plan, OFFLINE_SEAT, watch, (index) => (index === docIndex ? offlineEdits : EMPTY_UPDATE));
  const start = performance.now();
  const gotTheirs = watch.until(docIndex, onlineStream.clientId, clockAfter(onlineStream, edits));
  const theyGotMine = meeting.online.until(docIndex, offline.clientId, clockAfter(offline, edits));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no convergence within ${RECONNECT_TIMEOUT_MS} ms`)), RECONNECT_TIMEOUT_MS);
  });
  try {
    await returning.connect();
    returning.subscribe(stateVectors);
    const [a, b] = await Promise.race([Promise.all([gotTheirs, theyGotMine]), timeout]);
    return Math.max(a, b) - start;
  } finally {
    clearTimeout(timer);
    meeting.clients[OFFLINE_SEAT] = returning;
  }
}

export async function resyncWorkload(context: BenchContext): Promise<Partial<Record<ContenderName, ResyncResult>>> {
  const { offlineSeconds, edits, samples } = context.profile.resync;
  const fixture = prepareFixture(context.root, 'resync', samples);
  const target = typingTarget(0);
  const offlineStreams = fixture.plans.map((_, i) =>
    recordTyping({ clientId: 1_200_001 + i, section: target.section, part: target.part, keystrokes: edits, startSentence: 3 + i }),
  );
  const onlineStreams = fixture.plans.map((_, i) =>
    recordTyping({ clientId: 1_300_001 + i, section: target.section, part: target.part, keystrokes: edits, startSentence: 11 + i }),
  );
  context.log(`resync: ${samples} meetings, ${offlineSeconds} s offline, ${edits} edits on each side`);
  const results: Partial<Record<ContenderName, ResyncResult>> = {};
  for (const contender of context.contenders) {
    results[contender.name] = await withServer(contender.start(fixture), async (server) => {
      const meetings: Meeting[] = [];
      const foreign = new ForeignCpu(server.pid);
      try {
        for (const [i, plan] of fixture.plans.entries()) {
          const online = new Watch();
          meetings.push({ plan, clients: await connectTeam(contender, server, plan, online), online, offline: offlineStreams[i] as RecordedStream, onlineStream: onlineStreams[i] as RecordedStream });
        }
        // Everyone who will return goes offline; the other side types its edits through the server meanwhile.
        await Promise.all(meetings.map((meeting) => meeting.clients[OFFLINE_SEAT]?.close()));
        const wentOffline = performance.now();
        const period = (offlineSeconds * 1000) / edits;
        await Promise.all(
          meetings.map(async (meeting) => {
            const typist = meeting.clients[ONLINE_SEAT] as RawClient;
            const docIndex = meeting.plan.docs.indexOf(meeting.onlineStream.section);
            for (let k = 0; k < edits; k++) {
              typist.send(docIndex, meeting.onlineStream.messages[k] as Uint8Array, meeting.onlineStream.muxFrames[k]);
              await sleep(period);
            }
          }),
        );
        await sleep(Math.max(500, offlineSeconds * 1000 - (performance.now() - wentOffline)));
        const samplesMs: number[] = [];
        let failures = 0;
        for (const meeting of meetings) {
          try {
            samplesMs.push(Math.round((await reconnect(contender, server, fixture, meeting, edits)) * 1000) / 1000);
          } catch (error) {
            failures++;
            context.log(`  ${contender.name}: ${String(error)}`);
          }
          await idleBetweenRuns(300);
        }
        const summary = summarize(samplesMs);
        context.log(`  ${contender.name}: resync p50 ${summary.p50} ms, max ${summary.max} ms${failures ? `, ${failures} failed` : ''}`);
        return { samplesMs, summary, failures, foreignCpuCores: foreign.cores() };
      } finally {
        await Promise.all(meetings.flatMap((meeting) => meeting.clients.map((client) => client.close())));
      }
    });
  }
  return results;
}
