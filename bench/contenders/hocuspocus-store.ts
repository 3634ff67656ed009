// Hocuspocus's store in the benchmark: one blob per doc (Y.encodeStateAsUpdate of the whole doc, what its
// onStoreDocument writes), shared by the server script and the seeding of each run.

import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { Fixture } from './contender';

/** The stored blob of a doc (names hold a slash, so they are encoded into one file name). */
export const blobFile = (dir: string, documentName: string): string => path.join(dir, `${encodeURIComponent(documentName)}.bin`);

let seeded = 0;

/** Writes every doc of the fixture as the blob Hocuspocus itself would have stored, under `<plan>/<doc>`. */
export function seedBlobs(fixture: Fixture): string {
  const dir = path.join(fixture.workDir, `hocuspocus-store-${++seeded}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [planId, docs] of fixture.content) {
    for (const [doc, content] of docs) {
      const loaded = new Y.Doc();
      for (const update of content.updates) Y.applyUpdate(loaded, update);
      fs.writeFileSync(blobFile(dir, `${planId}/${doc}`), Y.encodeStateAsUpdate(loaded));
      loaded.destroy();
    }
  }
  return dir;
}
