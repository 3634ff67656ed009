// Sign-off and lifecycle on the server: hashes computed by the server, stale approvals, frozen content, amendments, a tamper-evident record.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signoffsArray } from '../../shared/protocol/meeting-doc';
import { sectionHash } from '../../shared/schema/canonical';
import type { SignOff } from '../../shared/rules/signoffs';
import { collabBase, connectDoc, rawSocket, waitForDoc } from '../helpers/collab-client';
import { permissionDeniedReason, step1Frame, updateFrame } from '../helpers/frames';
import { appendParagraph, iepTemplate, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer, tempDataDir } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const { section, part } = proseSection();
const otherSection = iepTemplate.sections.find((each) => each.id !== section.id && each.parts.some((p) => p.kind === 'richtext'));
let server: RunningServer;
let team: PlanWithTeam;

beforeAll(async () => {
  server = await startWithAdmin();
  team = await planWithTeam(server, ['parent', 'special-education-teacher', 'lea-representative']);
}, 60_000);
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

const path_ = (suffix: string, iepId = team.iepId) => `/api/ieps/${iepId}${suffix}`;
const setStatus = (cookie: string, status: string, iepId = team.iepId) => api(server, cookie, 'POST', path_('/status', iepId), { status });

async function teacherWrites(marker: string, sectionId = section.id): Promise<void> {
  const writer = connectDoc(server.url, team.iepId, sectionId, member(team, 'special-education-teacher').cookie);
  await writer.synced;
  const target = iepTemplate.sections.find((each) => each.id === sectionId);
  const richPart = target?.parts.find((each) => each.kind === 'richtext');
  if (!richPart || richPart.kind !== 'richtext') throw new Error('no rich text part');
  appendParagraph(writer.doc, richPart, marker);
  const reader = connectDoc(server.url, team.iepId, sectionId, team.creatorCookie);
  await waitForDoc(reader.doc, () => proseText(reader.doc, richPart).includes(marker));
  writer.destroy();
  reader.destroy();
}

