// The one browser launcher for tests: Debian's Chromium, headless, with nothing that phones home.

import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { removeTempDirs, type RunningServer, startServer } from './server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Playwright gives every launch a fresh, temporary profile directory and removes it on close. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The demo server and one browser for a whole test file: started before its tests, stopped after, temp data removed.
 * `ready` hands both to the file's own variables.
 */
export function withDemoInBrowser(ready: (server: RunningServer, browser: Browser) => void, env?: Readonly<Record<string, string>>): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ env });
    browser = await launchBrowser();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeTempDirs();
  });
}
