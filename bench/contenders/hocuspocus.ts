// Hocuspocus (@hocuspocus/server 3.4.4; 4.x needs Node 22) as a contender: its own Server with whole-doc blobs stored
// on its default debounce, seeded with the same doc bytes as the others, pinned to core 0 like them.

import { HocuspocusClient } from '../load/raw-client';
import type { Contender } from './contender';
import { SERVER_CORE } from './contender';
import { seedBlobs } from './hocuspocus-store';
import { ServerProcess } from './server-process';

export const hocuspocus: Contender = {
  name: 'hocuspocus',
  description: '@hocuspocus/server 3.4.4 Server (whole-doc blob per doc on its 2 s store debounce; multiplexed socket per participant; no auth hook)',
  socketsPerParticipant: 1,
  clientSetsPresenceUser: true,
  start: (fixture, options = {}) =>
    ServerProcess.start({
      name: 'hocuspocus',
      script: ['bench/contenders/hocuspocus-server.ts'],
      core: SERVER_CORE,
      env: { PORT: '0', HOST: '127.0.0.1', HOCUSPOCUS_STORE: seedBlobs(fixture) },
      ready: /hocuspocus listening on port (\d+)/,
      nodeFlags: options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
    }),
  client: (server, plan, _seat, sink, replyToStep1) =>
    new HocuspocusClient({ port: server.port, planId: plan.id, docs: plan.docs, sink, replyToStep1 }),
  loadedDocs: async (server) => {
    const response = await fetch(`http://127.0.0.1:${server.port}/loaded-documents`);
    return Number(await response.text());
  },
};
