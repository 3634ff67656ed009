// Comments in the browser: a parent selects words in a read-only section and comments; the case manager sees the highlight
// within a second, answers with a mention, the words are deleted ("text removed"), and on a phone the panel is full-screen.

import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../../shared/rules/comments';
import { withDemoInBrowser } from '../helpers/browser';
import { proseSection } from '../helpers/plan-fixtures';
import { inviteFor, type RunningServer, signIn } from '../helpers/server';

const { section, part } = proseSection();
const editorSelector = `[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`;
let server: RunningServer;
let browser: Browser;

withDemoInBrowser((started, launched) => {
  server = started;
  browser = launched;
});

async function openAs(rolePattern: RegExp, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inviteFor(server, rolePattern).url);
  await page.waitForURL(/\/ieps\//);
  await page.goto(`${page.url().split('#')[0]}#${section.id}`);
  await page.locator(editorSelector).waitFor();
  expect(errors).toEqual([]);
  return page;
}

/** Selects two words in the editor the way a mouse drag does: a DOM range, which ProseMirror reads (editable or not). */
async function selectTwoWords(page: Page): Promise<string> {
  const words = await page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) throw new Error('no editor');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = /[A-Za-z]{4,} [A-Za-z]{4,}/.exec(node.textContent ?? '');
      if (!match) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return match[0];
    }
    throw new Error('no two words to select');
  }, editorSelector);
  type WithEditor = { editor: { state: { doc: { textBetween(a: number, b: number): string }; selection: { from: number; to: number } } } };
  await page.waitForFunction(
    ([selector, expected]) => {
      const { state } = (document.querySelector(selector ?? '') as unknown as WithEditor).editor;
      return state.doc.textBetween(state.selection.from, state.selection.to) === expected;
    },
    [editorSelector, words] as const,
  );
  return words;
}

