// The choice of what one is signing: each kind with its meaning in plain words, and kinds closed to this signer disabled with the reason.

import type { PlanStatus } from '../../shared/protocol/api';
import type { Role } from '../../shared/rules/roles';
import { decideSignOff, SIGNOFF_MEANINGS, type SignOffKind } from '../../shared/rules/signoffs';

/** Kinds signed from the panel; a section approval is given on its section. */
export const PANEL_KINDS = ['attendance', 'agreement', 'disagreement', 'parent-consent', 'consent-revocation', 'receipt'] as const satisfies readonly SignOffKind[];
export type PanelKind = (typeof PANEL_KINDS)[number];

const CHOICE_LABELS: Readonly<Record<PanelKind, string>> = {
  attendance: 'Attendance',
  agreement: 'Agreement with the plan',
  disagreement: 'Disagreement, with a written statement',
  'parent-consent': 'Parent consent',
  'consent-revocation': 'Revoking consent given earlier',
  receipt: 'Receipt of a copy',
};

export const kindInputId = (kind: PanelKind) => `signoff-kind-${kind}`;

/** Why a kind is closed to this signer, or undefined when it is open. A missing statement is fixed in the form, not a closed kind. */
export function closedReason(roles: readonly Role[], kind: PanelKind, status: PlanStatus): string | undefined {
  const decision = decideSignOff(roles, kind, status, '');
  return decision.ok || decision.code === 'BAD_REQUEST' ? undefined : decision.reason;
}

interface KindChoiceProps {
  readonly roles: readonly Role[];
  readonly status: PlanStatus;
  readonly selected: PanelKind | null;
  readonly onChange: (kind: PanelKind) => void;
  readonly error: string | undefined;
  readonly disabled: boolean;
}

export function KindChoice({ roles, status, selected, onChange, error, disabled }: KindChoiceProps) {
  const errorId = error ? 'signoff-kind-error' : undefined;
  return (
    <fieldset className="choice-group signoff-kinds" aria-describedby={errorId} disabled={disabled}>
      <legend>What are you signing?</legend>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {PANEL_KINDS.map((kind) => {
        const id = kindInputId(kind);
        const reason = closedReason(roles, kind, status);
        return (
          <div key={kind} className={reason ? 'signoff-kind signoff-kind--closed' : 'signoff-kind'}>
            <input
              id={id}
              type="radio"
              name="signoff-kind"
              value={kind}
              checked={selected === kind}
              disabled={reason !== undefined}
              onChange={() => onChange(kind)}
              aria-describedby={`${id}-meaning`}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={id}>{CHOICE_LABELS[kind]}</label>
            <p id={`${id}-meaning`} className="signoff-kind__meaning">
              {reason ? `Not open to you: ${reason}` : SIGNOFF_MEANINGS[kind]}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
