// When the disk stops taking writes: changes are refused as "not saved" (never relayed), reads go on, and nothing is lost once it recovers.

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectDoc, type DocClient, waitForDoc } from '../helpers/collab-client';
import { allowWrites, mountSmallDisk, refuseWrites } from '../helpers/disk-limit';
import { appendParagraph, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { api, member, planWithTeam, startWithAdmin } from '../helpers/team';

const { section, part } = proseSection();
const FAST_RETRY = { CONCORD_STORAGE_RETRY_MS: '100' };
/** Five starts in this file: the bundled server starts in half the time. */
const BUNDLED = { bundled: true };
let server: RunningServer | undefined;
const clients: DocClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill();
  server = undefined;
});
// Mounted once, before the tests are collected, to know whether the full-disk case can run here at all.
const disk = mountSmallDisk(8);
afterAll(() => {
  disk?.unmount();
  removeTempDirs();
});

function join(running: RunningServer, iepId: string, cookie: string): DocClient {
  const client = connectDoc(running.url, iepId, section.id, cookie);
  clients.push(client);
  return client;
}

/** Resolves with the reason of the `count`-th close with this code that the client sees; fails at once if the server dies. */
function closesWith(running: RunningServer, client: DocClient, code: number, count: number): Promise<string> {
  const died = running.exited.then(() => Promise.reject(new Error(`the server died:\n${running.output().slice(-2000)}`)));
  return Promise.race([died, new Promise<string>((resolve) => {
    let seen = 0;
    const listener = (event: CloseEvent | null) => {
      if (event?.code !== code || ++seen < count) return;
      client.provider.off('connection-close', listener);
      resolve(event.reason);
    };
    client.provider.on('connection-close', listener);
  })]);
}

