// The run's identity: date, machine, Node and the versions of the libraries the servers are built on.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../contenders/server-process';

function versionOf(name: string): string {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string };
    return json.version ?? '?';
  } catch {
    return 'not installed';
  }
}

export interface RunHeader {
  readonly date: string;
  readonly node: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly cpu: string;
  readonly cores: number;
  readonly profile: string;
  readonly pinning: string;
}

export function runHeader(profile: string): RunHeader {
  return {
    date: new Date().toISOString(),
    node: process.version,
    versions: {
      yjs: versionOf('yjs'),
      ws: versionOf('ws'),
      '@y/websocket-server': versionOf('@y/websocket-server'),
      'y-protocols': versionOf('y-protocols'),
      'y-leveldb': versionOf('y-leveldb'),
      'better-sqlite3': versionOf('better-sqlite3'),
      '@hocuspocus/server': versionOf('@hocuspocus/server'),
    },
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    profile,
    pinning: 'server under test on core 0 (taskset -c 0), load generator on core 1',
  };
}

export function formatHeader(header: RunHeader): string {
  const v = header.versions;
  return [
    `Concord benchmark, ${header.profile} profile, ${header.date}`,
    `Node ${header.node}; yjs ${v.yjs}, ws ${v.ws}, @y/websocket-server ${v['@y/websocket-server']} (y-leveldb ${v['y-leveldb']}), @hocuspocus/server ${v['@hocuspocus/server']}, y-protocols ${v['y-protocols']}, better-sqlite3 ${v['better-sqlite3']}`,
    `${header.cores} × ${header.cpu}; ${header.pinning}`,
  ].join('\n');
}
