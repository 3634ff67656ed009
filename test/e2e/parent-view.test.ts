// A parent follows an invitation on a phone-sized screen: sees the teacher's edits live, and cannot type into the plan.

import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withDemoInBrowser } from '../helpers/browser';
import { connectDoc } from '../helpers/collab-client';
import { appendParagraph, proseSection } from '../helpers/plan-fixtures';
import { inviteFor, type RunningServer, signIn } from '../helpers/server';

const { section, part } = proseSection();
let server: RunningServer;
let browser: Browser;

withDemoInBrowser((started, launched) => {
  server = started;
  browser = launched;
});

describe('a parent in the browser', () => {
  it('follows the invitation, sees edits live, and cannot change the document', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(inviteFor(server, /parent/i).url);
    await page.waitForURL(/\/ieps\/[^/#]+/);
    expect(page.url()).not.toMatch(/join/);
    await page.goto(`${page.url().split('#')[0]}#${section.id}`);
    const editor = page.locator(`[data-testid="editor-${section.id}-${part.id}"] .ProseMirror`);
    await editor.waitFor();
    await page.locator('[data-testid="readonly-notice"]').first().waitFor();
    expect(await editor.getAttribute('contenteditable')).toBe('false');

    const { cookie, iepId } = await signIn(inviteFor(server, /General education teacher/i));
    const teacher = connectDoc(server.url, iepId, section.id, cookie);
    await teacher.synced;
    appendParagraph(teacher.doc, part, 'Teacher added this sentence just now.');
    await page.locator(`[data-testid="editor-${section.id}-${part.id}"]`, { hasText: 'Teacher added this sentence just now.' }).waitFor({ timeout: 2_000 });

    const pdfLink = page.locator('[data-testid="export-pdf"]');
    const href = await pdfLink.getAttribute('href');
    expect(href).toMatch(/\/api\/ieps\/[^/]+\/export\.pdf$/);
    const copy = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(copy.status()).toBe(200);
    expect(copy.headers()['content-type']).toMatch(/application\/pdf/);

    const before = await editor.textContent();
    await editor.click({ force: true });
    await page.keyboard.type('parent typing here');
    expect(await editor.textContent()).toBe(before);
    teacher.destroy();
    await context.close();
  });
});
