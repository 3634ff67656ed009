// The signing flow: who signs, what kind (its meaning shown first), the statement, what a consent covers, the typed name, then "Sign".

import { type FormEvent, useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PlanStatus, PlanView } from '../../shared/protocol/api';
import type { Role } from '../../shared/rules/roles';
import { SIGNOFF_LABELS, SIGNOFF_MEANINGS, type SignOff } from '../../shared/rules/signoffs';
import { signOffApi } from '../api/http';
import { TextField } from '../page/TextField';
import { useForm } from '../page/use-form';
import { ConsentScope, sectionsFieldId } from './ConsentScope';
import { closedReason, KindChoice, kindInputId, PANEL_KINDS } from './KindChoice';
import { checkDraft, requestOf, type SignatureDraft, type SignatureField, takesScope } from './signature-draft';
import { refusalSentence, scopeSentence, timeText } from './signoff-sentences';
import type { Signer } from './use-signers';
import { WitnessChoice } from './WitnessChoice';

const emptyDraft = (signerId: string): SignatureDraft => ({ kind: null, statement: '', scope: 'all', sectionIds: [], typedName: '', signerId });

interface SigningFormProps {
  readonly plan: PlanView;
  readonly status: PlanStatus;
  readonly roles: readonly Role[];
  readonly signers: readonly Signer[];
  /** A staff member signed in with a password, who may edit: they can witness someone signing on their device. */
  readonly canWitness: boolean;
  readonly titleOf: (sectionId: string) => string;
}

export function SigningForm({ plan, status, roles, signers, canWitness, titleOf }: SigningFormProps) {
  const myId = plan.me.id;
  const [draft, setDraft] = useState<SignatureDraft>(() => emptyDraft(myId));
  const [refused, setRefused] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const result = useRef<HTMLParagraphElement>(null);
  const change = (patch: Partial<SignatureDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  const signer = signers.find((person) => person.id === draft.signerId);
  const signerName = signer?.name ?? plan.me.name;
  const signerRoles = draft.signerId === myId ? roles : (signer?.roles ?? []);
  const forSomeoneElse = draft.signerId !== myId;
  const openKinds = PANEL_KINDS.filter((kind) => closedReason(signerRoles, kind, status) === undefined);
  const firstOpen = openKinds[0];
  const idOf = useCallback(
    (field: SignatureField) =>
      ({ kind: firstOpen ? kindInputId(firstOpen) : '', statement: 'signoff-statement', sections: sectionsFieldId, typedName: 'signoff-typed-name' })[field],
    [firstOpen],
  );
  const form = useForm<SignatureField>(idOf);
  const sections = plan.sections.filter((section) => section.applies).map((section) => ({ value: section.id, label: section.title }));

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    if (form.pending) return;
    setRefused(null);
    setDone('');
    let signed: SignOff | undefined;
    await form.submit(
      () => checkDraft(draft, signerRoles, status, signerName, forSomeoneElse),
      async () => {
        try {
          signed = await signOffApi.sign(plan.id, requestOf(draft, myId));
        } catch (error) {
          setRefused(refusalSentence(error));
        }
      },
    );
    if (!signed) return;
    const scope = scopeSentence(signed, titleOf);
    const who = forSomeoneElse ? `${signed.name} signed, with you as witness` : 'You signed';
    const sentence = `${who}: ${SIGNOFF_LABELS[signed.kind]}${scope ? ` (${scope})` : ''}, ${timeText(signed.at)}. The signature covers the plan exactly as it reads now.`;
    // The result line is hidden while empty: its words must be in the page before it can take focus.
    flushSync(() => {
      setDone(sentence);
      setDraft(emptyDraft(myId));
    });
    result.current?.focus();
  };

  const closed = firstOpen === undefined;
  const meaningId = 'signoff-meaning';
  return (
    <section className="signing" aria-labelledby="signing-heading">
      <h3 id="signing-heading">Sign</h3>
      <form className="stacked-form signing__form" onSubmit={sign} noValidate>
        {canWitness && (
          <WitnessChoice myId={myId} myName={plan.me.name} team={signers} signerId={draft.signerId} onChange={(signerId) => change({ signerId, kind: null })} disabled={form.pending} />
        )}
        {closed ? (
          // Attendance is closed only to a role that does not sign at all, so its reason is the one that applies.
          <p className="help">{closedReason(signerRoles, 'attendance', status)}</p>
        ) : (
          <>
            <KindChoice roles={signerRoles} status={status} selected={draft.kind} onChange={(kind) => change({ kind })} error={form.errors.kind} disabled={form.pending} />
            {takesScope(draft.kind) && (
              <ConsentScope
                revoking={draft.kind === 'consent-revocation'}
                sections={sections}
                scope={draft.scope}
                onScope={(scope) => change({ scope })}
                chosen={draft.sectionIds}
                onChosen={(sectionIds) => change({ sectionIds })}
                error={form.errors.sections}
                disabled={form.pending}
              />
            )}
            <StatementField value={draft.statement} required={draft.kind === 'disagreement'} error={form.errors.statement} onChange={(statement) => change({ statement })} />
            <TextField
              id="signoff-typed-name"
              label={forSomeoneElse ? `${signerName} types their full name to sign` : 'Type your full name to sign'}
              autoComplete={forSomeoneElse ? 'off' : 'name'}
              value={draft.typedName}
              onChange={(event) => change({ typedName: event.target.value })}
              error={form.errors.typedName}
            />
            <div id={meaningId} className="signoff-meaning" data-testid="signoff-meaning">
              <p className="signoff-meaning__title">What this signature means</p>
              <p>{draft.kind ? SIGNOFF_MEANINGS[draft.kind] : 'Choose what you are signing above; its meaning appears here before you sign.'}</p>
              {forSomeoneElse && <p>{signerName} signs on this device; you sign as their witness.</p>}
            </div>
            {refused && (
              <p className="form-alert" role="alert">
                {refused}
              </p>
            )}
            <button type="submit" className="button button--primary" aria-describedby={meaningId} aria-disabled={form.pending}>
              {form.pending ? 'Signing…' : 'Sign'}
            </button>
          </>
        )}
      </form>
      <p ref={result} tabIndex={-1} className="form-success" role="status" data-testid="signoff-result">
        {done}
      </p>
    </section>
  );
}

interface StatementFieldProps {
  readonly value: string;
  readonly required: boolean;
  readonly error: string | undefined;
  readonly onChange: (value: string) => void;
}

function StatementField({ value, required, error, onChange }: StatementFieldProps) {
  const describedBy = ['signoff-statement-hint', error ? 'signoff-statement-error' : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor="signoff-statement">
        Your statement{!required && <span className="field__optional"> (optional)</span>}
      </label>
      <p id="signoff-statement-hint" className="help">
        {required ? 'Say why you disagree. Your statement becomes part of the record.' : 'Anything you want recorded with your signature.'}
      </p>
      <textarea
        id="signoff-statement"
        className="control"
        rows={4}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id="signoff-statement-error" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
