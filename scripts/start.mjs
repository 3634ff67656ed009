// `npm start`: builds the client if it is missing, then runs the server in this process (signals reach it directly),
// or, when the server needs Node flags this process was not started with, in a child that gets them.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { register } from 'tsx/esm/api';

if (!existsSync('dist/client/index.html')) {
  console.log('Building the client (first start only)…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
register();
const { serverNodeFlags } = await import('../server/launch-flags.ts');
const missing = serverNodeFlags(os.availableParallelism(), process.env.CONCORD_SINGLE_THREADED_GC).filter((flag) => !process.execArgv.includes(flag));
if (missing.length === 0) {
  await import('../server/main.ts');
} else {
  const child = spawn(process.execPath, [...missing, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  // The child shuts down on these itself; this process only waits for it (Ctrl-C reaches both).
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
