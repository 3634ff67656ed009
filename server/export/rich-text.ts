// A section's rich text for export: the Y.XmlFragment read as ProseMirror JSON, then a small block/inline model all renderers share.

import * as Y from 'yjs';

/** ProseMirror's JSON shape, as the editor schema (shared/schema/editor-schema.ts) produces it. */
export interface PmNode {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly PmNode[];
  readonly text?: string;
  readonly marks?: readonly { readonly type: string; readonly attrs?: Readonly<Record<string, unknown>> }[];
}

export interface Inline {
  /** May hold '\n' for a hard line break. */
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strike: boolean;
  /** Only for http, https and mailto; anything else stays plain text. */
  readonly href?: string;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'heading'; readonly level: number; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly Block[])[] }
  | { readonly kind: 'quote'; readonly blocks: readonly Block[] };

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The link target if it is one a reader may follow; `javascript:`, `file:`, `data:` and the rest become plain text. */
export function safeHref(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 2048) return undefined;
  try {
    const url = new URL(raw.trim());
    return ALLOWED_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Text as every format can carry it: C0/C1 controls (other than newline and tab), lone surrogates and
 * non-characters are invalid in XML and meaningless on paper, so they are dropped rather than breaking the file.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

// y-prosemirror stores a mark that may overlap itself (a link) under `name--hash`; the part before is the mark's name.
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/**
 * The fragment as ProseMirror JSON, read without the schema: a foreign node a hostile client slipped in must not make
 * the export fail, and reading must never change the live doc (converting through the schema can drop nodes).
 */
export function fragmentJson(fragment: Y.XmlFragment): PmNode {
  return { type: 'doc', content: fragment.toArray().flatMap(nodeJson) };
}

function nodeJson(node: Y.XmlElement | Y.XmlText | Y.XmlHook): PmNode[] {
  if (node instanceof Y.XmlText) {
    const runs = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
    return runs
      .filter((run) => typeof run.insert === 'string')
      .map((run) => ({
        type: 'text',
        text: run.insert as string,
        marks: Object.entries(run.attributes ?? {}).map(([name, attrs]) => ({
          type: HASHED_MARK.exec(name)?.[1] ?? name,
          attrs: typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>) : {},
        })),
      }));
  }
  if (node instanceof Y.XmlElement) return [{ type: node.nodeName, attrs: node.getAttributes(), content: node.toArray().flatMap(nodeJson) }];
  return [];
}

export function blocksOf(doc: PmNode): Block[] {
  return blocks(doc.content ?? []);
}

function blocks(nodes: readonly PmNode[]): Block[] {
  const out: Block[] = [];
  let stray: PmNode[] = [];
  const flushStray = () => {
    if (stray.length > 0) out.push({ kind: 'paragraph', inlines: inlines(stray) });
    stray = [];
  };
  for (const node of nodes) {
    if (isInline(node)) {
      stray.push(node);
      continue;
    }
    flushStray();
    out.push(...block(node));
  }
  flushStray();
  return out;
}

function isInline(node: PmNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak';
}

function block(node: PmNode): Block[] {
  const content = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', inlines: inlines(content) }];
    case 'heading':
      return [{ kind: 'heading', level: clampLevel(node.attrs?.level), inlines: inlines(content) }];
    case 'bulletList':
    case 'orderedList':
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          start: typeof node.attrs?.start === 'number' && Number.isInteger(node.attrs.start) ? node.attrs.start : 1,
          items: content.map((item) => blocks(item.type === 'listItem' ? (item.content ?? []) : [item])),
        },
      ];
    case 'blockquote':
      return [{ kind: 'quote', blocks: blocks(content) }];
    default:
      // A node the schema does not know (or an image a client forged): its text is kept, nothing it points to is used.
      return blocks(content);
  }
}

function clampLevel(level: unknown): number {
  return typeof level === 'number' && level >= 1 && level <= 6 ? Math.floor(level) : 1;
}

function inlines(nodes: readonly PmNode[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text' && typeof node.text === 'string') {
      const text = cleanText(node.text);
      if (text) out.push(inline(text, node.marks ?? []));
    } else if (node.type === 'hardBreak') {
      out.push(inline('\n', []));
    } else {
      // Block content where inline content belongs (malformed input): keep its words on a line of their own.
      const nested = inlines(node.content ?? []);
      if (nested.length > 0 && out.length > 0) out.push(inline('\n', []));
      out.push(...nested);
    }
  }
  return out;
}

function inline(text: string, marks: NonNullable<PmNode['marks']>): Inline {
  const has = (type: string) => marks.some((mark) => mark.type === type);
  const href = safeHref(marks.find((mark) => mark.type === 'link')?.attrs?.href);
  return { text, bold: has('bold'), italic: has('italic'), underline: has('underline'), strike: has('strike'), ...(href ? { href } : {}) };
}

