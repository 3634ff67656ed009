// The section on screen, kept in the address's #hash so links and reloads open the same section.

import { useEffect, useState } from 'react';

export interface CurrentSection {
  readonly id: string | undefined;
  /** True once the participant moved between sections, so the new section's heading should take focus. */
  readonly navigated: boolean;
}

function hashId(): string {
  try {
    return decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return '';
  }
}

/**
 * Unknown hashes (an old link, the skip link to #main-content) keep the current section: the browser has already
 * scrolled and moved focus to the target, and the address is put back to name the section, so a reload still works.
 */
export function useSectionHash(sectionIds: readonly string[]): CurrentSection {
  const [current, setCurrent] = useState<CurrentSection>(() => {
    const fromHash = hashId();
    return { id: sectionIds.includes(fromHash) ? fromHash : sectionIds[0], navigated: false };
  });

  useEffect(() => {
    if (current.id && hashId() !== current.id) {
      window.history.replaceState(window.history.state, '', `#${encodeURIComponent(current.id)}`);
    }
  }, [current.id]);

  useEffect(() => {
    const onHashChange = () => {
      const id = hashId();
      if (sectionIds.includes(id)) setCurrent({ id, navigated: true });
      else if (current.id) window.history.replaceState(window.history.state, '', `#${encodeURIComponent(current.id)}`);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [sectionIds, current.id]);

  return current;
}
