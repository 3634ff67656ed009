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

/** Unknown hashes (an old link, a skip link) keep the current section instead of jumping back to the first. */
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
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [sectionIds]);

  return current;
}
