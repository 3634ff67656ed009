// Concord as the server under test: `node --import tsx server/main.ts` on a copy of the fixture's DATA_DIR, pinned to core 0,
// with the Node flags `npm start` gives a server confined to one core.

import type { Contender } from './contender';
import { SERVER_CORE } from './contender';
import { ConcordClient } from '../load/raw-client';
import { copyDataDir } from '../setup/fixture';
import { ServerProcess } from './server-process';
import { serverNodeFlags } from '../../server/launch-flags';

export const concord: Contender = {
  name: 'concord',
  description: 'Concord server/main.ts (SQLite, synchronous=FULL; multiplexed socket per participant; GC on the event loop, as `npm start` runs it on one core)',
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
      nodeFlags: [
        ...serverNodeFlags(1, process.env.CONCORD_SINGLE_THREADED_GC),
        ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
      ],
    }),
  client: (server, plan, seat, sink, replyToStep1) =>
    new ConcordClient({ port: server.port, planId: plan.id, docs: plan.docs, cookie: plan.cookies[seat], sink, replyToStep1 }),
};
