// 500 script-injection payloads in comment bodies, author names, mention names and quotes render as inert text in the
// case manager's page: no dialog, no injected element, no javascript: link, no script run, no CSP violation.

import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeAnchorPosition } from '../../shared/schema/comment-anchor';
import { withDemoInBrowser } from '../helpers/browser';
import { proseSection } from '../helpers/plan-fixtures';
import { inviteFor, type RunningServer, signIn } from '../helpers/server';

const { section, part } = proseSection();
const FLAG = '__concordXss';
let server: RunningServer;
let browser: Browser;

withDemoInBrowser((started, launched) => {
  server = started;
  browser = launched;
});

const SCRIPTS = [
  `window.${FLAG}=1`,
  'alert(1)',
  'confirm(document.cookie)',
  `eval(atob('${Buffer.from(`window.${FLAG}=2`).toString('base64')}'))`,
  "top['al'+'ert'](1)",
  `self[\`${FLAG}\`]=3`,
  'prompt`1`',
  `import('data:text/javascript,window.${FLAG}=4')`,
  `setTimeout('window.${FLAG}=5')`,
  `(window.opener||window).${FLAG}=6`,
];

/** `MENTION` becomes a real team member's id, so mention tokens carrying payload names are parsed as mentions. */
const TEMPLATES: readonly ((js: string) => string)[] = [
  (js) => `<script>${js}</script>`,
  (js) => `<img src=x onerror="${js}">`,
  (js) => `<img src=x onerror=${js}>`,
  (js) => `"><svg onload=${js}>`,
  (js) => `'><svg/onload=${js}>`,
  (js) => `javascript:${js}`,
  (js) => `JaVaScRiPt:${js}`,
  (js) => ` javascript:${js}`,
  (js) => `java\u0000script:${js}`,
  (js) => `java\tscript:${js}`,
  (js) => `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:${js}`,
  (js) => `<a href="javascript:${js}">click</a>`,
  (js) => `[click](javascript:${js})`,
  (js) => `<iframe src="javascript:${js}"></iframe>`,
  (js) => `<iframe srcdoc="<script>${js}</script>">`,
  (js) => `<details open ontoggle=${js}>`,
  (js) => `<body onload=${js}>`,
  (js) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
  (js) => `https://example.org/"><img src=x onerror=${js}>`,
  (js) => `https://example.org/?q=<script>${js}</script>`,
  (js) => `http://"onmouseover="${js}"`,
  (js) => `mailto:x@example.org"><svg onload=${js}>`,
  (js) => `https:javascript:${js}`,
  (js) => `data:text/html,<script>${js}</script>`,
  (js) => `vbscript:${js}`,
  (js) => `\u202e<script>${js}</script>`,
  (js) => `＜script＞${js}＜/script＞`,
  (js) => `<scr<script>ipt>${js}</scr</script>ipt>`,
  (js) => `java\u200bscript:${js}`,
  (js) => `%3Cscript%3E${js}%3C/script%3E`,
  (js) => `<svg><animate onbegin=${js} attributeName=x dur=1s>`,
  (js) => `<style>@import'javascript:${js}';</style>`,
  (js) => `{{constructor.constructor('${js}')()}}`,
  (js) => `\${${js}}`,
  (js) => `<object data="javascript:${js}"></object>`,
  (js) => `<embed src="javascript:${js}">`,
  (js) => `<form><button formaction=javascript:${js}>x</button></form>`,
  (js) => `<input autofocus onfocus=${js}>`,
  (js) => `<video><source onerror=${js}></video>`,
  (js) => `<a href=" &#14;  javascript:${js}">x</a>`,
  (js) => `@[<img src=x onerror=${js}>](MENTION)`,
  (js) => `@["><svg onload=${js}>](MENTION) and @[x](<script>${js}</script>)`,
  (js) => `@[javascript:${js}](nobody-on-the-team)`,
  (js) => `https://exa\u0000mple.org/<svg onload=${js}>`,
  (js) => `\u0000<script>${js}</script>`,
  (js) => `<!--<img src="--><img src=x onerror=${js}//">`,
  (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>">`,
  (js) => `<xmp><p title="</xmp><svg onload=${js}>">`,
  (js) => `<template><script>${js}</script></template>`,
  (js) => `\u2028<base href="javascript:${js}//">\ufeff`,
];

const PAYLOADS = TEMPLATES.flatMap((template) => SCRIPTS.map((js) => template(js)));

/** A text anchor whose positions point at nothing in the doc: its quote (a payload) shows with "text removed". */
function vanishedAnchor(quote: string) {
  const position = encodeAnchorPosition(Y.createRelativePositionFromJSON({ item: { client: 424242, clock: 0 }, assoc: 0 }));
  return { kind: 'text', partId: part.id, start: position, end: position, quote };
}

async function post(cookie: string, path: string, body: unknown): Promise<{ id: string; inviteUrl?: string }> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; inviteUrl?: string };
}

