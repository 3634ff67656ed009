// How a sign-off is put into words: how the signer was identified, when, what it covers, and whether it still covers the text.

import type { AuthMethodKind, SignOff } from '../../shared/rules/signoffs';
import { covers } from '../../shared/rules/signoffs';
import { ApiError, plainSentence } from '../api/http';

export function authSentence(signOff: Pick<SignOff, 'authMethod' | 'witness'>): string {
  const sentences: Readonly<Record<AuthMethodKind, string>> = {
    'invitation-link': 'signed in with their invitation link',
    'staff-session': 'signed in as staff',
    'in-room-witnessed': `signed here with ${signOff.witness?.name ?? 'a staff member'} as witness`,
  };
  return sentences[signOff.authMethod];
}

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function timeText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}

export type Coverage = 'covers' | 'changed' | 'checking';

/** `current` is undefined while this browser has not yet got the server's copy of the text: nothing is claimed then. */
export function coverageOf(signOff: Pick<SignOff, 'contentHash'>, current: string | undefined): Coverage {
  if (current === undefined) return 'checking';
  return covers(signOff, current) ? 'covers' : 'changed';
}

export const COVERAGE_SENTENCES: Readonly<Record<Coverage, string>> = {
  covers: 'Covers the current text',
  changed: 'The text changed after this signature',
  checking: 'Checking against the current text…',
};

/** What was signed: the whole plan, or the sections a consent listed. */
export function scopeSentence(signOff: Pick<SignOff, 'kind' | 'sectionIds'>, titleOf: (sectionId: string) => string): string | undefined {
  if (signOff.kind === 'section-approval') return signOff.sectionIds.map(titleOf).join(', ');
  if (signOff.sectionIds.length === 0) return signOff.kind === 'parent-consent' || signOff.kind === 'consent-revocation' ? 'All of the plan' : undefined;
  return `Only: ${signOff.sectionIds.map(titleOf).join(', ')}`;
}

/**
 * A refusal of a signature or a status change: the server's own reason comes from the shared rules and is written for
 * people ("A disagreement needs your statement of why."), so it is shown where there is one.
 */
export function refusalSentence(error: unknown): string {
  if (error instanceof ApiError && error.detail && error.status < 500) return error.detail;
  return plainSentence(error);
}
