// Where a thread points now, read from the live section doc: its words (or "text removed"), its row (or "row removed"), or the section.

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { CommentAnchor, CommentThread } from '../../shared/rules/comments';
import { ROW_ID, rowsOf, valueText } from '../../shared/schema/section-doc';
import type { SectionDef } from '../../shared/template/types';
import { anchorSpan } from './anchor-words';

export type AnchorPlace =
  | { readonly kind: 'text'; readonly partLabel: string; readonly quote: string; readonly removed: boolean }
  | { readonly kind: 'row'; readonly partLabel: string; readonly rowNoun: string; readonly number: number | null; readonly preview: string }
  | { readonly kind: 'section' };

export function anchorPlace(doc: Y.Doc, section: SectionDef, anchor: CommentAnchor): AnchorPlace {
  if (anchor.kind === 'section') return anchor;
  const part = section.parts.find((each) => each.id === anchor.partId);
  const partLabel = part?.label ?? 'this section';
  if (anchor.kind === 'text') return { kind: 'text', partLabel, quote: anchor.quote, removed: anchorSpan(doc, anchor) === null };
  if (part?.kind !== 'table') return { kind: 'row', partLabel, rowNoun: 'row', number: null, preview: '' };
  const rows = rowsOf(doc, part).toArray();
  const index = rows.findIndex((row) => valueText(row.get(ROW_ID)) === anchor.rowId);
  const row = rows[index];
  const firstColumn = part.columns[0];
  const preview = row && firstColumn ? valueText(row.get(firstColumn.id)) : '';
  return { kind: 'row', partLabel, rowNoun: part.rowNoun, number: row ? index + 1 : null, preview: preview.slice(0, 120) };
}

/** Places as they were are kept (same objects), so only threads whose place changed draw again. */
function placesOf(doc: Y.Doc, section: SectionDef, threads: readonly CommentThread[], previous: ReadonlyMap<string, AnchorPlace>): Map<string, AnchorPlace> {
  return new Map(
    threads.map((thread) => {
      const place = anchorPlace(doc, section, thread.anchor);
      const before = previous.get(thread.id);
      return [thread.id, before && JSON.stringify(before) === JSON.stringify(place) ? before : place] as const;
    }),
  );
}

function samePlaces(a: ReadonlyMap<string, AnchorPlace>, b: ReadonlyMap<string, AnchorPlace>): boolean {
  return a.size === b.size && [...a].every(([id, place]) => b.get(id) === place);
}

/** Thread id → its place, re-read as the section's text changes; a new map only when some place changed. */
export function useAnchorPlaces(doc: Y.Doc, section: SectionDef, threads: readonly CommentThread[]): ReadonlyMap<string, AnchorPlace> {
  const [places, setPlaces] = useState<ReadonlyMap<string, AnchorPlace>>(() => placesOf(doc, section, threads, new Map()));
  useEffect(() => {
    const update = () => setPlaces((previous) => {
      const next = placesOf(doc, section, threads, previous);
      return samePlaces(previous, next) ? previous : next;
    });
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, section, threads]);
  return places;
}
