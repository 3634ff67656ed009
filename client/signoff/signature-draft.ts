// A signature being filled in: what is missing before it can be sent, and the request it becomes.

import type { PlanStatus } from '../../shared/protocol/api';
import type { Role } from '../../shared/rules/roles';
import { decideSignOff } from '../../shared/rules/signoffs';
import type { SignOffRequest } from '../api/http';
import type { FieldErrors } from '../page/use-form';
import type { Scope } from './ConsentScope';
import type { PanelKind } from './KindChoice';

export type SignatureField = 'kind' | 'statement' | 'sections' | 'typedName';

export interface SignatureDraft {
  readonly kind: PanelKind | null;
  readonly statement: string;
  readonly scope: Scope;
  readonly sectionIds: readonly string[];
  readonly typedName: string;
  /** The participant who signs; someone other than the caller means the caller witnesses. */
  readonly signerId: string;
}

export const takesScope = (kind: PanelKind | null) => kind === 'parent-consent' || kind === 'consent-revocation';

/** Field problems in form order; the rule itself (who may sign what, when) is the shared `decideSignOff`. */
export function checkDraft(draft: SignatureDraft, signerRoles: readonly Role[], status: PlanStatus, signerName: string, forSomeoneElse: boolean): FieldErrors<SignatureField> {
  const errors: FieldErrors<SignatureField> = {};
  if (!draft.kind) return { kind: 'Choose what you are signing.' };
  const decision = decideSignOff(signerRoles, draft.kind, status, draft.statement);
  if (!decision.ok) {
    if (decision.code === 'BAD_REQUEST') errors.statement = decision.reason;
    else errors.kind = decision.reason;
  }
  if (takesScope(draft.kind) && draft.scope === 'some' && draft.sectionIds.length === 0) {
    errors.sections = 'Choose at least one section, or choose all of the plan.';
  }
  if (draft.typedName.trim() === '') {
    errors.typedName = forSomeoneElse ? `${signerName} types their full name here to sign.` : 'Type your full name to sign.';
  }
  return errors;
}

export function requestOf(draft: SignatureDraft, myId: string): SignOffRequest {
  if (!draft.kind) throw new Error('a signature needs its kind');
  const partial = takesScope(draft.kind) && draft.scope === 'some';
  return {
    kind: draft.kind,
    typedName: draft.typedName.trim(),
    ...(draft.statement.trim() ? { statement: draft.statement.trim() } : {}),
    ...(partial ? { sectionIds: draft.sectionIds } : {}),
    ...(draft.signerId !== myId ? { onBehalfOf: draft.signerId } : {}),
  };
}
