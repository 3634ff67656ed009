// The reference: @y/websocket-server 0.1.1 with its stock y-leveldb persistence, seeded with the same doc bytes as Concord.

import path from 'node:path';
import { LeveldbPersistence } from 'y-leveldb';
import { ReferenceClient } from '../load/raw-client';
import type { Contender, Fixture } from './contender';
import { SERVER_CORE } from './contender';
import { ServerProcess } from './server-process';

let seeded = 0;

/** Writes every doc of the fixture into a fresh LevelDB store under the names the reference serves (`<plan>/<doc>`). */
async function seedStore(fixture: Fixture): Promise<string> {
  const dir = path.join(fixture.workDir, `reference-leveldb-${++seeded}`);
  const store = new LeveldbPersistence(dir);
  try {
    for (const [planId, docs] of fixture.content) {
      for (const [doc, content] of docs) {
        for (const update of content.updates) await store.storeUpdate(`${planId}/${doc}`, update);
      }
    }
  } finally {
    await store.destroy();
  }
  return dir;
}

export const reference: Contender = {
  name: 'reference',
  description: '@y/websocket-server 0.1.1 utils (y-leveldb persistence; one socket per participant and doc; no auth)',
  socketsPerParticipant: 13,
  clientSetsPresenceUser: true,
  start: async (fixture, options = {}) =>
    ServerProcess.start({
      name: 'reference',
      script: ['bench/contenders/reference-server.ts'],
      core: SERVER_CORE,
      env: { PORT: '0', HOST: '127.0.0.1', YPERSISTENCE: await seedStore(fixture) },
      ready: /reference listening on port (\d+)/,
      nodeFlags: options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
    }),
  client: (server, plan, _seat, sink, replyToStep1) =>
    new ReferenceClient({ port: server.port, planId: plan.id, docs: plan.docs, sink, replyToStep1 }),
};
