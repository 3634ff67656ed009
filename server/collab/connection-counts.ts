// How many collaboration sockets each participant and each person holds, and whether one more is allowed.

/** Whose socket it is: the participant on one plan, and the person behind it across every plan they are on. */
export interface SocketOwner {
  readonly participantId: string;
  /** A staff account's user id; someone invited by link is known only as their participant. */
  readonly person: string;
}

export type ConnectionLimit = 'participant' | 'person';

export interface ConnectionLimits {
  readonly perParticipant: number;
  /** A staff account joins many plans, each as a different participant: this caps them all together. */
  readonly perPerson: number;
}

export class ConnectionCounts {
  private readonly ofParticipant = new Map<string, number>();
  private readonly ofPerson = new Map<string, number>();

  constructor(readonly limits: ConnectionLimits) {}

  /** The limit one more socket would pass, or null if it may open. */
  exceeded(owner: SocketOwner): ConnectionLimit | null {
    if ((this.ofParticipant.get(owner.participantId) ?? 0) >= this.limits.perParticipant) return 'participant';
    if ((this.ofPerson.get(owner.person) ?? 0) >= this.limits.perPerson) return 'person';
    return null;
  }

  opened(owner: SocketOwner): void {
    add(this.ofParticipant, owner.participantId, 1);
    add(this.ofPerson, owner.person, 1);
  }

  closed(owner: SocketOwner): void {
    add(this.ofParticipant, owner.participantId, -1);
    add(this.ofPerson, owner.person, -1);
  }

  /** People with at least one socket open: zero counts are forgotten, so churn leaves nothing behind. */
  get trackedPeople(): number {
    return this.ofPerson.size;
  }
}

function add(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}
