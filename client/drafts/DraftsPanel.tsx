// The section's unsaved drafts, shown above its editors until the participant adds, copies away or discards each one.

import { useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import type { SectionDef } from '../../shared/template/types';
import type { PlanSession } from '../api/plan-session';
import { DraftCard } from './DraftCard';
import { useSectionDrafts } from './use-section-drafts';

interface DraftsPanelProps {
  readonly session: PlanSession;
  readonly section: SectionDef;
  readonly doc: Y.Doc;
  readonly canWrite: boolean;
  /** Where focus goes when the last draft is gone. */
  readonly focusSection: () => void;
}

export function DraftsPanel({ session, section, doc, canWrite, focusSection }: DraftsPanelProps) {
  const drafts = useSectionDrafts(session.drafts, section.id);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(drafts.length);

  // A new draft means the editor the participant typed in was just reset under them: lead them to their words.
  // (The section list announces it, for those whose focus is elsewhere.)
  useEffect(() => {
    const added = drafts.length > shown.current;
    shown.current = drafts.length;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (added && lost) heading.current?.focus();
  }, [drafts.length]);

  if (drafts.length === 0) return null;
  const afterOne = () => {
    if (drafts.length > 1) heading.current?.focus();
    else focusSection();
  };
  return (
    <section className="drafts" aria-labelledby={headingId} data-testid="drafts">
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Your words not saved in this section
      </h3>
      <ul className="drafts__list">
        {drafts.map((draft) => (
          <DraftCard key={draft.id} draft={draft} section={section} doc={doc} canWrite={canWrite} drafts={session.drafts} onGone={afterOne} />
        ))}
      </ul>
    </section>
  );
}
