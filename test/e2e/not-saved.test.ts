// A teacher types while the server's disk refuses writes: the page says "not saved" in plain words, keeps the text, and saves it after.

import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withDemoInBrowser } from '../helpers/browser';
import { connectDoc, waitForDoc } from '../helpers/collab-client';
import { allowWrites, refuseWrites } from '../helpers/disk-limit';
import { proseSection, proseText } from '../helpers/plan-fixtures';
import { inviteFor, type RunningServer, signIn } from '../helpers/server';

const { section, part } = proseSection();
let server: RunningServer;
let browser: Browser;

withDemoInBrowser(
  (started, launched) => {
    server = started;
    browser = launched;
  },
  { CONCORD_STORAGE_RETRY_MS: '200' },
);

async function openAs(rolePattern: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(inviteFor(server, rolePattern).url);
  await page.waitForURL(/\/ieps\//);
  await page.goto(`${page.url().split('#')[0]}#${section.id}`);
  await page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`).waitFor();
  return page;
}

describe('not saved, in the browser', () => {
  it('while storage fails the status line says the text is not saved and the text stays on screen; once it works the text is stored', async () => {
    const page = await openAs(/General education teacher/i);
    const status = page.locator('[data-testid="connection-status"]');
    await page.locator('[data-testid="connection-status"][data-status="open"]').waitFor();
    const editor = page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`);
    await editor.click();
    await page.keyboard.press('Control+End');

    refuseWrites(server.pid);
    try {
      const words = `Typed while saving failed ${Date.now()}`;
      await page.keyboard.type(` ${words}`);
      await page.locator('[data-testid="connection-status"][data-status="not-saved"]').waitFor({ timeout: 5_000 });
      await expect(status.textContent()).resolves.toMatch(/Not saved.*your text stays on this screen/);
      await expect(editor.textContent()).resolves.toContain(words);

      allowWrites(server.pid);
      await page.locator('[data-testid="connection-status"][data-status="open"]').waitFor({ timeout: 10_000 });
      await expect(editor.textContent()).resolves.toContain(words);
      const { cookie, iepId } = await signIn(inviteFor(server, /facilitator/i));
      const reader = connectDoc(server.url, iepId, section.id, cookie);
      try {
        await reader.synced;
        await waitForDoc(reader.doc, () => proseText(reader.doc, part).includes(words));
      } finally {
        reader.destroy();
      }
    } finally {
      allowWrites(server.pid);
      await page.context().close();
    }
  });
});
