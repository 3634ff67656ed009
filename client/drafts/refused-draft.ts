// Turns a refused section doc into a draft: why the server said no, and the refused text grouped by the part it was typed in.

import type * as Y from 'yjs';
import type { PlanView } from '../../shared/protocol/api';
import { locksMap, participantsMap, statusOf } from '../../shared/protocol/meeting-doc';
import { heldByOther } from '../../shared/rules/locks';
import { isRole } from '../../shared/rules/roles';
import { decideWrite } from '../../shared/rules/write-gate';
import { acceptedClock, insertedRuns } from '../api/refused-edits';
import type { DraftCause, DraftPart, SectionDraft } from './section-drafts';

/**
 * Read from the meeting doc when the refusal arrives: the server writes the lock there before it refuses the frames
 * that came after it, and both travel on the one socket in order, so the lock that caused the refusal is already here.
 */
export function refusalCause(meeting: Y.Doc, plan: PlanView, sectionId: string): DraftCause {
  const lock = locksMap(meeting).get(sectionId);
  if (heldByOther(lock, plan.me.id)) return { code: 'LOCKED_BY_OTHER', holderName: lock.holderName };
  const roles = participantsMap(meeting).get(plan.me.id)?.roles.filter(isRole) ?? plan.me.roles;
  const decision = decideWrite({ participantId: plan.me.id, roles, doc: sectionId, lock, status: statusOf(meeting) ?? plan.status });
  return { code: decision.ok ? null : decision.code };
}

/** Runs in the same part are joined as separate paragraphs, in document order; a run's edge spaces joined it to its neighbours. */
function byPart(runs: readonly { root: string; text: string }[]): DraftPart[] {
  const parts = new Map<string, string[]>();
  for (const run of runs) parts.set(run.root, [...(parts.get(run.root) ?? []), run.text.trim()]);
  return [...parts].map(([partId, texts]) => ({ partId, text: texts.join('\n') }));
}

function draftId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * `stale` is the doc the participant typed into, `fresh` what the server holds after a new sync: everything the
 * stale doc's client wrote beyond the server's clock for it was refused. Null when no text was among it.
 */
export function draftFromRefusal(sectionId: string, stale: Y.Doc, staleClientId: number, fresh: Y.Doc, cause: DraftCause): SectionDraft | null {
  const runs = insertedRuns(stale, staleClientId, acceptedClock(fresh, staleClientId));
  if (runs.length === 0) return null;
  return { id: draftId(), sectionId, at: Date.now(), cause, parts: byPart(runs) };
}
