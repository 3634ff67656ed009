// Requests for plans or sections that do not exist, or that the caller is not on, create nothing in memory or storage.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ConcordServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { ensureDemo } from '../../server/demo/seed-demo';
import { collabBase, rawSocket, upgradeStatus } from '../helpers/collab-client';
import { proseSection } from '../helpers/plan-fixtures';
import { removeTempDirs, signIn, tempDataDir } from '../helpers/server';

let concord: ConcordServer;
let url: string;
let cookie: string;
let iepId: string;

beforeAll(async () => {
  concord = createServer(readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir() }));
  const port = await concord.listen();
  url = `http://127.0.0.1:${port}`;
  const links = ensureDemo(concord.context, url);
  const teacher = links.find((link) => /teacher/i.test(link.roles));
  if (!teacher) throw new Error('the demo has no teacher');
  ({ cookie, iepId } = await signIn(teacher));
});
afterAll(async () => {
  await concord.stop();
  removeTempDirs();
});

function refusalStatus(target: string, withCookie = cookie): Promise<number> {
  return upgradeStatus(target, withCookie);
}

describe('unknown and foreign docs', () => {
  it('1,000 random doc names and plan ids are refused and nothing is created', async () => {
    const rowsBefore = concord.context.log.rowCount();
    const docsBefore = concord.context.rooms.liveDocCount();
    const roomsBefore = concord.context.rooms.roomCount();
    const statuses = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const random = Math.random().toString(36).slice(2, 10);
      const target = i % 2 === 0 ? `${collabBase(url, iepId)}/sec-${random}` : `${collabBase(url, `iep${random}`)}/${proseSection().section.id}`;
      statuses.add(await refusalStatus(target));
    }
    expect([...statuses]).toEqual([404]);
    expect(concord.context.log.rowCount()).toBe(rowsBefore);
    expect(concord.context.rooms.liveDocCount()).toBe(docsBefore);
    expect(concord.context.rooms.roomCount()).toBe(roomsBefore);
  }, 60_000);

  it('no session, a bad cookie, or a foreign Origin is refused before a socket exists', async () => {
    const target = `${collabBase(url, iepId)}/${proseSection().section.id}`;
    expect(await refusalStatus(target, '')).toBe(401);
    expect(await refusalStatus(target, 'concord_session=forged-token')).toBe(401);
    const foreign = rawSocket(target, cookie, 'https://evil.example');
    await expect(foreign.opened).rejects.toThrow(/403/);
  });
});
