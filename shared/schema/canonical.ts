// The canonical form of a section's content and its SHA-256: what a sign-off binds to. Same content, same hash, however it was encoded.

import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import * as Y from 'yjs';
import type { Part, SectionDef } from '../template/types';
import { fieldsOf, richTextOf, rowsOf, valueText } from './section-doc';

export type Canonical = null | boolean | number | string | readonly Canonical[] | { readonly [key: string]: Canonical };

export function canonicalSection(section: SectionDef, doc: Y.Doc): Canonical {
  return { section: section.id, parts: section.parts.map((part) => ({ part: part.id, value: canonicalPart(part, doc) })) };
}

function canonicalPart(part: Part, doc: Y.Doc): Canonical {
  switch (part.kind) {
    case 'richtext':
      return richTextOf(doc, part).toArray().map(canonicalXml);
    case 'fields': {
      const map = fieldsOf(doc, part);
      return part.fields.map((field) => [field.id, valueText(map.get(field.id))]);
    }
    case 'table':
      return rowsOf(doc, part)
        .toArray()
        .map((row) => part.columns.map((column) => valueText(row.get(column.id))));
    default:
      return assertNever(part);
  }
}

function canonicalXml(node: Y.XmlElement | Y.XmlText | Y.XmlHook): Canonical {
  if (node instanceof Y.XmlText) {
    const runs = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
    return { text: runs.map((run) => ({ insert: typeof run.insert === 'string' ? run.insert : null, marks: canonicalAttrs(run.attributes ?? {}) })) };
  }
  if (node instanceof Y.XmlElement) {
    return { node: node.nodeName, attrs: canonicalAttrs(node.getAttributes()), content: node.toArray().map(canonicalXml) };
  }
  return { hook: node.hookName };
}

function canonicalAttrs(attrs: Record<string, unknown>): Canonical {
  const out: Record<string, Canonical> = {};
  for (const key of Object.keys(attrs).sort()) {
    const value = attrs[key];
    if (value !== null && value !== undefined) out[key] = toCanonical(value);
  }
  return out;
}

function toCanonical(value: unknown): Canonical {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toCanonical);
  if (typeof value === 'object') return canonicalAttrs(value as Record<string, unknown>);
  return null;
}

/** JSON with object keys sorted at every depth: one text per value. */
export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as { readonly [key: string]: Canonical };
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] ?? null)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return Array.from(digest(encodeUtf8(text)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function sectionHash(section: SectionDef, doc: Y.Doc): string {
  return sha256Hex(canonicalJson(canonicalSection(section, doc)));
}

/** A short printable form of a hash for screens and footers. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

