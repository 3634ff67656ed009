// The words every format prints the same way: title, the student header and preliminary mark on every page, the hash footer.

import { STATUS_LABELS } from '../../shared/rules/lifecycle';
import { shortHash } from '../../shared/schema/canonical';
import type { PlanSnapshot } from './plan-snapshot';
import { formatTimestamp } from './signature-page';

/** The mark §300 practice asks of a draft shown before the meeting: a proposal, not a decision. */
export const PRELIMINARY_MARK = 'PRELIMINARY DRAFT: proposal for discussion';
export const WATERMARK = 'PRELIMINARY DRAFT';
export const SIGNATURES_TITLE = 'Signatures';
export const NOT_SIGNED_TITLE = 'Team members who have not signed';

/** The document's title; it names the student because the file is that student's own record, handed to the team. */
export function documentTitle(snapshot: PlanSnapshot): string {
  return `${snapshot.title}: ${snapshot.student.name}`;
}

/** Who the plan is for, on every page: a loose page still says whose record it is. */
export function studentHeader(snapshot: PlanSnapshot): string {
  return `${snapshot.student.name} · Date of birth ${snapshot.student.dateOfBirth} · ${snapshot.title}`;
}

export function hashFooter(snapshot: PlanSnapshot): string {
  return `Document hash ${shortHash(snapshot.documentHash)}`;
}

export function pageLabel(current: number, total: number): string {
  return `Page ${current} of ${total}`;
}

export function statusLine(snapshot: PlanSnapshot): string {
  return `Status: ${STATUS_LABELS[snapshot.status]}. Exported ${formatTimestamp(snapshot.exportedAt)}.`;
}

export function hashStatement(snapshot: PlanSnapshot): string {
  return `SHA-256 of the plan's content as exported: ${snapshot.documentHash}`;
}

/** The download's name: the plan id only, so a file name in a download folder or a mail log discloses no student. */
export function exportFileName(planId: string, extension: string): string {
  return `iep-${planId.replace(/[^A-Za-z0-9_-]/g, '')}.${extension}`;
}
