// The words the comments panel uses for times and for where a thread points.

import type { AnchorPlace } from './anchor-place';

const TODAY = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const EARLIER = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "10:42 AM" today, "Mar 4, 2025, 10:42 AM" before; the full ISO time stays in the <time> element. */
export function whenText(iso: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return at.toDateString() === now.toDateString() ? TODAY.format(at) : EARLIER.format(at);
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const HEADING_QUOTE = 160;

function clipped(quote: string): string {
  return quote.length > HEADING_QUOTE ? `${quote.slice(0, HEADING_QUOTE - 1)}…` : quote;
}

/** The heading of a thread: what it is about. The quote is the words as they were when the comment was made. */
export function placeSentence(place: AnchorPlace | undefined): string {
  if (!place || place.kind === 'section') return 'On the whole section';
  if (place.kind === 'text') return `On “${clipped(place.quote)}” in ${place.partLabel}`;
  if (place.number === null) return `On a ${place.rowNoun} of ${place.partLabel}`;
  const preview = place.preview ? `: “${place.preview}”` : '';
  return `On ${place.rowNoun} ${place.number} of ${place.partLabel}${preview}`;
}

/** Said beside the heading when what the thread pointed at is gone; the thread stays on the section. */
export function goneSentence(place: AnchorPlace | undefined): string | null {
  if (place?.kind === 'text' && place.removed) return 'text removed';
  if (place?.kind === 'row' && place.number === null) return `${place.rowNoun} removed`;
  return null;
}
