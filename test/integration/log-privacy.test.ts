// No student name or content ever reaches the server's log: a canary student goes through a whole session and is looked for.

import { afterAll, describe, expect, it } from 'vitest';
import { collabBase, connectDoc, rawSocket, waitForDoc } from '../helpers/collab-client';
import { appendParagraph, proseSection, proseText } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer, signIn } from '../helpers/server';
import { ADMIN, api, staffSignIn, startWithAdmin } from '../helpers/team';

const CANARY = { firstName: 'Zephyrine', lastName: 'Quillfeather', content: 'canary-content-7f3a' };
const { section, part } = proseSection();
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

describe('privacy of the logs', () => {
  it("keeps a student's name and words out of every log line, errors included", async () => {
    server = await startWithAdmin();
    const cookie = await staffSignIn(server, ADMIN.email, ADMIN.password);
    const created = await api<{ id: string }>(server, cookie, 'POST', '/api/ieps', {
      template: 'idea-iep',
      student: { firstName: CANARY.firstName, lastName: CANARY.lastName, dateOfBirth: '2013-05-06' },
    });
    const iepId = created.body.id;
    const added = await api<{ inviteUrl: string }>(server, cookie, 'POST', `/api/ieps/${iepId}/participants`, { name: `${CANARY.firstName} Parent`, role: 'parent' });
    const parent = await signIn({ roles: 'parent', url: added.body.inviteUrl.replace(/^http:\/\/[^/]+/, server.url) });
    const writer = connectDoc(server.url, iepId, section.id, cookie);
    await writer.synced;
    appendParagraph(writer.doc, part, CANARY.content);
    const reader = connectDoc(server.url, iepId, section.id, parent.cookie);
    await waitForDoc(reader.doc, () => proseText(reader.doc, part).includes(CANARY.content));
    await api(server, parent.cookie, 'POST', `/api/ieps/${iepId}/comments`, { sectionId: section.id, body: `${CANARY.content} about ${CANARY.firstName}` });
    await api(server, parent.cookie, 'POST', `/api/ieps/${iepId}/participants`, { name: CANARY.lastName, role: 'parent' });
    const hostile = rawSocket(`${collabBase(server.url, iepId)}/${section.id}`, parent.cookie);
    await hostile.opened;
    hostile.ws.send(new Uint8Array([0x2a, ...Buffer.from(CANARY.content)]));
    await hostile.closed;
    await fetch(`${server.url}/api/ieps/${iepId}/comments`, { method: 'POST', headers: { cookie: parent.cookie, 'content-type': 'application/json' }, body: `{"body": "${CANARY.lastName}` });
    writer.destroy();
    reader.destroy();
    await server.stop();
    const output = server.output();
    for (const secret of [CANARY.firstName, CANARY.lastName, CANARY.content]) expect(output).not.toContain(secret);
    server = undefined;
  });
});
