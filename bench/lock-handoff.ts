// Lock hand-off time: from sending a claim to every other client seeing the new holder in the meeting doc, over 100 hand-offs.
// Run: node --import tsx bench/lock-handoff.ts

import { performance } from 'node:perf_hooks';
import { locksMap } from '../shared/protocol/meeting-doc';
import { connectDoc, type DocClient, waitForDoc } from '../test/helpers/collab-client';
import { proseSection } from '../test/helpers/plan-fixtures';
import { removeTempDirs } from '../test/helpers/server';
import { api, member, planWithTeam, startWithAdmin } from '../test/helpers/team';
import { summarize } from './metrics/stats';

const OBSERVERS = 8;
const HAND_OFFS = 100;
const WARM_UP = 5;

const { section } = proseSection();
const server = await startWithAdmin();
try {
  const team = await planWithTeam(server, ['special-education-teacher', 'general-education-teacher']);
  const holders = [member(team, 'special-education-teacher'), member(team, 'general-education-teacher')];
  const lockPath = `/api/ieps/${team.iepId}/locks/${section.id}`;
  // The observers are the meeting doc as other people's browsers receive it, on sockets of all three team members.
  const cookies = [team.creatorCookie, ...holders.map((holder) => holder.cookie)];
  const observers: DocClient[] = Array.from({ length: OBSERVERS }, (_, index) =>
    connectDoc(server.url, team.iepId, 'meeting', cookies[index % cookies.length] ?? team.creatorCookie),
  );
  await Promise.all(observers.map((observer) => observer.synced));

  const holderSeenByAll = (holderId: string | undefined) =>
    Promise.all(observers.map((observer) => waitForDoc(observer.doc, () => locksMap(observer.doc).get(section.id)?.holderId === holderId, 10_000)));

  const samples: number[] = [];
  for (let round = 0; round < WARM_UP + HAND_OFFS; round++) {
    const claimer = holders[round % 2];
    if (!claimer) throw new Error('no claimer');
    const started = performance.now();
    const seen = Promise.all(
      observers.map(async (observer) => {
        await waitForDoc(observer.doc, () => locksMap(observer.doc).get(section.id)?.holderId === claimer.id, 10_000);
        return performance.now();
      }),
    );
    const claimed = await api(server, claimer.cookie, 'POST', lockPath);
    if (claimed.status !== 200) throw new Error(`claim ${round} answered ${claimed.status}`);
    const lastSeen = Math.max(...(await seen));
    if (round >= WARM_UP) samples.push(lastSeen - started);
    // The release is the other half of the hand-off; it is not timed, but the next claim waits until all saw it.
    const released = await api(server, claimer.cookie, 'DELETE', lockPath);
    if (released.status !== 204) throw new Error(`release ${round} answered ${released.status}`);
    await holderSeenByAll(undefined);
  }

  const summary = summarize(samples);
  console.log(`Lock hand-off (claim request sent → all ${OBSERVERS} other clients see the new holder), ${summary.count} hand-offs:`);
  console.log(`  p50 ${summary.p50.toFixed(2)} ms   p99 ${summary.p99.toFixed(2)} ms   (mean ${summary.mean.toFixed(2)} ms, max ${summary.max.toFixed(2)} ms)`);
  for (const observer of observers) observer.destroy();
} finally {
  await server.stop();
  removeTempDirs();
}
