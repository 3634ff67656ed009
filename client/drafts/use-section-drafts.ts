// The drafts of one section as React state, updated when a refusal adds one or the participant uses or discards one.

import { useCallback, useSyncExternalStore } from 'react';
import type { SectionDraft, SectionDrafts } from './section-drafts';

export function useSectionDrafts(drafts: SectionDrafts, sectionId: string): readonly SectionDraft[] {
  const subscribe = useCallback((changed: () => void) => drafts.subscribe(changed), [drafts]);
  const snapshot = useCallback(() => drafts.of(sectionId), [drafts, sectionId]);
  return useSyncExternalStore(subscribe, snapshot);
}
