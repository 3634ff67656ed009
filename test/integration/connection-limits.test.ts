// One person's open sockets are capped per plan and across every plan they are on; a refusal is a 429 and is audited.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collabBase, type RawSocket, rawSocket, upgradeStatus } from '../helpers/collab-client';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const PER_PARTICIPANT = 3;
const PER_USER = 5;

let server: RunningServer;
let plans: PlanWithTeam[];
const open: RawSocket[] = [];

beforeAll(async () => {
  server = await startWithAdmin({ CONCORD_MAX_SOCKETS_PER_PARTICIPANT: String(PER_PARTICIPANT), CONCORD_MAX_SOCKETS_PER_USER: String(PER_USER) });
  // The administrator starts three plans and so is the facilitator of each: one account, three participants.
  plans = [await planWithTeam(server, ['parent']), await planWithTeam(server, []), await planWithTeam(server, [])];
});
afterEach(async () => {
  for (const socket of open.splice(0)) {
    socket.ws.close();
    await socket.closed;
  }
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

function planAt(index: number): PlanWithTeam {
  const plan = plans[index];
  if (!plan) throw new Error(`no plan ${index}`);
  return plan;
}

async function openSocket(plan: PlanWithTeam, cookie = plan.creatorCookie): Promise<RawSocket> {
  const socket = rawSocket(collabBase(server.url, plan.iepId), cookie);
  open.push(socket);
  await socket.opened;
  return socket;
}

async function refusals(plan: PlanWithTeam): Promise<{ action: string; detail: { per?: string; max?: number } }[]> {
  const audit = await api<{ action: string; detail: { per?: string; max?: number } }[]>(server, plan.creatorCookie, 'GET', `/api/ieps/${plan.iepId}/audit`);
  return audit.body.filter((event) => event.action === 'socket.refused');
}

describe('connection limits', () => {
  it('a participant past their cap on one plan is refused with 429, and the refusal is audited', async () => {
    const plan = planAt(0);
    for (let i = 0; i < PER_PARTICIPANT; i++) await openSocket(plan);
    expect(await upgradeStatus(collabBase(server.url, plan.iepId), plan.creatorCookie)).toBe(429);
    expect(await refusals(plan)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ per: 'participant', max: PER_PARTICIPANT }) })]);
    // Someone else on the same plan is not held to another person's count.
    await openSocket(plan, member(plan, 'parent').cookie);
  });

  it('a staff account past its cap across plans is refused on every plan until one of its sockets closes', async () => {
    const [first, second, third] = [planAt(0), planAt(1), planAt(2)];
    const sockets = [];
    for (let i = 0; i < PER_PARTICIPANT; i++) sockets.push(await openSocket(first));
    for (let i = PER_PARTICIPANT; i < PER_USER; i++) sockets.push(await openSocket(second));
    expect(await upgradeStatus(collabBase(server.url, second.iepId), second.creatorCookie)).toBe(429);
    expect(await upgradeStatus(`${collabBase(server.url, third.iepId)}/meeting`, third.creatorCookie)).toBe(429);
    expect(await refusals(third)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ per: 'person', max: PER_USER }) })]);
    // A parent invited by link is their own person: the staff account's count does not touch them.
    await openSocket(first, member(first, 'parent').cookie);

    const leaving = sockets[0];
    leaving?.ws.close();
    await leaving?.closed;
    await openSocket(third);
  });

  it('counts go back to zero as sockets close, so a person who left can open again up to the cap', async () => {
    const plan = planAt(1);
    for (let round = 0; round < 3; round++) {
      const batch = [];
      for (let i = 0; i < PER_PARTICIPANT; i++) batch.push(await openSocket(plan));
      for (const socket of batch) {
        socket.ws.close();
        await socket.closed;
      }
    }
    for (let i = 0; i < PER_PARTICIPANT; i++) await openSocket(plan);
  });
});
