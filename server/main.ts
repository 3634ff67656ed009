// The Concord server process: `npm start` runs this after the client is built.

import { createServer } from './app';
import { bootstrapAdmin } from './auth/bootstrap-admin';
import { readConfig } from './config';
import { ensureDemo } from './demo/seed-demo';

const config = readConfig();
const server = createServer(config);
if (await bootstrapAdmin(server.context.users, server.context.audit, process.env.CONCORD_ADMIN_EMAIL, process.env.CONCORD_ADMIN_PASSWORD)) {
  console.log('Created the administrator account from CONCORD_ADMIN_EMAIL.');
}
const port = await server.listen();
const baseUrl = config.publicUrl ?? `http://localhost:${port}`;

console.log(`Concord is listening on port ${port} (data in ${config.dataDir})`);
if (config.demo) {
  const links = ensureDemo(server.context, baseUrl);
  if (links.length > 0) {
    console.log('\nDemo IEP: open a link per person (each in its own browser profile or private window):');
    // Roles only: names of a student's team are part of the record and stay out of logs.
    for (const link of links) console.log(`  ${link.roles}:\n    ${link.url}`);
    console.log('');
  }
}
console.log(`Concord ready at ${baseUrl}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing sockets and flushing storage`);
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
