// Starts the real Concord server as a child process on a free port with its own temp data dir; stops, kills and restarts it.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export interface DemoInvite {
  readonly roles: string;
  readonly url: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The server's process id (for reading its memory and CPU time from /proc). */
  readonly pid: number;
  /** Sign-in links the demo printed at this start. */
  readonly invites: readonly DemoInvite[];
  readonly output: () => string;
  /** Resolves when the process ends by itself or is stopped: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the crash case. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** `npm start`'s script instead of the server module itself. */
  readonly viaStartScript?: boolean;
  /**
   * The same server code bundled once into one ESM file (dependencies stay external), started with plain node: about
   * twice as fast to start as through tsx, for tests that restart the server dozens of times.
   */
  readonly bundled?: boolean;
  readonly dataDir?: string;
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const tempDirs: string[] = [];

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-test-'));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  bundle = undefined;
}

let bundle: Promise<string> | undefined;

/** Builds the bundle under dist/ (inside the repository, so its imports resolve to node_modules); removed with the temp dirs. */
function bundledServer(): Promise<string> {
  bundle ??= (async () => {
    const outDir = path.join(ROOT, 'dist', 'test-server', `${process.pid}-${Date.now()}`);
    tempDirs.push(outDir);
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      build: { ssr: 'server/main.ts', outDir, emptyOutDir: false, target: 'node20', minify: false, rollupOptions: { output: { format: 'esm', entryFileNames: 'main.mjs' } } },
    });
    return path.join(outDir, 'main.mjs');
  })();
  return bundle;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const entry = options.viaStartScript ? ['scripts/start.mjs'] : options.bundled ? [await bundledServer()] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const exited = ended.then(({ code }) => code);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const check = () => {
      const ready = /Concord ready at /.test(output);
      const match = /listening on port (\d+)/.exec(output);
      if (ready && match) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const invites = [...output.matchAll(/^ {2}(.+):\n {4}(http\S+)$/gm)].map(([, roles = '', link = '']) => ({
    roles,
    url: link.replace(/^http:\/\/localhost:\d+/, url),
  }));
  return {
    url,
    port,
    dataDir,
    pid: child.pid ?? 0,
    invites,
    output: () => output,
    exited: ended,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Follows an invitation link like a browser and returns the session cookie it set. */
export async function signIn(invite: DemoInvite): Promise<{ cookie: string; iepId: string }> {
  const response = await fetch(invite.url, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const location = response.headers.get('location') ?? '';
  const iepId = decodeURIComponent(location.replace(/^\/ieps\//, ''));
  if (response.status !== 303 || !cookie || !iepId) throw new Error(`sign-in failed: ${response.status}`);
  return { cookie, iepId };
}

export function inviteFor(server: RunningServer, rolePattern: RegExp): DemoInvite {
  const invite = server.invites.find((each) => rolePattern.test(each.roles));
  if (!invite) throw new Error(`no demo participant matches ${rolePattern}; invites: ${server.invites.map((each) => each.roles).join(' | ')}`);
  return invite;
}
