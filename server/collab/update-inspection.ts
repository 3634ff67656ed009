// Reads a client's update in full without applying it: proves it is well-formed and names the Yjs clients it writes as.

import * as Y from 'yjs';

/** An update's structs and delete set as `Y.decodeUpdate` reads them: parsed once, judged from here on. */
export type ParsedUpdate = ReturnType<typeof Y.decodeUpdate>;

export interface InspectedUpdate {
  /** The client ids whose new content the update carries. */
  readonly clients: Set<number>;
  readonly parsed: ParsedUpdate;
}

/**
 * The update parsed, or null if it does not parse. Parsing everything first matters: Yjs integrates structs before it
 * reads the delete set, so a bad tail would otherwise half-apply. Only the V1 decoder ever sees client bytes (the V2
 * decoder can hang on crafted input, yjs#687).
 */
export function inspectUpdate(update: Uint8Array): InspectedUpdate | null {
  try {
    const parsed = Y.decodeUpdate(update);
    return { clients: new Set(parsed.structs.map((struct) => struct.id.client)), parsed };
  } catch {
    return null;
  }
}

/**
 * The clocks an update leaves its clients at, if it follows on from `clocks`: every struct is an item continuing its
 * client's clock, and everything it points at (origins, parents, deleted ranges) is in `clocks` or in the update itself.
 * Yjs integrates such an update in full, with nothing left pending and nothing it already had, wherever these clocks
 * are the doc's state: so it can be stored and relayed exactly as it came.
 */
export function clocksAfter(clocks: ReadonlyMap<number, number>, parsed: ParsedUpdate): Map<number, number> | null {
  const after = new Map<number, number>();
  for (const struct of parsed.structs) {
    // GC and Skip structs come only from a peer's own history or a gap: the Y.Doc decides what they mean.
    if (!(struct instanceof Y.Item)) return null;
    const { client, clock } = struct.id;
    if (clock !== (after.get(client) ?? clocks.get(client) ?? 0)) return null;
    after.set(client, clock + struct.length);
  }
  const known = (id: Y.ID) => id.clock < (after.get(id.client) ?? clocks.get(id.client) ?? 0);
  for (const struct of parsed.structs as Y.Item[]) {
    if (struct.origin && !known(struct.origin)) return null;
    if (struct.rightOrigin && !known(struct.rightOrigin)) return null;
    if (struct.parent instanceof Y.ID && !known(struct.parent)) return null;
  }
  for (const [client, ranges] of parsed.ds.clients) {
    const end = after.get(client) ?? clocks.get(client) ?? 0;
    for (const range of ranges) if (range.clock + range.len > end) return null;
  }
  return after;
}
