// The meeting room through a server restart: the status line says the connection is lost and then back, and what the
// teacher typed meanwhile reaches the server without a reload. (A sign-in that ended meanwhile: test/integration/reconnect.)

import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { connectDoc, type DocClient, waitForDoc } from '../helpers/collab-client';
import { proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer, startServer } from '../helpers/server';
import { ADMIN, member, planWithTeam } from '../helpers/team';

const { section, part } = proseSection();
const ENV = { CONCORD_ADMIN_EMAIL: ADMIN.email, CONCORD_ADMIN_PASSWORD: ADMIN.password, CONCORD_DEMO: '0' };
let server: RunningServer | undefined;
let browser: Browser | undefined;
let reader: DocClient | undefined;

afterAll(async () => {
  reader?.destroy();
  await browser?.close();
  await server?.kill();
  removeTempDirs();
});

function statusLine(page: Page, status: string) {
  return page.locator(`[data-testid="connection-status"][data-status="${status}"]`);
}

describe('the meeting room across a server restart', () => {
  it('shows the connection lost and back, and sends what was typed meanwhile', async () => {
    const first = await startServer({ env: ENV });
    server = first;
    const team = await planWithTeam(first, ['general-education-teacher']);
    const teacher = member(team, 'general-education-teacher');
    browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(teacher.inviteUrl);
    await page.waitForURL(/\/ieps\//);
    await page.goto(`${page.url().split('#')[0]}#${section.id}`);
    const editor = page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`);
    await editor.waitFor();
    await statusLine(page, 'open').waitFor({ timeout: 5_000 });

    // SIGTERM closes every socket with 1001: the page says it is reconnecting, and the editor keeps taking text.
    await first.stop();
    await statusLine(page, 'closed').waitFor({ timeout: 5_000 });
    await expect(page.getByTestId('connection-status').textContent()).resolves.toContain('reconnecting');
    const marker = `Typed while the server was away ${Date.now()}`;
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(` ${marker}`);
    const second = await startServer({ dataDir: first.dataDir, port: first.port, env: ENV });
    server = second;
    // The backoff's first windows are short: a server back within seconds sees the page within seconds.
    await statusLine(page, 'open').waitFor({ timeout: 15_000 });
    const check = connectDoc(second.url, team.iepId, section.id, team.creatorCookie);
    reader = check;
    await check.synced;
    await waitForDoc(check.doc, () => proseText(check.doc, part).includes(marker), 10_000);
    expect(errors).toEqual([]);
  }, 60_000);
});
