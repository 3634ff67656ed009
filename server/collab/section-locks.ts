// The authority on section locks: leases held in memory for the O(1) write gate, recorded in the meeting doc for everyone to see.

import { MEETING_DOC } from '../../shared/protocol/doc-names';
import { locksMap, type MeetingNotice, noticesArray } from '../../shared/protocol/meeting-doc';
import { decideClaim, decideHandOver, decideRelease, decideRequest, type LockActor, type LockDecision, type SectionLock } from '../../shared/rules/locks';
import type { AuditLog } from '../auth/audit';
import { newId } from '../auth/tokens';
import type { Plans } from '../store/plans';
import type { Rooms } from './rooms';

export interface LockTimings {
  /** How long a disconnected holder keeps the lock, so a Wi-Fi blip does not cost it. */
  readonly graceMs: number;
  /** How long a lock lasts without an edit by its holder. */
  readonly idleMs: number;
}

export type LockOutcome = LockDecision & { readonly lock?: SectionLock };

type ReleaseReason = 'released' | 'taken-over' | 'idle' | 'disconnected' | 'handed-over';

const NOTICES_KEPT = 50;

export class SectionLocks {
  /** Plan id → section id → lock; loaded from the meeting doc on first use so a restart keeps the picture. */
  private readonly tables = new Map<string, Map<string, SectionLock>>();
  private readonly graceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly connected = new Map<string, number>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(
    private readonly rooms: Rooms,
    private readonly plans: Plans,
    private readonly audit: AuditLog,
    private readonly timings: LockTimings,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.expireIdle(), Math.min(1000, Math.max(50, timings.idleMs / 4)));
    this.sweeper.unref();
  }

  lockOf(iepId: string, sectionId: string): SectionLock | undefined {
    return this.table(iepId).get(sectionId);
  }

  claim(actor: LockActor & { readonly name: string }, iepId: string, sectionId: string, takeOver: boolean): LockOutcome {
    const current = this.lockOf(iepId, sectionId);
    const decision = decideClaim(actor, sectionId, current, takeOver);
    if (!decision.ok) return decision;
    if (current && current.holderId !== actor.participantId) {
      this.notify(iepId, { to: current.holderId, kind: 'lock-taken-over', sectionId, byName: actor.name });
      this.audit.record({ actor: actor.participantId, iepId, action: 'lock.taken-over', detail: { section: sectionId, from: current.holderId } });
    }
    const renewal = current?.holderId === actor.participantId;
    const lock: SectionLock = {
      holderId: actor.participantId,
      holderName: actor.name,
      since: renewal ? current.since : this.now(),
      expiresAt: this.now() + this.timings.idleMs,
      // Renewing one's hold keeps a pending request: the asker is still waiting for an answer.
      ...(renewal && current.request ? { request: current.request } : {}),
    };
    this.write(iepId, sectionId, lock);
    this.audit.record({ actor: actor.participantId, iepId, action: 'lock.claimed', detail: { section: sectionId } });
    return { ok: true, lock };
  }

  release(actor: LockActor & { readonly name: string }, iepId: string, sectionId: string): LockOutcome {
    const current = this.lockOf(iepId, sectionId);
    const decision = decideRelease(actor, sectionId, current);
    if (!decision.ok) return decision;
    const byHolder = current?.holderId === actor.participantId;
    if (current && !byHolder) this.notify(iepId, { to: current.holderId, kind: 'lock-taken-over', sectionId, byName: actor.name });
    this.drop(iepId, sectionId, byHolder ? 'released' : 'taken-over', actor.participantId);
    return ALLOW_OUTCOME;
  }

  request(actor: LockActor & { readonly name: string }, iepId: string, sectionId: string): LockOutcome {
    const current = this.lockOf(iepId, sectionId);
    const decision = decideRequest(actor, sectionId, current);
    if (!decision.ok || !current) return decision;
    const lock: SectionLock = { ...current, request: { participantId: actor.participantId, name: actor.name, at: this.now() } };
    this.write(iepId, sectionId, lock);
    this.notify(iepId, { to: current.holderId, kind: 'lock-requested', sectionId, byName: actor.name });
    return { ok: true, lock };
  }

  handOver(actor: LockActor & { readonly name: string }, iepId: string, sectionId: string, toParticipantId: string): LockOutcome {
    const current = this.lockOf(iepId, sectionId);
    const recipient = this.plans.participant(toParticipantId);
    const decision = decideHandOver(actor, sectionId, current, recipient?.iepId === iepId ? recipient.roles : undefined);
    if (!decision.ok || !recipient) return decision;
    const lock: SectionLock = { holderId: recipient.id, holderName: recipient.name, since: this.now(), expiresAt: this.now() + this.timings.idleMs };
    this.write(iepId, sectionId, lock);
    this.notify(iepId, { to: recipient.id, kind: 'lock-handed-over', sectionId, byName: actor.name });
    this.audit.record({ actor: actor.participantId, iepId, action: 'lock.handed-over', detail: { section: sectionId, to: recipient.id } });
    if ((this.connected.get(key(iepId, recipient.id)) ?? 0) === 0) this.startGrace(iepId, recipient.id);
    return { ok: true, lock };
  }

  /** The holder edited: the idle lease restarts. The meeting doc is rewritten only when the deadline moved noticeably. */
  touched(iepId: string, sectionId: string, participantId: string): void {
    const lock = this.lockOf(iepId, sectionId);
    if (!lock || lock.holderId !== participantId) return;
    const expiresAt = this.now() + this.timings.idleMs;
    if (expiresAt - lock.expiresAt < Math.min(10_000, this.timings.idleMs / 10)) return;
    this.write(iepId, sectionId, { ...lock, expiresAt });
  }

  participantConnected(iepId: string, participantId: string): void {
    const id = key(iepId, participantId);
    this.connected.set(id, (this.connected.get(id) ?? 0) + 1);
    const timer = this.graceTimers.get(id);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(id);
  }

  participantDisconnected(iepId: string, participantId: string): void {
    const id = key(iepId, participantId);
    const remaining = (this.connected.get(id) ?? 1) - 1;
    if (remaining > 0) {
      this.connected.set(id, remaining);
      return;
    }
    this.connected.delete(id);
    this.startGrace(iepId, participantId);
  }

  stop(): void {
    clearInterval(this.sweeper);
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }

  private startGrace(iepId: string, participantId: string): void {
    const holds = [...this.table(iepId).values()].some((lock) => lock.holderId === participantId);
    if (!holds) return;
    const id = key(iepId, participantId);
    const existing = this.graceTimers.get(id);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.graceTimers.delete(id);
      for (const [sectionId, lock] of this.table(iepId)) if (lock.holderId === participantId) this.drop(iepId, sectionId, 'disconnected', null);
    }, this.timings.graceMs);
    timer.unref();
    this.graceTimers.set(id, timer);
  }

  private expireIdle(): void {
    const now = this.now();
    for (const [iepId, table] of this.tables) {
      for (const [sectionId, lock] of table) if (lock.expiresAt <= now) this.drop(iepId, sectionId, 'idle', null);
    }
  }

  /** Releasing never touches the section's content: whatever the holder wrote stays. */
  private drop(iepId: string, sectionId: string, reason: ReleaseReason, actor: string | null): void {
    const lock = this.lockOf(iepId, sectionId);
    if (!lock) return;
    this.table(iepId).delete(sectionId);
    this.rooms.writeAsServer(iepId, MEETING_DOC, (doc) => {
      locksMap(doc).delete(sectionId);
      if (reason === 'idle') appendNotice(doc, { to: lock.holderId, kind: 'lock-expired', sectionId, byName: '' }, this.now());
    });
    this.audit.record({ actor, iepId, action: 'lock.released', detail: { section: sectionId, holder: lock.holderId, reason } });
  }

  private write(iepId: string, sectionId: string, lock: SectionLock): void {
    this.table(iepId).set(sectionId, lock);
    this.rooms.writeAsServer(iepId, MEETING_DOC, (doc) => locksMap(doc).set(sectionId, lock));
  }

  private notify(iepId: string, notice: Omit<MeetingNotice, 'id' | 'at'>): void {
    this.rooms.writeAsServer(iepId, MEETING_DOC, (doc) => appendNotice(doc, notice, this.now()));
  }

  /** The plan's lock table, read from the meeting doc the first time; holders not connected then get the grace period. */
  private table(iepId: string): Map<string, SectionLock> {
    let table = this.tables.get(iepId);
    if (table) return table;
    table = new Map();
    this.tables.set(iepId, table);
    const loaded = table;
    this.rooms.readAsServer(iepId, MEETING_DOC, (doc) => {
      for (const [sectionId, lock] of locksMap(doc).entries()) loaded.set(sectionId, lock);
    });
    for (const holderId of new Set([...loaded.values()].map((lock) => lock.holderId))) {
      if ((this.connected.get(key(iepId, holderId)) ?? 0) === 0) this.startGrace(iepId, holderId);
    }
    return table;
  }
}

const ALLOW_OUTCOME: LockOutcome = { ok: true };

function key(iepId: string, participantId: string): string {
  return `${iepId}\u0000${participantId}`;
}

function appendNotice(doc: Parameters<typeof noticesArray>[0], notice: Omit<MeetingNotice, 'id' | 'at'>, at: number): void {
  const notices = noticesArray(doc);
  notices.push([{ ...notice, id: newId(), at }]);
  if (notices.length > NOTICES_KEPT) notices.delete(0, notices.length - NOTICES_KEPT);
}
