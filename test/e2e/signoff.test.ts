// Sign-off in two browsers: the facilitator starts the meeting, a parent consents to two sections from an invitation link, the facilitator sees it live.

import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sectionOf } from '../../shared/template/index';
import { withDemoInBrowser } from '../helpers/browser';
import { iepTemplate } from '../helpers/plan-fixtures';
import { inviteFor, type RunningServer } from '../helpers/server';

const PARENT = 'Rosa Alvarez';
const consented = ['annual-goals', 'special-education-services'].map((id) => {
  const section = sectionOf(iepTemplate, id);
  if (!section) throw new Error(`the IEP template has no section ${id}`);
  return section;
});
let server: RunningServer;
let browser: Browser;

withDemoInBrowser((started, launched) => {
  server = started;
  browser = launched;
});

async function openAs(rolePattern: RegExp): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inviteFor(server, rolePattern).url);
  await page.waitForURL(/\/ieps\//);
  await page.getByTestId('signoff-panel').waitFor();
  return { page, errors };
}

const lifecycleStatus = (page: Page, status: string) => page.locator(`[data-testid="lifecycle-status"][data-status="${status}"]`);

describe('sign-off in the browser', () => {
  it('a parent consents to two sections from an invitation link; the facilitator sees it live, covering the current text', async () => {
    const facilitator = await openAs(/facilitator/i);
    const parent = await openAs(/parent/i);

    // The facilitator reaches the panel from the header and starts the meeting, confirming after reading what it means.
    await facilitator.page.getByRole('link', { name: 'Status and signatures' }).click();
    await expect.poll(() => facilitator.page.evaluate(() => document.activeElement?.id)).toBe('sign-off-heading');
    await facilitator.page.getByRole('button', { name: 'Start the meeting', exact: true }).click();
    await facilitator.page.getByRole('group', { name: 'Start the meeting?' }).getByText(/team writes the plan together/).waitFor();
    await facilitator.page.getByRole('button', { name: 'Yes: start the meeting' }).click();
    await lifecycleStatus(facilitator.page, 'meeting').waitFor();
    await lifecycleStatus(parent.page, 'meeting').waitFor();

    // The parent chooses consent, reads its meaning, limits it to two sections, types their name and signs.
    const form = parent.page.locator('.signing');
    await form.getByRole('radio', { name: 'Parent consent', exact: true }).check();
    await form.getByTestId('signoff-meaning').getByText(/informed consent/).waitFor();
    await form.getByRole('group', { name: 'What does your consent cover?' }).getByRole('radio', { name: 'Only the sections I choose' }).check();
    const sections = form.getByRole('group', { name: 'Sections you consent to' });
    for (const section of consented) await sections.getByRole('checkbox', { name: section.title, exact: true }).check();
    await form.getByLabel('Type your full name to sign').fill(PARENT);
    const [response] = await Promise.all([
      parent.page.waitForResponse((each) => each.url().endsWith('/signoffs') && each.request().method() === 'POST'),
      form.getByRole('button', { name: 'Sign', exact: true }).click(),
    ]);
    expect(response.status()).toBe(201);
    await parent.page.getByTestId('signoff-result').getByText(/You signed: Parent consent/).waitFor();

    // Within 2 s the facilitator's page lists it under the parent, with its kind, its sections and that it covers the text.
    const started = Date.now();
    const entry = facilitator.page
      .locator('.signoff-person', { hasText: PARENT })
      .locator('[data-testid="signoff-entry"][data-kind="parent-consent"]', { hasText: 'Covers the current text' });
    await entry.waitFor({ timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    const text = await entry.textContent();
    expect(text).toContain('Parent consent');
    expect(text).toContain(`Only: ${consented.map((section) => section.title).join(', ')}`);
    expect(text).toContain('signed in with their invitation link');
    expect(text).not.toContain('The text changed after this signature');
    await parent.page
      .locator('.signoff-person', { hasText: PARENT })
      .locator('[data-testid="signoff-entry"][data-kind="parent-consent"]', { hasText: 'Covers the current text' })
      .waitFor();
    await facilitator.page.getByTestId('record-check').getByText(/The signed record is intact \(2 entries\)/).waitFor();

    expect([...facilitator.errors, ...parent.errors]).toEqual([]);
    await facilitator.page.context().close();
    await parent.page.context().close();
  });
});
