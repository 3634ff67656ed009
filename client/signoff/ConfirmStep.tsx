// A button for a step that changes the plan for everyone: it first says what the step means, then "Yes" does it and "Cancel" (or Escape) steps back.

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

interface ConfirmStepProps {
  readonly label: string;
  /** What the step means, read before confirming. */
  readonly meaning: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly busy: boolean;
  readonly testId?: string;
}

export function ConfirmStep({ label, meaning, confirmLabel, onConfirm, busy, testId }: ConfirmStepProps) {
  const [asking, setAsking] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLFieldSetElement>(null);
  const steppedBack = useRef(false);
  const meaningId = useId();

  // Focus follows the step: onto the explanation when asked (read first, then the buttons), back to the first button on cancel.
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (steppedBack.current) {
      steppedBack.current = false;
      start.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    steppedBack.current = true;
    setAsking(false);
  };
  const confirm = () => {
    if (busy) return;
    cancel();
    onConfirm();
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };

  if (!asking) {
    return (
      <button ref={start} type="button" className="button" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <fieldset ref={question} className="confirm-step" aria-describedby={meaningId} tabIndex={-1} onKeyDown={cancelOnEscape}>
      <legend className="confirm-step__question">{label}?</legend>
      <p id={meaningId} className="confirm-step__meaning">
        {meaning}
      </p>
      <div className="confirm-step__buttons">
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={confirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
