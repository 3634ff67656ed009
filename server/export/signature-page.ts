// The signature page's rows: who signed what kind of sign-off, when, how they were authenticated, the hash signed, and who has not signed.

import { ROLE_LABELS, type Role } from '../../shared/rules/roles';
import { type AuthMethodKind, covers, SIGNOFF_LABELS, type SignOff } from '../../shared/rules/signoffs';
import { signedContentHash } from '../../shared/schema/document-hash';
import { formatDate, type LabelledValue, type PlanSnapshot } from './plan-snapshot';
import { cleanText } from './rich-text';

export const NOT_COVERING = 'does not cover the current text';

const AUTH_METHOD_LABELS: Readonly<Record<AuthMethodKind, string>> = {
  'staff-session': 'Staff account sign-in',
  'invitation-link': 'Personal invitation link',
  'in-room-witnessed': 'Signed in the room, witnessed',
};

export interface SignatureRow {
  readonly name: string;
  readonly roles: string;
  readonly kind: string;
  /** What the sign-off is about: the whole plan or the sections it names. */
  readonly scope: string;
  readonly at: string;
  readonly authMethod: string;
  readonly contentHash: string;
  readonly covers: boolean;
  readonly statement: string;
  readonly typedName: string;
}

export interface UnsignedMember {
  readonly name: string;
  readonly roles: string;
}

export interface SignaturePage {
  readonly documentHash: string;
  readonly rows: readonly SignatureRow[];
  readonly unsigned: readonly UnsignedMember[];
}

export function signaturePage(snapshot: PlanSnapshot): SignaturePage {
  const signed = new Set(snapshot.signoffs.map((signOff) => signOff.participantId));
  return {
    documentHash: snapshot.documentHash,
    rows: snapshot.signoffs.map((signOff) => row(snapshot, signOff)),
    unsigned: snapshot.team.filter((member) => !signed.has(member.id)).map((member) => ({ name: member.name, roles: roleLabels(member.roles) })),
  };
}

function row(snapshot: PlanSnapshot, signOff: SignOff): SignatureRow {
  const current = currentHashOf(snapshot, signOff);
  const witness = signOff.witness ? ` (witnessed by ${cleanText(signOff.witness.name)})` : '';
  return {
    name: cleanText(signOff.name),
    roles: roleLabels(signOff.roles),
    kind: SIGNOFF_LABELS[signOff.kind] ?? signOff.kind,
    scope: signOff.sectionIds.length === 0 ? 'The whole plan' : signOff.sectionIds.map((id) => snapshot.sectionTitles.get(id) ?? id).join('; '),
    at: formatTimestamp(signOff.at),
    authMethod: `${AUTH_METHOD_LABELS[signOff.authMethod] ?? signOff.authMethod}${witness}`,
    contentHash: signOff.contentHash,
    covers: current !== undefined && covers(signOff, current),
    statement: cleanText(signOff.statement ?? ''),
    typedName: cleanText(signOff.typedName ?? ''),
  };
}

/**
 * What the signed content hashes to now, by the rule server/plan/signing.ts signs with: the listed sections (a section
 * approval, a partial consent), in the template order they are stored in, else the whole plan.
 */
function currentHashOf(snapshot: PlanSnapshot, signOff: SignOff): string | undefined {
  return signedContentHash(signOff.sectionIds, () => snapshot.documentHash, (id) => snapshot.sectionHashes.get(id));
}

/** A line of a sign-off; `hash` is set in a fixed-width face, `stale` stands out. */
export interface SignatureLine extends LabelledValue {
  readonly style?: 'hash' | 'stale';
}

/** One sign-off as label/value lines, the same in every format. */
export function signatureLines(row: SignatureRow): SignatureLine[] {
  return [
    { label: 'Role', value: row.roles },
    { label: 'Kind of sign-off', value: row.kind },
    { label: 'Applies to', value: row.scope },
    { label: 'Signed', value: row.at },
    { label: 'Authentication', value: row.authMethod },
    ...(row.typedName ? [{ label: 'Typed name', value: row.typedName }] : []),
    ...(row.statement ? [{ label: 'Statement', value: row.statement }] : []),
    { label: 'Hash signed', value: row.contentHash, style: 'hash' },
    row.covers
      ? { label: 'Current text', value: 'Covers the current text: unchanged since signing' }
      : { label: 'Current text', value: `STALE: ${NOT_COVERING} (it changed after signing)`, style: 'stale' },
  ];
}

function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role).join(', ');
}

/** `2026-11-17T14:03:09.000Z` → `November 17, 2026, 14:03 UTC`: one clock for everyone who reads the page. */
export function formatTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${formatDate(match[1] ?? '')}, ${match[2]} UTC` : iso;
}
