// A server under test as a child process pinned to its own core, with the event-loop probe preloaded; every one started
// is registered so that the benchmark stops it on success, on failure and on Ctrl-C.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const PROBE = path.join(ROOT, 'bench/metrics/event-loop-probe.ts');

export interface EventLoopDelay {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export interface SpawnOptions {
  readonly name: string;
  /** Script and its arguments, run as `node --import tsx --import <probe> ...`. */
  readonly script: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Core to pin the server to (taskset -c). */
  readonly core: number;
  /** A line that proves the server listens; its first group is the port. */
  readonly ready: RegExp;
  /** Extra node flags (for example --cpu-prof). */
  readonly nodeFlags?: readonly string[];
}

const running = new Set<ServerProcess>();

export class ServerProcess {
  private output = '';
  private nextId = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  static async start(options: SpawnOptions): Promise<ServerProcess> {
    // BENCH_SERVER_FLAGS (for example `--trace-gc`) goes to every server under test; their output lands in BENCH_SERVER_LOG.
    const extraFlags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
    const args = ['-c', String(options.core), process.execPath, ...extraFlags, ...(options.nodeFlags ?? []), '--import', 'tsx', '--import', PROBE, ...options.script];
    const child = spawn('taskset', args, {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${options.name} did not start within 60 s:\n${output}`));
      }, 60_000);
      const check = () => {
        const match = options.ready.exec(output);
        if (match) {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited with ${code} before it was ready:\n${output}`));
      });
    });
    const server = new ServerProcess(options.name, child, port);
    server.output = output;
    child.stdout?.off('data', collect);
    child.stderr?.off('data', collect);
    const logFile = process.env.BENCH_SERVER_LOG;
    if (logFile) fs.appendFileSync(logFile, output);
    const keep = (chunk: Buffer) => {
      server.append(chunk.toString());
      if (logFile) fs.appendFileSync(logFile, chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: { id?: number }) => {
      const resolve = message && typeof message.id === 'number' ? server.waiting.get(message.id) : undefined;
      if (resolve && message.id !== undefined) {
        server.waiting.delete(message.id);
        resolve(message);
      }
    });
    running.add(server);
    void server.exited.then(() => running.delete(server));
    return server;
  }

  /** The pid of the server itself (taskset execs node in place). */
  get pid(): number {
    const pid = this.child.pid;
    if (pid === undefined) throw new Error(`${this.name} has no pid`);
    return pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  log(): string {
    return this.output;
  }

  private append(text: string): void {
    this.output += text;
    if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
  }

  private ask(probe: 'reset' | 'read' | 'profile-start' | 'profile-stop', extra: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, 10_000);
      this.waiting.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
      this.child.send({ probe, id, ...extra });
    });
  }

  async resetEventLoopDelay(): Promise<void> {
    await this.ask('reset');
  }

  /** Event-loop delay since the last reset, in ms, beyond the probe's 10 ms sampling interval; null if it did not answer. */
  async readEventLoopDelay(): Promise<EventLoopDelay | null> {
    const answer = (await this.ask('read')) as (EventLoopDelay & { probe: string }) | null;
    if (!answer) return null;
    const beyond = (ms: number) => Math.max(0, Math.round((ms - 10) * 1000) / 1000);
    return { count: answer.count, p50: beyond(answer.p50), p99: beyond(answer.p99), max: beyond(answer.max), mean: beyond(answer.mean) };
  }

  /** Starts V8's CPU profiler inside the server (through the preloaded probe's inspector session). */
  async startCpuProfile(): Promise<void> {
    await this.ask('profile-start');
  }

  /** Stops the profiler and has the server write the .cpuprofile to `file`. */
  async stopCpuProfile(file: string): Promise<boolean> {
    const answer = (await this.ask('profile-stop', { file })) as { ok?: boolean } | null;
    return answer?.ok === true;
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 20_000): Promise<number | null> {
    if (this.alive) this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (this.alive) this.child.kill('SIGKILL');
    }, graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  killNow(): void {
    if (this.alive) this.child.kill('SIGKILL');
  }
}

/** Stops every server still running (the benchmark's finally and signal handlers). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop(5_000)));
}

/** Last resort at process exit: synchronous kills only. */
export function killAllServersNow(): void {
  for (const server of running) server.killNow();
}
