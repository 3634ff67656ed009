// Two teachers in two browsers on the demo IEP: one types, the other sees the text, the caret and the presence within a second.

import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withDemoInBrowser } from '../helpers/browser';
import { proseSection } from '../helpers/plan-fixtures';
import { inviteFor, type RunningServer } from '../helpers/server';

const { section, part } = proseSection();
let server: RunningServer;
let browser: Browser;

withDemoInBrowser((started, launched) => {
  server = started;
  browser = launched;
});

async function openAs(rolePattern: RegExp): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inviteFor(server, rolePattern).url);
  await page.waitForURL(/\/ieps\//);
  await page.goto(`${page.url().split('#')[0]}#${section.id}`);
  await page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`).waitFor();
  expect(errors).toEqual([]);
  return page;
}

describe('co-editing in the browser', () => {
  it('text typed in one page appears in the other within a second, with the caret and presence of its author', async () => {
    const caseManager = await openAs(/facilitator/i);
    const teacher = await openAs(/General education teacher/i);
    const editor = caseManager.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`);
    await editor.click();
    await caseManager.keyboard.press('Control+End');
    const marker = `Typed live ${Date.now()}`;
    await caseManager.keyboard.type(` ${marker}`);

    const started = Date.now();
    await teacher.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`, { hasText: marker }).waitFor({ timeout: 1_000 });
    expect(Date.now() - started).toBeLessThan(1_000);

    const caret = teacher.locator(`[data-testid="editor-${section.id}-${part.id}"] .collab-caret`);
    await caret.first().waitFor({ timeout: 2_000 });
    await expect(caret.first().textContent()).resolves.toContain('Jordan Ellis');
    await teacher.locator('[data-testid="presence-list"]', { hasText: 'Jordan Ellis' }).waitFor({ timeout: 2_000 });
    await teacher.locator(`[data-testid="section-${section.id}"]`, { hasText: /JE|Jordan/ }).waitFor({ timeout: 2_000 });
  });
});
