// A mark in the section list for a section holding the participant's unsaved words, announced when new words land there.

import { useEffect, useRef } from 'react';
import { useAnnounce } from '../page/announcer';
import type { SectionDrafts } from './section-drafts';
import { useSectionDrafts } from './use-section-drafts';

interface DraftBadgeProps {
  readonly drafts: SectionDrafts;
  readonly section: { readonly id: string; readonly title: string };
}

/** Always mounted (the list shows every section), so a draft made in a section no longer on screen is still told. */
export function DraftBadge({ drafts, section }: DraftBadgeProps) {
  const count = useSectionDrafts(drafts, section.id).length;
  const announce = useAnnounce();
  const shown = useRef(count);
  useEffect(() => {
    if (count > shown.current) announce(`Some of your words in ${section.title} were not saved. They are kept as a draft in that section.`);
    shown.current = count;
  }, [count, announce, section.title]);
  if (count === 0) return null;
  return (
    <span className="section-link__drafts" data-testid={`drafts-${section.id}`}>
      <span className="visually-hidden">, </span>
      {count === 1 ? 'your unsaved words' : `${count} sets of your unsaved words`}
    </span>
  );
}