describe('storage failure', () => {
  it('a disk that refuses writes stops acceptance with 4503 "not saved", keeps reads going, and stores the kept edits once it recovers', async () => {
    server = await startWithAdmin(FAST_RETRY, undefined, BUNDLED);
    const running = server;
    const team = await planWithTeam(running, ['special-education-teacher', 'parent']);
    const otherMeeting = await planWithTeam(running, ['general-education-teacher']);
    const writer = join(running, team.iepId, member(team, 'special-education-teacher').cookie);
    const parent = join(running, team.iepId, member(team, 'parent').cookie);
    await Promise.all([writer.synced, parent.synced]);
    appendParagraph(writer.doc, part, 'agreed-before-the-failure');
    await waitForDoc(parent.doc, () => proseText(parent.doc, part).includes('agreed-before-the-failure'));

    refuseWrites(running.pid);
    const outageStarted = Date.now();
    const thirdRefusal = closesWith(running, writer, 4503, 3);
    appendParagraph(writer.doc, part, 'typed-while-the-disk-was-full');
    const reason = await thirdRefusal;
    expect(reason).toMatch(/^not saved/);
    // Three refusals means three reconnects that each offered the change again; none of it reached the parent.
    expect(proseText(parent.doc, part)).not.toContain('typed-while-the-disk-was-full');
    expect(proseText(writer.doc, part)).toContain('typed-while-the-disk-was-full');

    const lateReader = join(running, team.iepId, member(team, 'parent').cookie);
    const otherReader = join(running, otherMeeting.iepId, member(otherMeeting, 'general-education-teacher').cookie);
    await Promise.all([lateReader.synced, otherReader.synced]);
    expect(proseText(lateReader.doc, part)).toContain('agreed-before-the-failure');
    expect(proseText(lateReader.doc, part)).not.toContain('typed-while-the-disk-was-full');
    expect((await api(running, team.creatorCookie, 'GET', `/api/ieps/${team.iepId}`)).status).toBe(200);
    const comment = await api(running, member(team, 'parent').cookie, 'POST', `/api/ieps/${team.iepId}/comments`, { sectionId: section.id, body: 'Can we add reading support?' });
    expect(comment).toEqual({ status: 503, body: { error: { code: 'NOT_SAVED', message: expect.stringMatching(/could not save/) } } });

    allowWrites(running.pid);
    await waitForDoc(parent.doc, () => proseText(parent.doc, part).includes('typed-while-the-disk-was-full'), 10_000);
    const outageEnded = Date.now();
    expect((await api(running, member(team, 'parent').cookie, 'POST', `/api/ieps/${team.iepId}/comments`, { sectionId: section.id, body: 'Can we add reading support?' })).status).toBe(201);
    // Opening the plan during the outage was recorded once storage came back, with the time it happened.
    const audit = await api<{ at: string; action: string }[]>(running, team.creatorCookie, 'GET', `/api/ieps/${team.iepId}/audit`);
    const openedDuringOutage = audit.body.filter((event) => event.action === 'plan.opened' && Date.parse(event.at) >= outageStarted && Date.parse(event.at) <= outageEnded);
    expect(openedDuringOutage.length).toBeGreaterThan(0);
    const output = running.output();
    expect(output).toMatch(/storage: a write failed \(SQLITE_IOERR\w*\)/);
    expect(output).toMatch(/storage: writes work again/);
    expect(output).not.toMatch(/typed-while|agreed-before|reading support/);

    for (const client of clients.splice(0)) client.destroy();
    await running.kill();
    server = await startWithAdmin(FAST_RETRY, running.dataDir, BUNDLED);
    const afterRestart = join(server, team.iepId, member(team, 'parent').cookie);
    await afterRestart.synced;
    expect(proseText(afterRestart.doc, part)).toContain('agreed-before-the-failure');
    expect(proseText(afterRestart.doc, part)).toContain('typed-while-the-disk-was-full');
  });

  it('when an HTTP change is the first to hit the failing disk it answers 503 NOT_SAVED, not a 500, and works after recovery', async () => {
    server = await startWithAdmin(FAST_RETRY, undefined, BUNDLED);
    const running = server;
    const team = await planWithTeam(running, ['parent']);
    const parentCookie = member(team, 'parent').cookie;
    refuseWrites(running.pid);
    const body = { sectionId: section.id, body: 'Please note the new evaluation.' };
    const refused = await api(running, parentCookie, 'POST', `/api/ieps/${team.iepId}/comments`, body);
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ error: { code: 'NOT_SAVED', message: expect.any(String) } });
    const status = await api(running, team.creatorCookie, 'POST', `/api/ieps/${team.iepId}/status`, { status: 'meeting' });
    expect(status.status).toBe(503);
    allowWrites(running.pid);
    await expect.poll(async () => (await api(running, parentCookie, 'POST', `/api/ieps/${team.iepId}/comments`, body)).status, { timeout: 5_000 }).toBe(201);
    expect((await api(running, team.creatorCookie, 'POST', `/api/ieps/${team.iepId}/status`, { status: 'meeting' })).status).toBe(200);
  });

  it.runIf(disk)('a disk that is really full (a small tmpfs filled to the last byte) is handled the same way, and freeing space brings everything back', async () => {
    if (!disk) return;
    try {
      server = await startWithAdmin(FAST_RETRY, disk.dir, BUNDLED);
      const running = server;
      const team = await planWithTeam(running, ['special-education-teacher', 'parent']);
      const writer = join(running, team.iepId, member(team, 'special-education-teacher').cookie);
      const parent = join(running, team.iepId, member(team, 'parent').cookie);
      await Promise.all([writer.synced, parent.synced]);

      disk.fill();
      const refused = closesWith(running, writer, 4503, 1);
      // The log may still have room in pages it already holds: keep writing until a write needs a new one.
      let typed = 0;
      const typing = setInterval(() => appendParagraph(writer.doc, part, `paragraph-${++typed}-${'x'.repeat(2000)}`), 10);
      try {
        expect(await refused).toMatch(/^not saved/);
      } finally {
        clearInterval(typing);
      }
      expect(running.output()).toMatch(/storage: a write failed \(SQLITE_FULL\)/);
      expect((await api(running, member(team, 'parent').cookie, 'POST', `/api/ieps/${team.iepId}/comments`, { sectionId: section.id, body: 'A note.' })).status).toBe(503);

      disk.free();
      const everything = () => proseText(parent.doc, part).includes(`paragraph-${typed}-`);
      await waitForDoc(parent.doc, everything, 10_000);
      for (const client of clients.splice(0)) client.destroy();
      await running.kill();
      server = await startWithAdmin(FAST_RETRY, disk.dir, BUNDLED);
      const afterRestart = join(server, team.iepId, member(team, 'parent').cookie);
      await afterRestart.synced;
      for (let n = 1; n <= typed; n++) expect(proseText(afterRestart.doc, part)).toContain(`paragraph-${n}-`);
    } finally {
      for (const client of clients.splice(0)) client.destroy();
      await server?.kill();
      server = undefined;
    }
  });
});
