// Rewrites a client's awareness update with its authenticated identity, so nobody can appear as someone else.

import * as decoding from 'lib0/decoding';
import type { PresenceUser } from '../../shared/protocol/presence';
import type { PresenceEntry } from './doc-presence';

/** A presence state larger than this is dropped: presence is a name and a few cursors, never content. */
export const MAX_AWARENESS_STATE_BYTES = 4096;

export interface StampResult {
  /** The entries this participant may set, each stamped: applied and relayed as this JSON, never parsed again. */
  readonly entries: readonly PresenceEntry[];
  readonly dropped: number;
  /** Entries that claimed an identity other than the authenticated one (rewritten, and worth an audit line). */
  readonly forged: number;
}

/**
 * `ownsClient` decides whether a Yjs client id may be used by this participant (first use claims it).
 * Entries for other people's client ids, oversized states and unparsable states are dropped.
 */
export function stampAwarenessUpdate(update: Uint8Array, user: PresenceUser, ownsClient: (clientId: number) => boolean): StampResult {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  let dropped = 0;
  let forged = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const stamped = raw.length <= MAX_AWARENESS_STATE_BYTES && ownsClient(clientId) ? stampState(raw, user) : undefined;
    if (stamped === undefined) dropped++;
    else {
      if (stamped.forged) forged++;
      entries.push({ clientId, clock, json: stamped.json });
    }
  }
  return { entries, dropped, forged };
}

function stampState(raw: string, user: PresenceUser): { json: string; forged: boolean } | undefined {
  let state: unknown;
  try {
    state = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (state === null) return { json: 'null', forged: false };
  if (typeof state !== 'object' || Array.isArray(state)) return undefined;
  const claimed = (state as { user?: unknown }).user;
  const forged = claimed !== undefined && JSON.stringify(claimed) !== JSON.stringify(user);
  return { json: JSON.stringify({ ...state, user }), forged };
}
