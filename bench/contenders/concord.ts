// Concord as the server under test: `node --import tsx server/main.ts` on a copy of the fixture's DATA_DIR, pinned to core 0.

import type { Contender } from './contender';
import { SERVER_CORE } from './contender';
import { ConcordClient } from '../load/raw-client';
import { copyDataDir } from '../setup/fixture';
import { ServerProcess } from './server-process';

export const concord: Contender = {
  name: 'concord',
  description: 'Concord server/main.ts (SQLite, synchronous=FULL; multiplexed socket per participant)',
  socketsPerParticipant: 1,
  clientSetsPresenceUser: false,
  start: (fixture, options = {}) =>
    ServerProcess.start({
      name: 'concord',
      script: ['server/main.ts'],
      core: SERVER_CORE,
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: copyDataDir(fixture),
        CONCORD_DEMO: '0',
        ...(options.idleUnloadMs !== undefined ? { CONCORD_IDLE_UNLOAD_MS: String(options.idleUnloadMs) } : {}),
      },
      ready: /Concord ready at http:\/\/[^:]+:(\d+)/,
      nodeFlags: options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
    }),
  client: (server, plan, seat, sink, replyToStep1) =>
    new ConcordClient({ port: server.port, planId: plan.id, docs: plan.docs, cookie: plan.cookies[seat], sink, replyToStep1 }),
};
