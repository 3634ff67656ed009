// Sign-offs: what each kind of signature means in plain words, who may give it, and whether it still covers the content.

import type { PlanStatus } from '../protocol/api';
import type { ErrorCode } from '../protocol/errors';
import { can, type Role } from './roles';

export const SIGNOFF_KINDS = ['section-approval', 'attendance', 'agreement', 'disagreement', 'parent-consent', 'consent-revocation', 'receipt'] as const;
export type SignOffKind = (typeof SIGNOFF_KINDS)[number];

export const AUTH_METHODS = ['staff-session', 'invitation-link', 'in-room-witnessed'] as const;
export type AuthMethodKind = (typeof AUTH_METHODS)[number];

/** Shown before signing and stored with the signature: a signature always says what it means. */
export const SIGNOFF_MEANINGS: Readonly<Record<SignOffKind, string>> = {
  'section-approval': 'I agree with this section as it reads now. If it changes, my approval will show as not covering the new text.',
  attendance: 'I was present at this meeting. This does not mean I agree with the plan.',
  agreement: 'I agree with this plan as it reads now.',
  disagreement: 'I disagree with this plan, for the reasons I have written. My statement becomes part of the record.',
  'parent-consent': 'As the parent or guardian, I give my informed consent to the services in this plan (or in the sections I listed). I understand I may revoke consent in writing at any time.',
  'consent-revocation': 'As the parent or guardian, I revoke my consent given earlier. My earlier consent stays on the record, followed by this revocation.',
  receipt: 'I received a copy of this plan.',
};

export const SIGNOFF_LABELS: Readonly<Record<SignOffKind, string>> = {
  'section-approval': 'Section approved',
  attendance: 'Attended',
  agreement: 'Agrees',
  disagreement: 'Disagrees',
  'parent-consent': 'Parent consent',
  'consent-revocation': 'Consent revoked',
  receipt: 'Copy received',
};

/** One recorded sign-off, as the server writes it to the meeting doc and the signed log. */
export interface SignOff {
  readonly id: string;
  readonly seq: number;
  readonly participantId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly kind: SignOffKind;
  /** The sections it covers: one for a section approval, the listed parts for partial consent, none for the whole plan. */
  readonly sectionIds: readonly string[];
  /** The plain-language meaning shown before signing. */
  readonly meaning: string;
  /** The signer's own words (required for disagreement). */
  readonly statement: string;
  readonly typedName: string;
  readonly authMethod: AuthMethodKind;
  readonly witness?: { readonly participantId: string; readonly name: string };
  readonly at: string;
  /** SHA-256 of the canonical content signed: the section for an approval, else the whole plan. */
  readonly contentHash: string;
  readonly prevHash: string;
  readonly hash: string;
}

const PARENT_KINDS: readonly SignOffKind[] = ['parent-consent', 'consent-revocation'];
const MEETING_KINDS: readonly SignOffKind[] = ['section-approval'];

export type SignDecision = { readonly ok: true } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

export function decideSignOff(roles: readonly Role[], kind: SignOffKind, status: PlanStatus, statement: string): SignDecision {
  if (!can(roles, 'sign')) return { ok: false, code: 'CAPABILITY_MISSING', reason: 'Your role on this team does not sign.' };
  if (PARENT_KINDS.includes(kind) && !roles.includes('parent')) return { ok: false, code: 'CAPABILITY_MISSING', reason: 'Only a parent or guardian gives or revokes consent.' };
  if (MEETING_KINDS.includes(kind) && status !== 'meeting') return { ok: false, code: 'BAD_TRANSITION', reason: 'Sections are approved during the meeting.' };
  if (kind === 'disagreement' && statement.trim().length === 0) return { ok: false, code: 'BAD_REQUEST', reason: 'A disagreement needs your statement of why.' };
  return { ok: true };
}

/** A sign-off covers the content only while the content's hash is still the one signed. */
export function covers(signOff: Pick<SignOff, 'contentHash'>, currentHash: string): boolean {
  return signOff.contentHash === currentHash;
}
