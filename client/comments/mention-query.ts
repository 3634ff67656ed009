// Typing "@" in a comment: the name being typed right before the caret, and the `@[Name](id)` token that replaces it.

export interface MentionQuery {
  /** Where the "@" is. */
  readonly start: number;
  /** The letters typed after it, up to the caret. */
  readonly text: string;
}

/** An "@" at the start or after a space or bracket, followed by the start of a name (two words at most). */
const TYPED_MENTION = /(?:^|[\s([{])@([^\s@[\]()]{0,40}(?: [^\s@[\]()]{0,40})?)$/;

export function mentionQueryAt(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const match = TYPED_MENTION.exec(before);
  if (!match) return null;
  const text = match[1] ?? '';
  return { start: caret - text.length - 1, text };
}

/** A name as a mention token can hold it: no square brackets, no line breaks, at most 200 characters. */
export function mentionName(name: string): string {
  const cleaned = name.replace(/[[\]]/g, '').replace(/[\r\n]+/g, ' ').trim().slice(0, 200);
  return cleaned || 'participant';
}

export function mentionToken(name: string, id: string): string {
  return `@[${mentionName(name)}](${id})`;
}

/** The value with the typed "@name" replaced by the token and a space, and where the caret goes after it. */
export function insertMention(value: string, query: MentionQuery, caret: number, name: string, id: string): { value: string; caret: number } {
  const token = `${mentionToken(name, id)} `;
  const next = value.slice(0, query.start) + token + value.slice(caret);
  return { value: next, caret: query.start + token.length };
}

export interface Mentionable {
  readonly id: string;
  readonly name: string;
}

/** Names starting with the typed letters first, then names containing them; at most `limit`. */
export function matchingNames<T extends Mentionable>(people: readonly T[], typed: string, limit = 8): T[] {
  const wanted = typed.trim().toLocaleLowerCase();
  const scored = people
    .map((person) => ({ person, at: person.name.toLocaleLowerCase().indexOf(wanted) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => Number(a.at !== 0) - Number(b.at !== 0) || a.person.name.localeCompare(b.person.name));
  return scored.slice(0, limit).map(({ person }) => person);
}
