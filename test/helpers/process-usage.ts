// What another process on this machine costs: its CPU time and resident memory, read from /proc (Linux).

import fs from 'node:fs';

/** CPU time (user + system) the process has used so far, in ms. */
export function cpuTimeMs(pid: number): number {
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

/** Resident memory of the process, in bytes. */
export function residentBytes(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((each) => each.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}
