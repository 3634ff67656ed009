// Wires storage, auth, the collaboration gateway and the HTTP routes into one server on one port.

import http from 'node:http';
import express from 'express';
import { errorBody } from '../shared/protocol/errors';
import { AuditLog } from './auth/audit';
import { OriginPolicy } from './auth/origin';
import { Sessions } from './auth/sessions';
import { Rooms } from './collab/rooms';
import { PlanStatuses } from './collab/plan-statuses';
import { SectionLocks } from './collab/section-locks';
import { CollabGateway } from './collab/upgrade';
import type { Config } from './config';
import { type AppContext, originGuard } from './http/context';
import { auditRouter } from './http/audit';
import { commentsRouter } from './http/comments';
import { exportRouter } from './http/export';
import { httpTimeouts } from './http/http-timeouts';
import { joinRouter } from './http/join';
import { locksRouter } from './http/locks';
import { participantsRouter } from './http/participants';
import { sessionRouter } from './http/session';
import { signoffsRouter } from './http/signoffs';
import { usersRouter } from './http/users';
import { openapiRouter } from './http/openapi';
import { plansRouter } from './http/plans';
import { securityHeaders } from './http/security-headers';
import { staticClientRouter } from './http/static-client';
import { answerStorageFailure, refuseChangesWhileStorageFails } from './http/storage-guard';
import { openDatabase } from './store/database';
import { ClientIds } from './store/client-ids';
import { CrashPoints } from './store/crash-points';
import { DocLog } from './store/doc-log';
import { ExportRenderer } from './export/export-renderer';
import { Checkpointer } from './store/checkpointer';
import { GroupCommit } from './store/group-commit';
import { Plans } from './store/plans';
import { RecordLog } from './store/record-log';
import { StorageHealth } from './store/storage-health';
import { Users } from './store/users';
import { WalSync } from './store/wal-sync';

export interface ConcordServer {
  readonly context: AppContext;
  readonly app: express.Express;
  readonly http: http.Server;
  readonly gateway: CollabGateway;
  listen(): Promise<number>;
  /** Stops accepting, closes every socket with 1001, compacts live docs and closes the database. */
  stop(): Promise<void>;
}

export function createServer(config: Config): ConcordServer {
  const db = openDatabase(config.dataDir);
  const plans = new Plans(db);
  const users = new Users(db);
  const storage = new StorageHealth(db, config.storageRetryMs);
  const crashes = new CrashPoints(config.crashPoint);
  const log = new DocLog(db, storage, crashes);
  const sessions = new Sessions(db, config.invitationTtlMs);
  const audit = new AuditLog(db, storage);
  // Syncs and checkpoints of the log run on their own threads: the event loop never waits for the disk while meetings type.
  db.pragma('wal_autocheckpoint = 0');
  const walSync = new WalSync(`${db.name}-wal`);
  const commits = new GroupCommit(log, { windowMs: config.commitWindowMs, walSync, onSyncFailed: (error) => storage.noteFailure(error), crashes, onStored: (count) => checkpointer.noteAppended(count) });
  const checkpointer = new Checkpointer(db.name, commits, {
    everyMs: 1_000,
    everyUpdates: 1_000,
    atLeastEveryMs: 30_000,
    restartFrames: 4_096,
    pauseLimitMs: 1_000,
    onFailure: (code) => console.error(`storage: a checkpoint failed (${code}); the log grows until checkpoints work again`),
  });
  const rooms = new Rooms(plans, log, new ClientIds(db, storage), commits, { compactEvery: config.compactEvery, idleUnloadMs: config.idleUnloadMs, maxLiveDocs: config.maxLiveDocs });
  const origins = new OriginPolicy(config.extraOrigins);
  const locks = new SectionLocks(rooms, plans, audit, { graceMs: config.lockGraceMs, idleMs: config.lockIdleMs });
  const statuses = new PlanStatuses(plans);
  const gateway = new CollabGateway({ rooms, plans, sessions, audit, origins, locks, statuses, maxFrameBytes: config.maxFrameBytes, maxBufferedBytes: config.maxBufferedBytes, maxSocketsPerParticipant: config.maxSocketsPerParticipant, maxSocketsPerUser: config.maxSocketsPerUser, heartbeatMs: config.heartbeatMs, storage });
  const context: AppContext = {
    db,
    plans,
    users,
    log,
    sessions,
    audit,
    rooms,
    gateway,
    locks,
    statuses,
    record: new RecordLog(db),
    exports: new ExportRenderer(),
    origins,
    publicUrl: config.publicUrl,
    secureCookies: config.publicUrl?.startsWith('https:') ?? false,
  };
  let accepting = false;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  app.get('/healthz', (_request, response) => {
    if (accepting) response.json({ ok: true });
    else response.status(503).json(errorBody('SHUTTING_DOWN'));
  });
  app.use(express.json({ limit: '256kb' }));
  app.use(originGuard(context));
  app.use(refuseChangesWhileStorageFails(storage));
  app.use(openapiRouter());
  app.use(joinRouter(context));
  app.use(sessionRouter(context));
  app.use(usersRouter(context));
  app.use(plansRouter(context));
  app.use(participantsRouter(context));
  app.use(auditRouter(context));
  app.use(locksRouter(context));
  app.use(signoffsRouter(context));
  app.use(commentsRouter(context));
  app.use(exportRouter(context));
  app.use('/api', (_request, response) => {
    response.status(404).json(errorBody('NOT_FOUND'));
  });
  app.use(staticClientRouter(config.clientDir));
  app.use(answerStorageFailure(storage));
  app.use((error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500) response.status(status).json(errorBody('BAD_REQUEST'));
    else response.status(500).json(errorBody('INTERNAL'));
  });

  const server = http.createServer(httpTimeouts(config.handshakeTimeoutMs), app);
  server.on('upgrade', (request, socket, head) => gateway.handleUpgrade(request, socket, head));

  return {
    context,
    app,
    http: server,
    gateway,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          accepting = true;
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    stop: async () => {
      accepting = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      gateway.closeAll();
      locks.stop();
      server.closeAllConnections();
      await closed;
      await context.exports.close();
      storage.stop();
      context.rooms.unloadAll();
      audit.flush();
      await walSync.close();
      await checkpointer.close();
      db.close();
    },
  };
}
