// Another process's CPU time and resident memory, read from /proc (Linux), so the server needs no probe for them.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number.parseInt(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim(), 10) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far (utime + stime of /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; fields after it start with the state (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/** Resident set size in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Open file descriptors of a process (sockets included). */
export function openFiles(pid: number): number {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return -1;
  }
}

/** The soft limit on open files of a process. */
export function fileLimit(pid: number | 'self' = 'self'): number {
  const limits = fs.readFileSync(`/proc/${pid}/limits`, 'utf8');
  const match = /^Max open files\s+(\d+)/m.exec(limits);
  return match ? Number(match[1]) : 1024;
}

/** CPU seconds all processes of the machine have used (every core; /proc/stat busy = total − idle − iowait). */
export function machineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, ...fields] = line.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (total - idle) / clockTicks();
}

/**
 * CPU used on this machine by processes other than the server under test and this generator, in cores: other work on
 * a shared machine (builds, browsers, test runs) competes for the two pinned cores and skews latency.
 */
export class ForeignCpu {
  private readonly machine = machineBusySeconds();
  private readonly server: number;
  private readonly self = process.cpuUsage();
  private readonly start = performance.now();

  constructor(private readonly serverPid: number | null) {
    this.server = serverPid === null ? 0 : cpuSeconds(serverPid);
  }

  /** Foreign CPU in cores (0.25 = a quarter of one core on average) since construction. */
  cores(): number {
    const wall = (performance.now() - this.start) / 1000;
    const self = process.cpuUsage(this.self);
    const server = this.serverPid === null ? 0 : cpuSeconds(this.serverPid) - this.server;
    const foreign = machineBusySeconds() - this.machine - server - (self.user + self.system) / 1e6;
    return Math.max(0, Math.round((foreign / wall) * 1000) / 1000);
  }
}
