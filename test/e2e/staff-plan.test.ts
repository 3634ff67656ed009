// A case manager signs in, starts a 504 plan, invites a parent from the Team panel, and later gives them a teacher's role: the parent's page opens for editing without a reload.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RichTextPart } from '../../shared/template/types';
import { templateOf } from '../../shared/template/index';
import { launchBrowser } from '../helpers/browser';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { ADMIN, startWithAdmin } from '../helpers/team';

/** The first section of the 504 plan with prose in it, read from the template rather than restated. */
function first504Prose(): { sectionId: string; partId: string } {
  for (const section of templateOf('section-504').sections) {
    const part = section.parts.find((each): each is RichTextPart => each.kind === 'richtext');
    if (part) return { sectionId: section.id, partId: part.id };
  }
  throw new Error('the 504 template has no rich-text part');
}

const { sectionId, partId } = first504Prose();
const editorOf = (page: Page) => page.locator(`[data-testid="editor-${sectionId}-${partId}"] .ProseMirror`);
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startWithAdmin();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeTempDirs();
});

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: /sign in with your email/i }).click();
  await page.waitForURL(`${server.url}/signin`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
}

async function start504Plan(page: Page): Promise<void> {
  await page.getByLabel('Section 504 Plan').check();
  await page.getByLabel('First name').fill('Maya');
  await page.getByLabel('Last name').fill('Okafor');
  await page.getByLabel('Date of birth').fill('2013-09-14');
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.waitForURL(/\/ieps\/[^/#]+/);
  await page.getByRole('heading', { level: 1, name: 'Maya Okafor' }).waitFor();
}

describe('a case manager and a parent in the browser', () => {
  it('signs in, starts a 504 plan, invites a parent, and a role change opens the parent’s editors live', async () => {
    const adminContext = await browser.newContext();
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const admin = await adminContext.newPage();
    const errors: string[] = [];
    admin.on('pageerror', (error) => errors.push(error.message));
    await signInAsAdmin(admin);
    await start504Plan(admin);

    await admin.getByRole('button', { name: 'Team' }).click();
    const team = admin.getByRole('dialog', { name: 'Team' });
    await team.waitFor();
    await team.getByLabel('Name', { exact: true }).fill('Rosa Okafor');
    await team.getByLabel('Parent or guardian').check();
    await team.getByRole('button', { name: 'Add to team' }).click();
    const linkField = team.getByTestId('invite-link');
    await linkField.waitFor();
    const inviteUrl = await linkField.inputValue();
    expect(inviteUrl).toMatch(/\/join\/\S+$/);
    await team.getByRole('button', { name: 'Copy link' }).click();
    await team.getByText('Link copied.').waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);
    expect(admin.url()).not.toContain(inviteUrl.split('/join/')[1]);

    const parentContext = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const parent = await parentContext.newPage();
    await parent.goto(inviteUrl);
    await parent.waitForURL(/\/ieps\/[^/#]+/);
    expect(parent.url()).not.toMatch(/join/);
    await parent.goto(`${parent.url().split('#')[0]}#${sectionId}`);
    await editorOf(parent).waitFor();
    expect(await editorOf(parent).getAttribute('contenteditable')).toBe('false');
    await parent.getByTestId('my-rights').filter({ hasText: 'You can comment and sign; editing the plan is for school staff.' }).waitFor();

    const rosa = team.locator('li', { hasText: 'Rosa Okafor' });
    await rosa.getByRole('button', { name: 'Manage Rosa Okafor' }).click();
    const roles = rosa.getByRole('group', { name: 'Roles of Rosa Okafor' });
    await roles.getByLabel('Parent or guardian').uncheck();
    await roles.getByLabel('General education teacher').check();
    await rosa.getByRole('button', { name: 'Save roles' }).click();
    await rosa.getByText('Roles saved.').waitFor();
    await rosa.getByText('General education teacher').first().waitFor();

    await parent.locator(`[data-testid="editor-${sectionId}-${partId}"] .ProseMirror[contenteditable="true"]`).waitFor();
    await parent.getByTestId('my-rights').filter({ hasText: 'You can edit every section' }).waitFor();
    const marker = `Rosa writes this ${Date.now()}`;
    await editorOf(parent).click();
    await parent.keyboard.press('Control+End');
    await parent.keyboard.type(marker);

    await admin.keyboard.press('Escape');
    await team.waitFor({ state: 'hidden' });
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Team');
    await admin.goto(`${admin.url().split('#')[0]}#${sectionId}`);
    await admin.locator(`[data-testid="editor-${sectionId}-${partId}"]`, { hasText: marker }).waitFor();

    await parent.getByRole('button', { name: 'Leave' }).click();
    await parent.getByRole('heading', { level: 1, name: 'You have left the meeting' }).waitFor();
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.waitForURL(`${server.url}/signin`);
    expect(errors).toEqual([]);
    await parentContext.close();
    await adminContext.close();
  });
});