describe('sign-off and lifecycle', () => {
  it('section approvals carry the server-computed hash and go stale only for the section that changed', async () => {
    expect((await setStatus(team.creatorCookie, 'meeting')).status).toBe(200);
    const parent = member(team, 'parent');
    const approve = (sectionId: string) =>
      api<SignOff>(server, parent.cookie, 'POST', path_('/signoffs'), { kind: 'section-approval', sectionId, typedName: 'A parent', contentHash: 'f'.repeat(64) });
    const first = await approve(section.id);
    const second = await approve(otherSection?.id ?? '');
    expect(first.status).toBe(201);
    const reader = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
    await reader.synced;
    expect(first.body.contentHash).toBe(sectionHash(section, reader.doc));
    expect(first.body.contentHash).not.toBe('f'.repeat(64));
    reader.destroy();

    await teacherWrites('changed-after-approval');
    const after = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
    const other = connectDoc(server.url, team.iepId, otherSection?.id ?? '', team.creatorCookie);
    await Promise.all([after.synced, other.synced]);
    expect(sectionHash(section, after.doc)).not.toBe(first.body.contentHash);
    if (otherSection) expect(sectionHash(otherSection, other.doc)).toBe(second.body.contentHash);
    after.destroy();
    other.destroy();
  });

  it('a disagreement needs a statement; consent is for parents; everyone sees sign-offs live in the meeting doc', async () => {
    const teacher = member(team, 'special-education-teacher');
    const parent = member(team, 'parent');
    expect((await api(server, teacher.cookie, 'POST', path_('/signoffs'), { kind: 'disagreement', typedName: 'T' })).status).toBe(400);
    expect((await api(server, teacher.cookie, 'POST', path_('/signoffs'), { kind: 'parent-consent', typedName: 'T' })).status).toBe(403);
    const meeting = connectDoc(server.url, team.iepId, 'meeting', team.creatorCookie);
    await meeting.synced;
    const consent = await api<SignOff>(server, parent.cookie, 'POST', path_('/signoffs'), { kind: 'parent-consent', sectionIds: [section.id], typedName: 'A parent' });
    expect(consent.status).toBe(201);
    expect(consent.body.authMethod).toBe('invitation-link');
    expect(consent.body.meaning).toMatch(/informed consent/);
    await waitForDoc(meeting.doc, () => signoffsArray(meeting.doc).toArray().some((each) => each.id === consent.body.id));
    const revoked = await api<SignOff>(server, parent.cookie, 'POST', path_('/signoffs'), { kind: 'consent-revocation', sectionIds: [section.id], typedName: 'A parent' });
    expect(revoked.status).toBe(201);
    await waitForDoc(meeting.doc, () => signoffsArray(meeting.doc).toArray().some((each) => each.id === revoked.body.id));
    expect(signoffsArray(meeting.doc).toArray().some((each) => each.id === consent.body.id)).toBe(true);
    const witnessed = await api<SignOff>(server, team.creatorCookie, 'POST', path_('/signoffs'), { kind: 'attendance', typedName: 'A parent', onBehalfOf: parent.id });
    expect(witnessed.body.authMethod).toBe('in-room-witnessed');
    expect(witnessed.body.witness?.name).toMatch(/Administrator/);
    meeting.destroy();
  });

  it('in agreed and finalized every write to any section is refused; an amendment is a new editable version and the old one keeps its signatures', async () => {
    const teacher = member(team, 'special-education-teacher');
    expect((await setStatus(member(team, 'parent').cookie, 'agreed')).status).toBe(403);
    expect((await setStatus(team.creatorCookie, 'agreed')).status).toBe(200);
    for (const status of ['agreed', 'finalized']) {
      if (status === 'finalized') expect((await setStatus(member(team, 'lea-representative').cookie, 'finalized')).status).toBe(200);
      for (const each of iepTemplate.sections) {
        const socket = rawSocket(`${collabBase(server.url, team.iepId)}/${each.id}`, teacher.cookie);
        await socket.opened;
        socket.ws.send(step1Frame());
        const source = new Y.Doc();
        source.getMap('frozen-probe').set('x', 1);
        socket.ws.send(updateFrame(Y.encodeStateAsUpdate(source)));
        const reason = permissionDeniedReason(await socket.next((message) => permissionDeniedReason(message) !== undefined));
        expect(reason).toContain(`the plan is ${status}`);
        socket.ws.close();
      }
    }
    expect((await setStatus(team.creatorCookie, 'meeting')).status).toBe(409);

    const signaturesBefore = (await api<unknown[]>(server, team.creatorCookie, 'GET', path_('/signoffs'))).body.length;
    const amendment = await api<{ id: string; amends: string }>(server, team.creatorCookie, 'POST', path_('/amendments'));
    expect(amendment.status).toBe(201);
    const amendedCookie = (await api(server, team.creatorCookie, 'GET', path_('', amendment.body.id))).status;
    expect(amendedCookie).toBe(200);
    const writer = connectDoc(server.url, amendment.body.id, section.id, team.creatorCookie);
    await writer.synced;
    expect(proseText(writer.doc, part)).toContain('changed-after-approval');
    appendParagraph(writer.doc, part, 'amended-text');
    const reader = connectDoc(server.url, amendment.body.id, section.id, team.creatorCookie);
    await waitForDoc(reader.doc, () => proseText(reader.doc, part).includes('amended-text'));
    const original = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
    await original.synced;
    expect(proseText(original.doc, part)).not.toContain('amended-text');
    expect((await api<unknown[]>(server, team.creatorCookie, 'GET', path_('/signoffs'))).body.length).toBe(signaturesBefore);
    for (const each of [writer, reader, original]) each.destroy();
  });

  it('verification reports an intact record, and catches an altered, deleted or reordered row', async () => {
    const verify = async (running: RunningServer) =>
      (await api<{ intact: boolean; problem?: string }>(running, team.creatorCookie, 'GET', path_('/record/verify'))).body;
    expect(await verify(server)).toMatchObject({ intact: true });
    const original = server.dataDir;
    await server.stop();
    const tampered = async (change: (db: Database.Database) => void) => {
      const copy = tempDataDir();
      fs.cpSync(original, copy, { recursive: true });
      const db = new Database(path.join(copy, 'concord.sqlite'));
      db.exec('DROP TRIGGER record_events_append_only_update; DROP TRIGGER record_events_append_only_delete;');
      db.transaction(() => change(db))();
      db.close();
      const running = await startWithAdmin({}, copy);
      const result = await verify(running);
      await running.stop();
      return result;
    };
    const where = `iep_id = '${team.iepId}'`;
    const altered = await tampered((db) => db.exec(`UPDATE record_events SET body_json = replace(body_json, 'A parent', 'Someone else') WHERE ${where} AND seq = 2`));
    expect(altered).toMatchObject({ intact: false });
    expect(altered.problem).toMatch(/entry 2 was altered/);
    const deletedMiddle = await tampered((db) => db.exec(`DELETE FROM record_events WHERE ${where} AND seq = 3`));
    expect(deletedMiddle).toMatchObject({ intact: false });
    const deletedLast = await tampered((db) => db.exec(`DELETE FROM record_events WHERE ${where} AND seq = (SELECT MAX(seq) FROM record_events WHERE ${where})`));
    expect(deletedLast).toMatchObject({ intact: false });
    const reordered = await tampered((db) => {
      db.exec(`UPDATE record_events SET seq = -1 WHERE ${where} AND seq = 2`);
      db.exec(`UPDATE record_events SET seq = 2 WHERE ${where} AND seq = 3`);
      db.exec(`UPDATE record_events SET seq = 3 WHERE ${where} AND seq = -1`);
    });
    expect(reordered).toMatchObject({ intact: false });
    server = await startWithAdmin({}, original);
    expect(await verify(server)).toMatchObject({ intact: true });
  }, 60_000);
});
