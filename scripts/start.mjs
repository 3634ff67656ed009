// `npm start`: builds the client if it is missing, then runs the server in this process (signals reach it directly).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (!existsSync('dist/client/index.html')) {
  console.log('Building the client (first start only)…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
register();
await import('../server/main.ts');
