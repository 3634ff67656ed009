// A button for a step that cannot be undone, which first asks: "Yes" does it, "Keep" (or Escape) steps back; focus returns to it.

import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';

interface ConfirmActionProps {
  /** The first button's text, e.g. "Remove from team". */
  readonly label: ReactNode;
  /** The question asked before doing it. */
  readonly question: ReactNode;
  readonly confirmLabel: ReactNode;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
}

export function ConfirmAction({ label, question, confirmLabel, onConfirm, disabled = false }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const steppedBack = useRef(false);

  // Focus follows the step: onto "Yes" when asked, back to the first button when kept.
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (steppedBack.current) {
      steppedBack.current = false;
      start.current?.focus();
    }
  }, [asking]);

  const keep = () => {
    steppedBack.current = true;
    setAsking(false);
  };
  const confirm = () => {
    keep();
    onConfirm();
  };
  // Escape here steps back from the question only; it must not also close the dialog around it.
  const keepOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    keep();
  };

  if (!asking) {
    return (
      <button ref={start} type="button" className="button" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span>{question}</span>
      <button ref={yes} type="button" className="button button--danger" onClick={confirm} onKeyDown={keepOnEscape} disabled={disabled}>
        {confirmLabel}
      </button>
      <button type="button" className="button" onClick={keep} onKeyDown={keepOnEscape}>
        Keep
      </button>
    </span>
  );
}
