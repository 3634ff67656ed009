// The server's settings, read once from the environment (see the README's configuration table).

import path from 'node:path';
import { type CrashPointSetting, parseCrashPoint } from './store/crash-points';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly clientDir: string;
  readonly demo: boolean;
  readonly extraOrigins: readonly string[];
  readonly maxFrameBytes: number;
  readonly compactEvery: number;
  readonly commitWindowMs: number;
  readonly idleUnloadMs: number;
  readonly maxLiveDocs: number;
  readonly publicUrl: string | null;
  readonly invitationTtlMs: number;
  readonly maxBufferedBytes: number;
  readonly maxSocketsPerParticipant: number;
  readonly maxSocketsPerUser: number;
  readonly handshakeTimeoutMs: number;
  /** Every socket is pinged this often; one silent for a whole interval after a ping is dropped. */
  readonly heartbeatMs: number;
  readonly lockGraceMs: number;
  readonly lockIdleMs: number;
  /** After a failed write, how often storage is tried again before changes are accepted once more. */
  readonly storageRetryMs: number;
  /** Test-only: where the process kills itself (see store/crash-points). */
  readonly crashPoint: CrashPointSetting | null;
}

function integer(value: string | undefined, fallback: number): number {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    clientDir: path.resolve(env.CONCORD_CLIENT_DIR ?? 'dist/client'),
    demo: env.CONCORD_DEMO !== '0',
    extraOrigins: (env.CONCORD_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    maxFrameBytes: integer(env.CONCORD_MAX_FRAME_BYTES, 8 * 1024 * 1024),
    compactEvery: Math.max(1, integer(env.CONCORD_COMPACT_EVERY, 500)),
    // 20: at 100 meetings typing, ~50 syncs a second instead of ~130, ~15 % less CPU for ~10 ms more delivery delay.
    commitWindowMs: Math.min(50, integer(env.CONCORD_COMMIT_WINDOW_MS, 20)),
    idleUnloadMs: integer(env.CONCORD_IDLE_UNLOAD_MS, 60_000),
    maxLiveDocs: Math.max(1, integer(env.CONCORD_MAX_LIVE_DOCS, 20_000)),
    publicUrl: env.CONCORD_PUBLIC_URL || null,
    invitationTtlMs: integer(env.CONCORD_INVITATION_TTL_MS, 14 * 24 * 60 * 60 * 1000),
    maxBufferedBytes: integer(env.CONCORD_MAX_BUFFERED_BYTES, 1024 * 1024),
    maxSocketsPerParticipant: Math.max(1, integer(env.CONCORD_MAX_SOCKETS_PER_PARTICIPANT, 32)),
    maxSocketsPerUser: Math.max(1, integer(env.CONCORD_MAX_SOCKETS_PER_USER, 64)),
    handshakeTimeoutMs: Math.max(500, integer(env.CONCORD_HANDSHAKE_TIMEOUT_MS, 10_000)),
    heartbeatMs: Math.max(100, integer(env.CONCORD_HEARTBEAT_MS, 30_000)),
    lockGraceMs: integer(env.CONCORD_LOCK_GRACE_MS, 30_000),
    lockIdleMs: Math.max(1000, integer(env.CONCORD_LOCK_IDLE_MS, 5 * 60_000)),
    storageRetryMs: Math.max(50, integer(env.CONCORD_STORAGE_RETRY_MS, 1000)),
    crashPoint: parseCrashPoint(env.CONCORD_CRASH_POINT),
  };
}
