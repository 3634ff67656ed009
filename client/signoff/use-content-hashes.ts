// The hashes of the plan's content as it reads in this browser now, computed live from the section docs, to tell whether a sign-off still covers it.

import { useEffect, useState } from 'react';
import type { PlanView } from '../../shared/protocol/api';
import { sectionHash } from '../../shared/schema/canonical';
import { documentHash } from '../../shared/schema/document-hash';
import { applicableSections } from '../../shared/template/applicability';
import { sectionOf, templateOf } from '../../shared/template/index';
import type { PlanSession } from '../api/plan-session';

export interface ContentHashes {
  /** The whole plan's hash; undefined until every section holds the server's copy, so nothing is called changed too early. */
  readonly document: string | undefined;
  /** Each applicable section's hash, once that section holds the server's copy. */
  readonly sections: ReadonlyMap<string, string>;
}

const NOTHING_YET: ContentHashes = { document: undefined, sections: new Map() };

/** Typing changes the docs many times a second; hashing once per short pause is plenty for a "still covers" line. */
const SETTLE_MS = 60;

/** Docs that have had the server's copy at least once: a reconnect's brief unsynced state changes nothing here. */
const syncedOnce = new WeakSet<object>();

function isReady(session: PlanSession, sectionId: string): boolean {
  const live = session.section(sectionId);
  if (live.provider.synced) syncedOnce.add(live.doc);
  return syncedOnce.has(live.doc);
}

/**
 * Calls `changed` (coalesced) whenever any of the sections' docs changes or first syncs, and re-binds when the session
 * replaces a section's doc after a refusal. Returns the unsubscribe.
 */
function watchSections(session: PlanSession, sectionIds: readonly string[], changed: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      changed();
    }, SETTLE_MS);
  };
  let unbind: (() => void)[] = [];
  const bind = () => {
    for (const stop of unbind) stop();
    unbind = sectionIds.map((id) => {
      const { doc, provider } = session.section(id);
      doc.on('update', schedule);
      provider.on('sync', schedule);
      return () => {
        doc.off('update', schedule);
        provider.off('sync', schedule);
      };
    });
    changed();
  };
  bind();
  const stopReplaced = session.onSectionReplaced((id) => {
    if (sectionIds.includes(id)) bind();
  });
  return () => {
    stopReplaced();
    for (const stop of unbind) stop();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Every applicable section's hash and the whole plan's, as this browser's docs read now. */
export function useContentHashes(session: PlanSession, plan: PlanView): ContentHashes {
  const [hashes, setHashes] = useState<ContentHashes>(NOTHING_YET);
  useEffect(() => {
    const template = templateOf(plan.template);
    const sections = applicableSections(template, plan.facts);
    const compute = () => {
      const ready = sections.filter((section) => isReady(session, section.id));
      const byId = new Map(ready.map((section) => [section.id, sectionHash(section, session.section(section.id).doc)]));
      const all = ready.length === sections.length;
      setHashes({ document: all ? documentHash(template, plan.facts, (id) => session.section(id).doc) : undefined, sections: byId });
    };
    return watchSections(
      session,
      sections.map((section) => section.id),
      compute,
    );
  }, [session, plan]);
  return hashes;
}

/** One section's hash as this browser's doc reads now; undefined until it holds the server's copy. */
export function useSectionContentHash(session: PlanSession, plan: PlanView, sectionId: string): string | undefined {
  const [hash, setHash] = useState<string | undefined>(undefined);
  useEffect(() => {
    const section = sectionOf(templateOf(plan.template), sectionId);
    if (!section) return;
    const compute = () => setHash(isReady(session, sectionId) ? sectionHash(section, session.section(sectionId).doc) : undefined);
    return watchSections(session, [sectionId], compute);
  }, [session, plan, sectionId]);
  return hash;
}
