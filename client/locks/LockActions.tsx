// The lock buttons of a section: take, release, ask, hand over, and take over with a confirming step.

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { LockChoices } from './lock-choices';

interface LockActionsProps {
  readonly choices: LockChoices;
  readonly title: string;
  readonly holderName: string | undefined;
  readonly busy: boolean;
  readonly onClaim: () => void;
  readonly onRelease: () => void;
  readonly onAsk: () => void;
  readonly onTakeOver: () => void;
  readonly onHandOver: (participantId: string) => void;
}

const hidden = (text: string) => <span className="visually-hidden">{text}</span>;

export function LockActions({ choices, title, holderName, busy, onClaim, onRelease, onAsk, onTakeOver, onHandOver }: LockActionsProps) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const takeOverButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);

  // Focus follows the step, as in removing a table row: onto "Yes" when asked, back to "Take over" when cancelled.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (cancelled.current) {
      cancelled.current = false;
      takeOverButton.current?.focus();
    }
  }, [confirming]);

  // The holder changed while the question was open: it no longer applies.
  useEffect(() => {
    if (!choices.takeOver) setConfirming(false);
  }, [choices.takeOver]);

  const cancel = () => {
    cancelled.current = true;
    setConfirming(false);
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') cancel();
  };
  const { handOverTo } = choices;
  const any = choices.claim || choices.release || choices.ask || choices.takeOver || handOverTo !== null;
  if (!any) return null;

  return (
    <div className="lock-bar__actions">
      {choices.claim && (
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={onClaim}>
          Take this section
        </button>
      )}
      {handOverTo && (
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => onHandOver(handOverTo.participantId)}>
          Hand over to {handOverTo.name}
        </button>
      )}
      {choices.release && (
        <button type="button" className="button" aria-disabled={busy} onClick={onRelease}>
          Release{hidden(' this section')}
        </button>
      )}
      {choices.ask && (
        <button type="button" className="button" aria-disabled={busy} onClick={onAsk}>
          Ask to edit{hidden(' this section')}
        </button>
      )}
      {choices.takeOver && !confirming && (
        <button ref={takeOverButton} type="button" className="button" aria-disabled={busy} onClick={() => setConfirming(true)}>
          Take over{hidden(` from ${holderName ?? 'the holder'}`)}
        </button>
      )}
      {choices.takeOver && confirming && (
        <div className="confirm" role="group" aria-labelledby={questionId}>
          <span id={questionId}>
            Take {title} from {holderName ?? 'the holder'}? They are told, and everything they wrote stays.
          </span>
          <button
            ref={confirmButton}
            type="button"
            className="button button--danger"
            aria-disabled={busy}
            onClick={() => {
              setConfirming(false);
              onTakeOver();
            }}
            onKeyDown={cancelOnEscape}
          >
            Yes, take over
          </button>
          <button type="button" className="button" onClick={cancel} onKeyDown={cancelOnEscape}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
