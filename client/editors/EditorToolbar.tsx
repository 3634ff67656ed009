// The formatting buttons above a rich-text editor: each says whether it is on, and all are reachable by keyboard.

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';

interface FormatButton {
  readonly id: string;
  readonly label: string;
  readonly isActive: (editor: Editor) => boolean;
  readonly toggle: (editor: Editor) => boolean;
}

/** Headings inside a part sit one level below the part's own heading (h3). */
const HEADING_LEVEL = 4;

const BUTTONS: readonly FormatButton[] = [
  { id: 'bold', label: 'Bold', isActive: (e) => e.isActive('bold'), toggle: (e) => e.chain().focus().toggleBold().run() },
  { id: 'italic', label: 'Italic', isActive: (e) => e.isActive('italic'), toggle: (e) => e.chain().focus().toggleItalic().run() },
  {
    id: 'bullet-list',
    label: 'Bulleted list',
    isActive: (e) => e.isActive('bulletList'),
    toggle: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'ordered-list',
    label: 'Numbered list',
    isActive: (e) => e.isActive('orderedList'),
    toggle: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    id: 'heading',
    label: 'Heading',
    isActive: (e) => e.isActive('heading', { level: HEADING_LEVEL }),
    toggle: (e) => e.chain().focus().toggleHeading({ level: HEADING_LEVEL }).run(),
  },
];

export function EditorToolbar({ editor, label }: { readonly editor: Editor; readonly label: string }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => BUTTONS.map((button) => button.isActive(current)),
  });
  return (
    <fieldset className="editor-toolbar">
      <legend className="visually-hidden">Formatting for {label}</legend>
      {BUTTONS.map((button, index) => (
        <button
          key={button.id}
          type="button"
          className="toolbar-button"
          aria-pressed={active[index] ?? false}
          onClick={() => button.toggle(editor)}
        >
          {button.label}
        </button>
      ))}
    </fieldset>
  );
}
