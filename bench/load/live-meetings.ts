// Meetings in progress: 8 raw clients per plan, typists replaying recorded keystrokes with throttled presence, observers
// counting what arrives and probing delivery time (every keystroke is a probe: its (client, clock) key is its marker).

import type { Contender } from '../contenders/contender';
import type { ServerProcess } from '../contenders/server-process';
import { type BenchPlan, MEETING_TEAM, meetingDocIndex } from '../setup/bench-plans';
import { Samples } from '../metrics/stats';
import { awarenessMessage, type MessageHead, MSG_AWARENESS, MSG_SYNC, STEP2, UPDATE, updateKey } from './frames';
import type { ClientSink, RawClient } from './raw-client';
import type { RecordedStream } from './recorded-typing';

/** Presence changes at most this often per participant, as the Concord client throttles it. */
const PRESENCE_THROTTLE_MS = 100;
/** y-protocols renews a local awareness state every 15 s so it does not time out elsewhere. */
const PRESENCE_RENEW_MS = 15_000;
/** Awareness client ids of the participants who do not type: distinct within a meeting, never a typist's id. */
const OBSERVER_CLIENT_BASE = 2_000_000;

export interface MeetingShape {
  /** Seats (indices in MEETING_TEAM) that type, and the recorded stream each replays. */
  readonly typists: (meetingIndex: number) => readonly { readonly seat: number; readonly stream: RecordedStream }[];
  readonly charsPerSecond: number;
}

interface Sent {
  readonly t: number;
  remaining: number;
  readonly sender: RawClient;
}

/** Counters of one measurement window (all meetings). */
export class Tally {
  readonly latencies = new Samples();
  keystrokesSent = 0;
  expected = 0;
  received = 0;
  unmatched = 0;
  echoes = 0;
  awarenessSent = 0;
  awarenessReceived = 0;
  exhausted = 0;
}

class Participant {
  awarenessClock = 0;
  lastPresence = Number.NEGATIVE_INFINITY;
  syncedDocs = new Set<number>();
  renewTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly meeting: LiveMeeting,
    readonly seat: number,
    readonly client: RawClient,
    readonly awarenessClient: number,
    readonly stream: RecordedStream | null,
  ) {}

  presence(caret: string | null): string {
    const person = MEETING_TEAM[this.seat];
    const section = this.stream?.section ?? this.meeting.plan.docs[this.seat % (this.meeting.plan.docs.length - 1)] ?? '';
    const cursor = caret && this.stream ? `,"cursor:${this.stream.section}:${this.stream.part}":{"anchor":${caret},"head":${caret}}` : '';
    const user = this.meeting.engine.presenceUser ? `"user":{"name":${JSON.stringify(person?.name ?? '')},"color":"#1d4ed8"},` : '';
    return `{${user}"section":"${section}"${cursor}}`;
  }

  sendPresence(caret: string | null): void {
    const docIndex = meetingDocIndex(this.meeting.plan.docs);
    this.client.send(docIndex, awarenessMessage(this.awarenessClient, ++this.awarenessClock, this.presence(caret)));
    this.meeting.engine.tally.awarenessSent++;
  }
}

class Typist {
  position = 0;
  timer: ReturnType<typeof setTimeout> | ReturnType<typeof setInterval> | null = null;
  readonly docIndex: number;

  constructor(
    readonly participant: Participant,
    readonly stream: RecordedStream,
  ) {
    this.docIndex = participant.meeting.plan.docs.indexOf(stream.section);
    if (this.docIndex < 0) throw new Error(`typist's section ${stream.section} is not among the meeting's docs`);
  }

  keystroke(): void {
    const { meeting, client } = this.participant;
    const tally = meeting.engine.tally;
    const position = this.position;
    if (position >= this.stream.updates.length) {
      tally.exhausted++;
      return;
    }
    const now = performance.now();
    const observers = meeting.participants.length - 1;
    meeting.sent.set(this.stream.keys[position] ?? Number.NaN, { t: now, remaining: observers, sender: client });
    client.send(this.docIndex, this.stream.messages[position] as Uint8Array, this.stream.muxFrames[position]);
    tally.keystrokesSent++;
    tally.expected += observers;
    if (now - this.participant.lastPresence >= PRESENCE_THROTTLE_MS) {
      this.participant.lastPresence = now;
      this.participant.sendPresence(this.stream.carets[position] ?? null);
    }
    this.position = position + 1;
  }
}

class LiveMeeting implements ClientSink {
  readonly participants: Participant[] = [];
  readonly typists: Typist[] = [];
  readonly sent = new Map<number, Sent>();
  private syncWaiter: (() => void) | null = null;
  private unsynced = 0;

  constructor(
    readonly engine: LoadEngine,
    readonly plan: BenchPlan,
  ) {}

  message(client: RawClient, docIndex: number, head: MessageHead, bytes: Uint8Array): void {
    const tally = this.engine.tally;
    if (head.type === MSG_SYNC) {
      if (head.step === UPDATE) {
        const record = this.sent.get(updateKey(bytes, head.payloadStart));
        if (!record) tally.unmatched++;
        else if (record.sender === client) tally.echoes++;
        else {
          tally.latencies.push(performance.now() - record.t);
          tally.received++;
          if (--record.remaining === 0) this.sent.delete(updateKey(bytes, head.payloadStart));
        }
      } else if (head.step === STEP2) {
        const participant = this.participants.find((each) => each.client === client);
        if (participant && !participant.syncedDocs.has(docIndex)) {
          participant.syncedDocs.add(docIndex);
          if (--this.unsynced === 0) this.syncWaiter?.();
        }
      }
    } else if (head.type === MSG_AWARENESS) {
      tally.awarenessReceived++;
    }
  }

