// A comment body cut into plain text, safe links and mentions of team members: what MessageBody renders, never markup.

export type BodyToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | { readonly kind: 'mention'; readonly id: string; readonly name: string };

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Mentions as `mentionsIn` reads them, and the start of a link; everything else is text. */
const TOKEN = /@\[([^\]]{1,200})\]\(([A-Za-z0-9_-]{1,64})\)|\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;

/** Sentence punctuation right after a link ("see https://example.org.") is not part of it. */
const TRAILING = /[.,;:!?'"”’)\]}]+$/;

/** The address a link may go to, or null: only http, https and mailto, as the URL parser reads them. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}

function pushText(tokens: BodyToken[], text: string): void {
  if (!text) return;
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'text') tokens[tokens.length - 1] = { kind: 'text', text: last.text + text };
  else tokens.push({ kind: 'text', text });
}

/**
 * `nameOf(id)` answers for ids the server counted as mentions (on the team when written); a token naming anyone else
 * stays as typed, so nobody can dress text up as a mention of the principal.
 */
export function bodyTokens(body: string, nameOf: (id: string) => string | undefined): BodyToken[] {
  const tokens: BodyToken[] = [];
  let at = 0;
  for (const match of body.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    pushText(tokens, body.slice(at, index));
    const [whole] = match;
    const mentionId = match[2];
    if (mentionId !== undefined) {
      const name = nameOf(mentionId);
      if (name !== undefined) tokens.push({ kind: 'mention', id: mentionId, name });
      else pushText(tokens, whole);
      at = index + whole.length;
      continue;
    }
    const link = whole.replace(TRAILING, '');
    const href = safeHref(link);
    if (href) tokens.push({ kind: 'link', text: link, href });
    else pushText(tokens, link);
    at = index + link.length;
  }
  pushText(tokens, body.slice(at));
  return tokens;
}

/** The body as a sentence for the live region and previews: mentions as "@Name", links as written. */
export function bodyText(body: string, nameOf: (id: string) => string | undefined): string {
  return bodyTokens(body, nameOf)
    .map((token) => (token.kind === 'mention' ? `@${token.name}` : token.text))
    .join('');
}