describe('comments in the browser', () => {
  it('a parent comments on selected words; the case manager sees them highlighted within a second, replies with a mention; deleted words say "text removed"', async () => {
    const parent = await openAs(/parent/i);
    const facilitator = await openAs(/facilitator/i);
    expect(await parent.locator(editorSelector).getAttribute('contenteditable')).toBe('false');

    const words = await selectTwoWords(parent);
    await parent.keyboard.press('Control+Alt+KeyM');
    const form = parent.locator('[data-testid="comment-form"]');
    await expect.poll(() => form.getByLabel('About').inputValue()).toBe('selection');
    await expect.poll(() => parent.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const posted = parent.waitForResponse((response) => response.url().endsWith('/comments') && response.request().method() === 'POST');
    await parent.keyboard.type('We would like this to be twice a week.');
    await parent.keyboard.press('Control+Enter');
    const response = await posted;
    expect(response.status()).toBe(201);
    const thread = (await response.json()) as CommentThread;
    expect(thread.anchor).toMatchObject({ kind: 'text', partId: part.id, quote: words });

    const started = Date.now();
    const highlight = facilitator.locator(`${editorSelector} .comment-highlight[data-thread-id="${thread.id}"]`);
    await highlight.waitFor({ timeout: 1_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await highlight.allTextContents()).join('')).toBe(words);
    const card = (page: Page) => page.locator(`[data-testid="comments-panel"] [data-thread-id="${thread.id}"]`);
    await card(facilitator).filter({ hasText: 'twice a week' }).waitFor();

    // A reader's click on the highlight takes them to the thread.
    await parent.locator(`${editorSelector} .comment-highlight[data-thread-id="${thread.id}"]`).first().click();
    await expect.poll(() => parent.evaluate(() => document.activeElement?.closest('[data-thread-id]')?.getAttribute('data-thread-id'))).toBe(thread.id);

    await card(facilitator).getByRole('button', { name: 'Reply to this comment' }).click();
    await facilitator.keyboard.type('Thanks @Ros');
    await facilitator.getByRole('option', { name: 'Rosa Alvarez' }).waitFor();
    await facilitator.keyboard.press('Enter');
    await facilitator.keyboard.type('we will look at it.');
    await facilitator.keyboard.press('Control+Enter');
    await card(parent).locator('.comment-mention', { hasText: '@Rosa Alvarez' }).waitFor();
    await parent.locator('[role="status"][aria-live="polite"]', { hasText: 'New reply from Jordan Ellis' }).waitFor();

    await facilitator.evaluate(
      ([selector, id]) => {
        type View = { posAtDOM(node: Node, offset: number): number };
        type Chain = { deleteRange(range: { from: number; to: number }): Chain; run(): boolean };
        const root = document.querySelector(selector ?? '') as unknown as { editor: { view: View; chain(): Chain } };
        const spans = [...document.querySelectorAll(`${selector} [data-thread-id="${id}"]`)];
        const first = spans[0]?.firstChild;
        const last = spans[spans.length - 1]?.lastChild;
        if (!first || !last) throw new Error('no highlight');
        const from = root.editor.view.posAtDOM(first, 0);
        const to = root.editor.view.posAtDOM(last, last.textContent?.length ?? 0);
        root.editor.chain().deleteRange({ from, to }).run();
      },
      [editorSelector, thread.id] as const,
    );
    for (const page of [facilitator, parent]) await card(page).filter({ hasText: 'text removed' }).waitFor({ timeout: 2_000 });
    expect(await highlight.count()).toBe(0);

    // A writer's keyboard path: select with Shift+arrows, Ctrl+Alt+M, and Escape returns to the text.
    await facilitator.locator(editorSelector).click();
    await facilitator.keyboard.press('Control+Home');
    for (let step = 0; step < 6; step++) await facilitator.keyboard.press('Shift+ArrowRight');
    await facilitator.keyboard.press('Control+Alt+KeyM');
    await expect.poll(() => facilitator.locator('[data-testid="comment-form"]').getByLabel('About').inputValue()).toBe('selection');
    await expect.poll(() => facilitator.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await facilitator.keyboard.press('Escape');
    await facilitator.getByTestId('comment-composer').waitFor({ state: 'detached' });
    await expect.poll(() => facilitator.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);

    await card(parent).getByRole('button', { name: 'Resolve this comment' }).click();
    await facilitator.getByRole('button', { name: 'Show 1 resolved comment' }).waitFor();
    await parent.context().close();
    await facilitator.context().close();
  });

  it("a parent comments on a goal's row from the row's own button; the thread is anchored to that row", async () => {
    const parent = await openAs(/parent/i);
    await parent.goto(`${parent.url().split('#')[0]}#annual-goals`);
    const rowButton = parent.getByRole('button', { name: 'Comment on this row, goal 1' });
    await rowButton.click();
    const form = parent.locator('[data-testid="comment-form"]');
    await expect.poll(() => form.getByLabel('About').inputValue()).toMatch(/^row:goals:/);
    const posted = parent.waitForResponse((response) => response.url().endsWith('/comments') && response.request().method() === 'POST');
    await form.getByRole('textbox').first().fill('Can this goal include reading at home?');
    await parent.keyboard.press('Control+Enter');
    const response = await posted;
    expect(response.status()).toBe(201);
    const thread = (await response.json()) as CommentThread;
    expect(thread.anchor).toMatchObject({ kind: 'row', partId: 'goals' });
    await parent.locator(`[data-testid="comments-panel"] [data-thread-id="${thread.id}"]`).filter({ hasText: 'reading at home' }).waitFor();
    await parent.context().close();
  });

  it('on a phone the panel opens full-screen from a button that counts unread comments, and Escape or Back closes it', async () => {
    const parent = await openAs(/parent/i, true);
    const teacher = await signIn(inviteFor(server, /General education teacher/i));
    const posted = await fetch(`${server.url}/api/ieps/${teacher.iepId}/comments`, {
      method: 'POST',
      headers: { cookie: teacher.cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ sectionId: section.id, body: 'A question for the family about this section.' }),
    });
    expect(posted.status).toBe(201);
    const toggle = parent.getByTestId('comments-toggle');
    await expect.poll(() => toggle.textContent()).toMatch(/1 unread/);

    await toggle.click();
    const dialog = parent.locator('dialog.comments-dialog');
    await dialog.filter({ hasText: 'A question for the family' }).waitFor();
    const box = await dialog.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(389);
    expect(box?.height).toBeGreaterThanOrEqual(800);
    await parent.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => toggle.textContent()).not.toMatch(/unread/);
    await expect.poll(() => parent.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comments-toggle');

    await toggle.click();
    await dialog.waitFor();
    await parent.goBack();
    await dialog.waitFor({ state: 'hidden' });
    expect(parent.url()).toContain(`#${section.id}`);
    await parent.context().close();
  });
});