  /** Connects the 8 participants, subscribes them to every doc, announces their presence; resolves once all are synced. */
  async join(contender: Contender, server: ServerProcess, shape: MeetingShape, meetingIndex: number): Promise<void> {
    const typists = new Map(shape.typists(meetingIndex).map((typist) => [typist.seat, typist.stream]));
    for (let seat = 0; seat < MEETING_TEAM.length; seat++) {
      const stream = typists.get(seat) ?? null;
      const client = contender.client(server, this.plan, seat, this);
      const participant = new Participant(this, seat, client, stream?.clientId ?? OBSERVER_CLIENT_BASE + seat, stream);
      this.participants.push(participant);
      if (stream) this.typists.push(new Typist(participant, stream));
    }
    this.unsynced = this.participants.length * this.plan.docs.length;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const synced = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`meeting ${this.plan.id} did not sync within 60 s (${this.unsynced} docs left)`)), 60_000);
      this.syncWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    synced.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
    try {
      await Promise.all(this.participants.map((participant) => participant.client.connect()));
    } catch (error) {
      clearTimeout(timer);
      throw error;
    }
    for (const participant of this.participants) {
      participant.client.subscribe();
      participant.sendPresence(null);
      participant.renewTimer = setInterval(() => participant.sendPresence(null), PRESENCE_RENEW_MS + Math.random() * 1000);
      participant.renewTimer.unref();
    }
    await synced;
  }

  async leave(): Promise<void> {
    for (const participant of this.participants) if (participant.renewTimer) clearInterval(participant.renewTimer);
    await Promise.all(this.participants.map((participant) => participant.client.close()));
  }
}

export class LoadEngine {
  readonly meetings: LiveMeeting[] = [];
  tally = new Tally();
  readonly presenceUser: boolean;
  private typing = false;

  constructor(
    private readonly contender: Contender,
    private readonly server: ServerProcess,
    private readonly shape: MeetingShape,
  ) {
    this.presenceUser = contender.clientSetsPresenceUser;
  }

  /** Opens meetings a few at a time (about `socketsPerBatch` sockets in flight), each fully synced before typing starts. */
  async addMeetings(plans: readonly BenchPlan[], socketsPerBatch = 400): Promise<void> {
    const socketsPerMeeting = MEETING_TEAM.length * this.contender.socketsPerParticipant;
    const batch = Math.max(1, Math.floor(socketsPerBatch / socketsPerMeeting));
    for (let i = 0; i < plans.length; i += batch) {
      const joining = plans.slice(i, i + batch).map((plan) => {
        const meeting = new LiveMeeting(this, plan);
        this.meetings.push(meeting);
        return meeting.join(this.contender, this.server, this.shape, this.meetings.length - 1);
      });
      await Promise.all(joining);
    }
  }

  /** Every typist types at the shape's rate, starting at a random phase so keystrokes do not arrive in lockstep (once: already typing, nothing changes). */
  startTyping(): void {
    if (this.typing) return;
    this.typing = true;
    const period = 1000 / this.shape.charsPerSecond;
    for (const meeting of this.meetings) {
      for (const typist of meeting.typists) {
        typist.timer = setTimeout(() => {
          if (!this.typing) return;
          typist.keystroke();
          typist.timer = setInterval(() => typist.keystroke(), period);
        }, Math.random() * period);
      }
    }
  }

  stopTyping(): void {
    this.typing = false;
    for (const meeting of this.meetings) {
      for (const typist of meeting.typists) {
        if (typist.timer) clearInterval(typist.timer);
        typist.timer = null;
      }
    }
  }

  /** Waits until every sent keystroke reached every observer, or nothing arrived for `quietMs`, or `maxMs` passed. */
  async drain(quietMs = 2_000, maxMs = 10_000): Promise<void> {
    const start = performance.now();
    let lastReceived = this.tally.received;
    let lastProgress = start;
    while (this.tally.received < this.tally.expected) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = performance.now();
      if (this.tally.received !== lastReceived) {
        lastReceived = this.tally.received;
        lastProgress = now;
      }
      if (now - lastProgress > quietMs || now - start > maxMs) break;
    }
  }

  /** Starts a new window: fresh counters, and frames still in flight from before are forgotten. */
  resetTally(): void {
    this.tally = new Tally();
    for (const meeting of this.meetings) meeting.sent.clear();
  }

  clientProblems(): { unexpectedCloses: number; errors: string[] } {
    let unexpectedCloses = 0;
    const errors: string[] = [];
    for (const meeting of this.meetings) {
      for (const participant of meeting.participants) {
        unexpectedCloses += participant.client.unexpectedCloses;
        errors.push(...participant.client.errors);
      }
    }
    return { unexpectedCloses, errors: [...new Set(errors)].slice(0, 10) };
  }

  async closeAll(): Promise<void> {
    this.stopTyping();
    await Promise.all(this.meetings.map((meeting) => meeting.leave()));
  }
}
