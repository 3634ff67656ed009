// The canonical form and SHA-256 of a whole plan: every section that applies, in template order. What a plan-wide signature binds to.

import type * as Y from 'yjs';
import { applicableSections } from '../template/applicability';
import type { PlanFacts, PlanTemplate } from '../template/types';
import { type Canonical, canonicalJson, canonicalSection, sha256Hex } from './canonical';

export function canonicalDocument(template: PlanTemplate, facts: PlanFacts, docOf: (sectionId: string) => Y.Doc): Canonical {
  return { template: template.id, sections: applicableSections(template, facts).map((section) => canonicalSection(section, docOf(section.id))) };
}

export function documentHash(template: PlanTemplate, facts: PlanFacts, docOf: (sectionId: string) => Y.Doc): string {
  return sha256Hex(canonicalJson(canonicalDocument(template, facts, docOf)));
}

/**
 * The hash of a few listed sections (partial consent), built from their own hashes so anyone holding the section
 * hashes can check it. One section's is simply that section's hash, the same as its approval.
 */
export function sectionsHash(sectionHashes: readonly (readonly [sectionId: string, hash: string])[]): string {
  const [only] = sectionHashes;
  if (sectionHashes.length === 1 && only) return only[1];
  return sha256Hex(canonicalJson(sectionHashes.map(([section, hash]) => ({ section, hash }))));
}

/**
 * The hash a sign-off binds to, as the content stands: its listed sections' (an approval, a partial consent), else the
 * whole plan's. The one rule for the server that signs, the export's signature page and the sign-off panel; undefined
 * while a needed hash is not known.
 */
export function signedContentHash(
  sectionIds: readonly string[],
  wholePlanHash: () => string | undefined,
  sectionHashOf: (sectionId: string) => string | undefined,
): string | undefined {
  if (sectionIds.length === 0) return wholePlanHash();
  const hashes: [string, string][] = [];
  for (const id of sectionIds) {
    const hash = sectionHashOf(id);
    if (hash === undefined) return undefined;
    hashes.push([id, hash]);
  }
  return sectionsHash(hashes);
}
