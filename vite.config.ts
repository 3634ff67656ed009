// Builds the meeting-room client from client/ and runs every test under test/ (`npm run soak`: the long runs in test/soak/).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const serverPort = process.env.PORT ?? '3000';
const soak = process.env.CONCORD_SOAK === '1';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/join': `http://localhost:${serverPort}`,
      '/healthz': `http://localhost:${serverPort}`,
      '/collab': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    include: soak ? ['test/soak/**/*.soak.ts'] : ['test/**/*.test.ts'],
    testTimeout: soak ? 1_800_000 : 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
