// One draft: why the words were not saved, the words by part, and Copy, Add to the section (when allowed) and Discard.

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { SectionDef } from '../../shared/template/types';
import { useAnnounce } from '../page/announcer';
import { acceptsText, applyDraftText } from './apply-draft';
import { copyText } from './copy-text';
import type { DraftCause, SectionDraft, SectionDrafts } from './section-drafts';

const BEFORE = 'before these words reached the server';

export function causeSentence(cause: DraftCause): string {
  switch (cause.code) {
    case 'LOCKED_BY_OTHER':
      return `Not saved: the section was taken by ${cause.holderName ?? 'someone else'} ${BEFORE}.`;
    case 'ROLE_CANNOT_EDIT':
      return `Not saved: your role on the team changed ${BEFORE}.`;
    case 'DOCUMENT_FROZEN':
      return `Not saved: the plan was agreed or finalized ${BEFORE}.`;
    default:
      return 'Not saved: the server did not accept these words.';
  }
}

interface DraftCardProps {
  readonly draft: SectionDraft;
  readonly section: SectionDef;
  /** The section's doc as the server holds it now. */
  readonly doc: Y.Doc;
  /** The participant may write the section now (the same rule the server applies). */
  readonly canWrite: boolean;
  readonly drafts: SectionDrafts;
  /** Called after the draft was added or discarded, to put focus somewhere sensible. */
  readonly onGone: () => void;
}

export function DraftCard({ draft, section, doc, canWrite, drafts, onGone }: DraftCardProps) {
  const labelId = useId();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  const parts = draft.parts.map((each) => ({ ...each, part: section.parts.find((part) => part.id === each.partId) }));
  const addable = parts.every(({ part }) => part !== undefined && acceptsText(part));
  const when = new Date(draft.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const which = <span className="visually-hidden"> (unsaved words from {when})</span>;

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (cancelled.current) {
      cancelled.current = false;
      discardButton.current?.focus();
    }
  }, [confirming]);

  const copy = async () => {
    const ok = await copyText(draft.parts.map((each) => each.text).join('\n\n'));
    setCopied(ok ? 'Copied.' : 'Your browser did not allow copying: select the words and copy them yourself.');
  };
  const add = () => {
    for (const { part, text } of parts) if (part) applyDraftText(doc, part, text);
    drafts.remove(draft.sectionId, draft.id);
    announce(`Your words were added to ${section.title}.`);
    onGone();
  };
  const discard = () => {
    drafts.remove(draft.sectionId, draft.id);
    announce('The unsaved words were discarded.');
    onGone();
  };
  const keep = () => {
    cancelled.current = true;
    setConfirming(false);
  };
  const keepOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') keep();
  };

  return (
    <li className="draft" aria-labelledby={labelId} data-testid="draft">
      <p id={labelId} className="draft__cause">
        {causeSentence(draft.cause)}
      </p>
      {parts.map(({ partId, text, part }) => (
        <div key={partId} className="draft__part">
          <p className="draft__part-label">{part?.label ?? 'Text'}:</p>
          <p className="draft__text">{text}</p>
        </div>
      ))}
      <div className="draft__actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy{which}
        </button>
        {canWrite && addable && (
          <button type="button" className="button button--primary" onClick={add}>
            Add to the section{which}
          </button>
        )}
        {confirming ? (
          <span className="confirm">
            <span>Discard these words for good?</span>
            <button ref={confirmButton} type="button" className="button button--danger" onClick={discard} onKeyDown={keepOnEscape}>
              Yes, discard{which}
            </button>
            <button type="button" className="button" onClick={keep} onKeyDown={keepOnEscape}>
              Keep them{which}
            </button>
          </span>
        ) : (
          <button ref={discardButton} type="button" className="button" onClick={() => setConfirming(true)}>
            Discard{which}
          </button>
        )}
        <span className="draft__copied" role="status">
          {copied}
        </span>
      </div>
      {!canWrite && <p className="help">You can add these words to the section once you may edit it again; until then, copy them.</p>}
    </li>
  );
}
