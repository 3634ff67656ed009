// The race: B types continuously while A claims the section. Nothing B typed after the claim is in the doc, and all of it is B's draft.

import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedClock, insertedRuns } from '../../client/api/refused-edits';
import { richTextOf } from '../../shared/schema/section-doc';
import { connectDoc } from '../helpers/collab-client';
import { proseSection } from '../helpers/plan-fixtures';
import { removeTempDirs, type RunningServer } from '../helpers/server';
import { api, member, type PlanWithTeam, planWithTeam, startWithAdmin } from '../helpers/team';

const { section, part } = proseSection();
let server: RunningServer;
let team: PlanWithTeam;

beforeAll(async () => {
  server = await startWithAdmin();
  team = await planWithTeam(server, ['special-education-teacher', 'general-education-teacher']);
}, 60_000);
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

/** B's own paragraph, so B's typing is one run of text we can follow exactly. */
function ownParagraph(doc: Y.Doc): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  richTextOf(doc, part).push([paragraph]);
  return text;
}

describe('lock race', () => {
  it('refuses everything B typed after the claim, and B gets all of it back as a draft', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const b = connectDoc(server.url, team.iepId, section.id, member(team, 'general-education-teacher').cookie);
      await b.synced;
      const text = ownParagraph(b.doc);
      let typed = '';
      const alphabet = 'abcdefghijklmnopqrstuvwxyz';
      const typing = setInterval(() => {
        const char = alphabet[typed.length % alphabet.length] ?? 'x';
        text.insert(text.length, char);
        typed += char;
      }, 3);
      await new Promise((resolve) => setTimeout(resolve, 100 + trial * 40));
      const claimed = await api(server, member(team, 'special-education-teacher').cookie, 'POST', `/api/ieps/${team.iepId}/locks/${section.id}`);
      expect(claimed.status).toBe(200);
      const typedAtClaim = typed.length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      clearInterval(typing);

      const server_ = connectDoc(server.url, team.iepId, section.id, team.creatorCookie);
      await server_.synced;
      const accepted = acceptedClock(server_.doc, b.doc.clientID);
      // What the server holds of B's typing: every character B's client inserted that the server accepted.
      const onServer = insertedRuns(server_.doc, b.doc.clientID, 0)
        .map((run) => run.text)
        .join('');
      const draft = insertedRuns(b.doc, b.doc.clientID, accepted).map((run) => run.text).join('');

      expect(onServer.length, `trial ${trial}`).toBeLessThanOrEqual(typedAtClaim);
      expect(draft.length, `trial ${trial}`).toBeGreaterThan(0);
      expect(onServer + draft, `trial ${trial}`).toBe(typed);
      b.destroy();
      server_.destroy();
      expect((await api(server, member(team, 'special-education-teacher').cookie, 'DELETE', `/api/ieps/${team.iepId}/locks/${section.id}`)).status).toBe(204);
    }
  }, 60_000);
});
