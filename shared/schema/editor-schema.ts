// The rich-text schema every prose part uses: the browser's TipTap editors, the server's seed and export read the same one.

import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/** The extensions behind the schema. Undo/redo is off because collaborative undo comes from Yjs, not ProseMirror history. */
export function editorExtensions() {
  return [
    StarterKit.configure({
      undoRedo: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
  ];
}

export const editorSchema = getSchema(editorExtensions());
