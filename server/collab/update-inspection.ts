// Reads a client's update in full without applying it: proves it is well-formed and names the Yjs clients it writes as.

import * as Y from 'yjs';

/**
 * The client ids whose new content the update carries, or null if the update does not parse. Parsing everything
 * first matters: Yjs integrates structs before it reads the delete set, so a bad tail would otherwise half-apply.
 * Only the V1 decoder ever sees client bytes (the V2 decoder can hang on crafted input, yjs#687).
 */
export function updateClients(update: Uint8Array): Set<number> | null {
  try {
    const { structs } = Y.decodeUpdate(update);
    return new Set(structs.map((struct) => struct.id.client));
  } catch {
    return null;
  }
}