async function openFacilitator(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.sourceFile}`));
  });
  await page.goto(inviteFor(server, /facilitator/i).url);
  await page.waitForURL(/\/ieps\//);
  await page.goto(`${page.url().split('#')[0]}#${section.id}`);
  return { page, dialogs };
}

describe('comment payloads in the browser', () => {
  it('500 XSS payloads in bodies, names, mentions and quotes render inert in the case manager’s page', async () => {
    expect(PAYLOADS).toHaveLength(500);
    const parent = await signIn(inviteFor(server, /parent/i));
    const facilitator = await signIn(inviteFor(server, /facilitator/i));
    const comments = `/api/ieps/${parent.iepId}/comments`;
    // Team members whose names are payloads: they author comments, and are mentioned.
    const hostile: { id: string; cookie: string }[] = [];
    for (const name of PAYLOADS.slice(0, 3)) {
      const added = await post(facilitator.cookie, `/api/ieps/${parent.iepId}/participants`, { name, roles: ['advocate'] });
      const { cookie } = await signIn({ roles: 'advocate', url: (added.inviteUrl ?? '').replace(/^http:\/\/[^/]+/, server.url) });
      hostile.push({ id: added.id, cookie });
    }
    const bodyOf = (payload: string, index: number) => payload.replaceAll('MENTION', hostile[index % hostile.length]?.id ?? '');
    const authorOf = (index: number) => (index % 5 === 0 ? (hostile[index % hostile.length]?.cookie ?? parent.cookie) : parent.cookie);

    // Most arrive before the page opens, the rest while it is open: both paths render.
    const before = PAYLOADS.slice(0, 440);
    const live = PAYLOADS.slice(440);
    let threads = 0;
    const postOne = async (payload: string, index: number) => {
      if (index % 4 === 3) {
        await post(authorOf(index), comments, { sectionId: section.id, anchor: vanishedAnchor(payload.slice(0, 2000)), body: bodyOf(payload, index) });
        threads += 1;
      } else if (index % 4 === 2 && threads > 0) {
        const last = await post(parent.cookie, comments, { sectionId: section.id, body: 'Reply target' });
        threads += 1;
        await post(authorOf(index), `${comments}/${last.id}/replies`, { body: bodyOf(payload, index) });
      } else {
        await post(authorOf(index), comments, { sectionId: section.id, body: bodyOf(payload, index) });
        threads += 1;
      }
    };
    for (const [index, payload] of before.entries()) await postOne(payload, index);

    const { page, dialogs } = await openFacilitator();
    const panel = page.getByTestId('comments-panel');
    await expect.poll(() => panel.getByTestId('comment-thread').count(), { timeout: 20_000 }).toBe(threads);
    for (const [index, payload] of live.entries()) await postOne(payload, before.length + index);
    await expect.poll(() => panel.getByTestId('comment-thread').count(), { timeout: 20_000 }).toBe(threads);
    await expect.poll(() => panel.locator('.comment-message').count()).toBe(threads + PAYLOADS.filter((_, index) => index % 4 === 2).length);

    const injected = 'script, img, svg, iframe, object, embed, video, audio, source, math, style, details, template, noscript, xmp, base, link, meta, body';
    expect(await panel.locator(injected).count()).toBe(0);
    const report = await page.evaluate(() => {
      const root = document.querySelector('[data-testid="comments-panel"]');
      const elements = [...(root?.querySelectorAll('*') ?? [])];
      return {
        handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
        hrefs: [...document.querySelectorAll('a[href]')].map((link) => new URL(link.getAttribute('href') ?? '', document.baseURI).protocol),
        sources: [...document.querySelectorAll('[src], [srcdoc], [formaction]')].map((element) => element.outerHTML),
        baseURI: document.baseURI,
        flag: (window as unknown as Record<string, unknown>).__concordXss,
        violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
      };
    });
    expect(report.handlers).toEqual([]);
    expect(report.hrefs.filter((protocol) => !['http:', 'https:', 'mailto:'].includes(protocol))).toEqual([]);
    expect(report.sources.filter((html) => /javascript:|srcdoc|onerror/i.test(html))).toEqual([]);
    expect(report.baseURI.startsWith(server.url)).toBe(true);
    expect(report.flag).toBeUndefined();
    expect(report.violations).toEqual([]);
    expect(dialogs).toEqual([]);

    // The payloads are there as words: what the participants wrote, shown, not run.
    await panel.getByText('<script>alert(1)</script>', { exact: true }).first().waitFor();
    expect(await panel.locator('.comment-mention', { hasText: '@<script>' }).count()).toBeGreaterThan(0);
    expect(await panel.locator('a[href^="https://example.org/"]').count()).toBeGreaterThan(0);
    expect(await panel.locator('.comment-message__author', { hasText: '<script>' }).count()).toBeGreaterThan(0);
    await page.context().close();
  }, 180_000);
});
