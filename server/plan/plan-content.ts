// Hashes of a plan's content as it stands, computed by the server from its own docs: the client never supplies a hash.

import { sectionHash } from '../../shared/schema/canonical';
import { documentHash, signedContentHash } from '../../shared/schema/document-hash';
import { sectionOf, templateOf } from '../../shared/template/index';
import type { Rooms } from '../collab/rooms';
import type { PlanRecord } from '../store/plans';

export function currentDocumentHash(rooms: Rooms, plan: PlanRecord): string {
  const template = templateOf(plan.template);
  const hash = rooms.withDocs(plan.id, template.sections.map((section) => section.id), (docOf) => documentHash(template, plan.facts, docOf));
  if (hash.length !== 64) throw new Error(`could not read plan ${plan.id}: ${hash}`);
  return hash;
}

/** What a sign-off over these sections binds to now (none listed: the whole plan); the rule lives in shared/. */
export function currentSectionsHash(rooms: Rooms, plan: PlanRecord, sectionIds: readonly string[]): string | undefined {
  return signedContentHash(sectionIds, () => currentDocumentHash(rooms, plan), (id) => currentSectionHash(rooms, plan, id));
}

export function currentSectionHash(rooms: Rooms, plan: PlanRecord, sectionId: string): string | undefined {
  const section = sectionOf(templateOf(plan.template), sectionId);
  if (!section) return undefined;
  const hash = rooms.readAsServer(plan.id, section.id, (doc) => sectionHash(section, doc));
  return hash.length === 64 ? hash : undefined;
}
