// The participant's unsaved drafts per section: text the server refused, kept in this tab's sessionStorage until used or discarded.

import type { ErrorCode } from '../../shared/protocol/errors';

/** Why the server did not take the words: the write gate's code, and who held the section if a lock was the reason. */
export interface DraftCause {
  readonly code: ErrorCode | null;
  readonly holderName?: string;
}

/** Refused text of one part of the section (a rich-text part, or a fields or table part). */
export interface DraftPart {
  readonly partId: string;
  readonly text: string;
}

export interface SectionDraft {
  readonly id: string;
  readonly sectionId: string;
  /** When the server refused it, epoch ms. */
  readonly at: number;
  readonly cause: DraftCause;
  readonly parts: readonly DraftPart[];
}

const NO_DRAFTS: readonly SectionDraft[] = [];

/** Every draft key starts so: signing out can remove them all (`forgetAllDrafts`). */
export const DRAFT_KEY_PREFIX = 'concord.drafts.';

export function forgetAllDrafts(storage: Storage | null = tabStorage()): void {
  if (!storage) return;
  const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
  for (const key of keys) if (key?.startsWith(DRAFT_KEY_PREFIX)) storage.removeItem(key);
}

function isDraft(value: unknown): value is SectionDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<SectionDraft>;
  return (
    typeof draft.id === 'string' &&
    typeof draft.sectionId === 'string' &&
    typeof draft.at === 'number' &&
    typeof draft.cause === 'object' &&
    Array.isArray(draft.parts) &&
    draft.parts.every((part) => typeof part?.partId === 'string' && typeof part.text === 'string')
  );
}

/** This tab's sessionStorage, or null where the browser refuses it (private modes, disabled storage). */
export function tabStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * sessionStorage, not localStorage: a draft is a piece of a student's record, so it lives only as long as the tab,
 * survives a reload, and never reaches another tab or a later visitor of a shared computer.
 */
export class SectionDrafts {
  private readonly cache = new Map<string, readonly SectionDraft[]>();
  private readonly listeners = new Set<() => void>();

  /** Keyed by participant too: on a shared computer, the next person signing in to the same tab must not see them. */
  constructor(
    private readonly planId: string,
    private readonly participantId: string,
    private readonly storage: Storage | null = tabStorage(),
  ) {}

  /** The same array until the section's drafts change, so it can be a React external store snapshot. */
  of(sectionId: string): readonly SectionDraft[] {
    const cached = this.cache.get(sectionId);
    if (cached) return cached;
    const loaded = this.load(sectionId);
    this.cache.set(sectionId, loaded);
    return loaded;
  }

  add(draft: SectionDraft): void {
    this.save(draft.sectionId, [...this.of(draft.sectionId), draft]);
  }

  remove(sectionId: string, draftId: string): void {
    this.save(
      sectionId,
      this.of(sectionId).filter((draft) => draft.id !== draftId),
    );
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private key(sectionId: string): string {
    return `${DRAFT_KEY_PREFIX}${this.planId}.${this.participantId}.${sectionId}`;
  }

  private load(sectionId: string): readonly SectionDraft[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(this.key(sectionId)) ?? '[]');
      const drafts = Array.isArray(parsed) ? parsed.filter(isDraft) : [];
      return drafts.length > 0 ? drafts : NO_DRAFTS;
    } catch {
      return NO_DRAFTS;
    }
  }

  /** Memory first: a full or refused storage must not lose the draft on screen, only its survival of a reload. */
  private save(sectionId: string, drafts: readonly SectionDraft[]): void {
    this.cache.set(sectionId, drafts.length > 0 ? drafts : NO_DRAFTS);
    try {
      if (drafts.length > 0) this.storage?.setItem(this.key(sectionId), JSON.stringify(drafts));
      else this.storage?.removeItem(this.key(sectionId));
    } catch {
      // Quota or privacy settings: the draft stays on screen for this visit.
    }
    for (const listener of this.listeners) listener();
  }
}
