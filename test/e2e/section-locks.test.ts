// Section locks in two browsers: a claim reaches the other page within a second, and words that lose the race come back as a draft.

import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withDemoInBrowser } from '../helpers/browser';
import { proseSection } from '../helpers/plan-fixtures';
import { inviteFor, type RunningServer } from '../helpers/server';

const { section, part } = proseSection();
const CASE_MANAGER = 'Jordan Ellis';
let server: RunningServer;
let browser: Browser;

withDemoInBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/**
 * The page's frames to the server, held back on demand: "B types while A claims" then happens in a known order (B's
 * words are on the wire when the lock lands) instead of hoping a keystroke falls into a window of a millisecond.
 */
class OutgoingFrames {
  private held: (string | Buffer)[] | null = null;
  private readonly servers = new Set<WebSocketRoute>();

  route(page: WebSocketRoute): void {
    const server = page.connectToServer();
    this.servers.add(server);
    page.onMessage((message) => {
      if (this.held) this.held.push(message);
      else server.send(message);
    });
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const frames = this.held ?? [];
    this.held = null;
    for (const server of this.servers) for (const frame of frames) server.send(frame);
  }
}

interface OpenPage {
  readonly page: Page;
  readonly frames: OutgoingFrames;
  readonly errors: string[];
}

async function openAs(rolePattern: RegExp): Promise<OpenPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const frames = new OutgoingFrames();
  await page.routeWebSocket(/\/collab\//, (ws) => frames.route(ws));
  await page.goto(inviteFor(server, rolePattern).url);
  await page.waitForURL(/\/ieps\//);
  await page.goto(`${page.url().split('#')[0]}#${section.id}`);
  await editorOf(page).waitFor();
  return { page, frames, errors };
}

const editorOf = (page: Page) => page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`);
const lockBarOf = (page: Page) => page.locator('[data-testid="lock-bar"]');
const button = (page: Page, name: RegExp) => page.getByRole('button', { name });

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe('section locks in the browser', () => {
  it('a claim shows on the other page within a second, with a read-only editor; after release the other page types', async () => {
    const a = await openAs(/facilitator/i);
    const b = await openAs(/General education teacher/i);

    await button(a.page, /^Take this section$/).click();
    const started = Date.now();
    await b.page.getByRole('link', { name: new RegExp(`${section.title}.*held by ${CASE_MANAGER}`) }).waitFor({ timeout: 1_000 });
    await b.page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror[contenteditable="false"]`).waitFor({ timeout: 1_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    await lockBarOf(b.page).filter({ hasText: `${CASE_MANAGER} is editing this section.` }).waitFor();
    await b.page.locator('[data-testid="readonly-notice"]', { hasText: `${CASE_MANAGER} is editing this section; ask to edit, or wait until it is free.` }).waitFor();
    await button(b.page, /^Ask to edit this section$/).waitFor();
    await lockBarOf(a.page).filter({ hasText: 'You are editing this section.' }).waitFor();

    await button(a.page, /^Release this section$/).click();
    await b.page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror[contenteditable="true"]`).waitFor({ timeout: 1_000 });
    const marker = `Typed after the release ${Date.now()}`;
    await typeAtEnd(b.page, ` ${marker}`);
    await a.page.locator(`[data-testid="editor-${section.id}-${part.id}"]`, { hasText: marker }).waitFor({ timeout: 2_000 });
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  });

  it('words B typed while A claimed are refused, come back to B as a draft, and go in once B may write again', async () => {
    const a = await openAs(/facilitator/i);
    const b = await openAs(/General education teacher/i);
    await b.page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror[contenteditable="true"]`).waitFor();

    const refused = `Refused words ${Date.now()}`;
    b.frames.hold();
    await typeAtEnd(b.page, ` ${refused}`);
    await button(a.page, /^Take this section$/).click();
    // The lock reached B (frames from the server still flow); B's typing is still on its way to the server.
    await b.page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror[contenteditable="false"]`).waitFor();
    b.frames.release();

    const draft = b.page.locator('[data-testid="draft"]', { hasText: refused });
    await draft.waitFor({ timeout: 5_000 });
    await expect(draft.textContent()).resolves.toContain(`Not saved: the section was taken by ${CASE_MANAGER} before these words reached the server.`);
    // B's editor now shows what the server holds, and the server never took the words.
    await editorOf(b.page).waitFor();
    expect(await editorOf(b.page).textContent()).not.toContain(refused);
    expect(await editorOf(a.page).textContent()).not.toContain(refused);
    expect(await draft.getByRole('button', { name: /^Add to the section/ }).count()).toBe(0);

    await b.page.reload();
    await b.page.locator('[data-testid="draft"]', { hasText: refused }).waitFor();

    await button(a.page, /^Release this section$/).click();
    await b.page.locator('[data-testid="draft"]').getByRole('button', { name: /^Add to the section/ }).click();
    await a.page.locator(`[data-testid="editor-${section.id}-${part.id}"]`, { hasText: refused }).waitFor({ timeout: 2_000 });
    expect(await b.page.locator('[data-testid="draft"]').count()).toBe(0);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
