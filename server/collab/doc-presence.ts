// Who is present in one doc: each client's presence as the JSON it was stamped to (`awareness-identity`), kept, relayed
// and replayed as that text. The rules are y-protocols' Awareness rules (clocks, removal, the 30-s timeout), but the
// server never reads a state: y-protocols' Awareness parses each one, compares it deeply, stringifies it again for each
// relay, and runs a timer per doc.

import * as encoding from 'lib0/encoding';
import { MessageType, withHead } from '../../shared/protocol/messages';

/** One client's presence as sent: its clock and its state as JSON (`null` removes it). */
export interface PresenceEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly json: string;
}

/** y-protocols' `outdatedTimeout`: a client not heard from for this long is gone (clients renew every 15 s). */
export const PRESENCE_TIMEOUT_MS = 30_000;

const NULL_STATE = 'null';

export class DocPresence<Owner> {
  /** Present clients' states. */
  private readonly states = new Map<number, string>();
  /** Every client ever seen here, present or removed: its clock and when it was last heard from. */
  private readonly meta = new Map<number, { clock: number; updatedAt: number }>();
  /** The clients each owner (a subscriber) has set: removed when it leaves. */
  private readonly owned = new Map<Owner, Set<number>>();
  /** Changes not yet relayed: client id -> who made the change (null: the server). */
  private readonly pending = new Map<number, Owner | null>();

  /** Applies an update as y-protocols does (newer clocks win; a null state at the same clock removes); whether anything was taken. */
  apply(entries: readonly PresenceEntry[], from: Owner, now = Date.now()): boolean {
    let taken = false;
    for (const { clientId, clock, json } of entries) {
      const known = this.meta.get(clientId);
      const removing = json === NULL_STATE;
      if (!(known === undefined || known.clock < clock || (known.clock === clock && removing && this.states.has(clientId)))) continue;
      this.meta.set(clientId, { clock, updatedAt: now });
      // A removal of a client never seen here changes nothing anyone holds (y-protocols does not relay it either).
      if (removing && known === undefined) continue;
      let mine = this.owned.get(from);
      if (!mine) this.owned.set(from, (mine = new Set()));
      if (removing) {
        this.states.delete(clientId);
        mine.delete(clientId);
      } else {
        this.states.set(clientId, json);
        mine.add(clientId);
      }
      this.pending.set(clientId, from);
      taken = true;
    }
    return taken;
  }

  /** Removes what `owner` set (it left); whether anything was removed. */
  removeOwner(owner: Owner, now = Date.now()): boolean {
    const mine = this.owned.get(owner);
    this.owned.delete(owner);
    return mine ? this.remove([...mine], now) : false;
  }

  /** Removes clients not heard from within the timeout; whether any were. */
  expire(now = Date.now()): boolean {
    const outdated: number[] = [];
    for (const clientId of this.states.keys()) {
      const known = this.meta.get(clientId);
      if (known && now - known.updatedAt >= PRESENCE_TIMEOUT_MS) outdated.push(clientId);
    }
    return this.remove(outdated, now);
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * The awareness message of every change since the last call, and the one who made them all (null if several or the
   * server): a sender knows its own presence, and echoing it would be an eighth of a meeting's presence traffic.
   */
  takePending(): { readonly message: Uint8Array; readonly only: Owner | null } | null {
    if (this.pending.size === 0) return null;
    const origins = new Set(this.pending.values());
    const message = this.encode(this.pending.keys());
    this.pending.clear();
    return { message, only: origins.size === 1 ? ([...origins][0] ?? null) : null };
  }

  get isEmpty(): boolean {
    return this.states.size === 0;
  }

  /** An awareness message of everyone present (for a joiner, and the answer to a query). */
  snapshot(): Uint8Array {
    return this.encode(this.states.keys());
  }

  private remove(clientIds: readonly number[], now: number): boolean {
    let removed = false;
    for (const clientId of clientIds) {
      if (!this.states.delete(clientId)) continue;
      const known = this.meta.get(clientId);
      this.meta.set(clientId, { clock: (known?.clock ?? 0) + 1, updatedAt: now });
      for (const mine of this.owned.values()) mine.delete(clientId);
      this.pending.set(clientId, null);
      removed = true;
    }
    return removed;
  }

  private encode(clientIds: Iterable<number>): Uint8Array {
    const encoder = encoding.createEncoder();
    const ids = [...clientIds];
    encoding.writeVarUint(encoder, ids.length);
    for (const clientId of ids) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, this.meta.get(clientId)?.clock ?? 0);
      encoding.writeVarString(encoder, this.states.get(clientId) ?? NULL_STATE);
    }
    return withHead(MessageType.AWARENESS, encoding.toUint8Array(encoder));
  }
}
