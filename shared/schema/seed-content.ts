// Writes plain starting content (a demo, a new plan's student header) into a section's doc using the editor's own schema.

import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { SectionDef } from '../template/types';
import { editorSchema } from './editor-schema';
import { fillFields, makeRow, richTextOf, rowsOf } from './section-doc';

/** A block of starting prose: a paragraph, or a bulleted list. */
export type SeedBlock = { readonly paragraph: string } | { readonly bullets: readonly string[] };

/** Starting content of one section, keyed by part id. */
export interface SectionSeed {
  readonly richtext?: Readonly<Record<string, readonly SeedBlock[]>>;
  readonly fields?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly rows?: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>>;
}

function paragraph(text: string) {
  return { type: 'paragraph', content: text ? [{ type: 'text', text }] : [] };
}

function blockJson(block: SeedBlock) {
  if ('paragraph' in block) return paragraph(block.paragraph);
  return { type: 'bulletList', content: block.bullets.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
}

/** Fills every part of the section: given content where the seed has some, empty fields otherwise. */
export function writeSectionSeed(section: SectionDef, doc: Y.Doc, seed: SectionSeed = {}, newRowId: () => string): void {
  doc.transact(() => {
    for (const part of section.parts) {
      if (part.kind === 'richtext') {
        const blocks = seed.richtext?.[part.id];
        if (blocks && blocks.length > 0) {
          prosemirrorJSONToYXmlFragment(editorSchema, { type: 'doc', content: blocks.map(blockJson) }, richTextOf(doc, part));
        }
      } else if (part.kind === 'fields') {
        fillFields(doc, part, seed.fields?.[part.id]);
      } else {
        const rows = seed.rows?.[part.id] ?? [];
        rowsOf(doc, part).push(rows.map((values) => makeRow(part, newRowId(), values)));
      }
    }
  });
}
