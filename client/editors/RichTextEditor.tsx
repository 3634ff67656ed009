// One prose part: a TipTap editor bound to the part's Y.XmlFragment, with other people's carets and a small toolbar.

import { Collaboration } from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useId } from 'react';
import type * as Y from 'yjs';
import type { PlanSession } from '../api/plan-session';
import { cursorField } from '../../shared/protocol/presence';
import { editorExtensions } from '../../shared/schema/editor-schema';
import { richTextOf } from '../../shared/schema/section-doc';
import type { RichTextPart } from '../../shared/template/types';
import { CommentHighlights } from '../comments/comment-highlights';
import { CommentOnSelection } from '../comments/CommentOnSelection';
import { EditorToolbar } from './EditorToolbar';
import { SectionCaret } from './section-caret';

interface RichTextEditorProps {
  readonly session: PlanSession;
  /** The section's doc; a replaced doc comes with a newly mounted editor (see SectionView). */
  readonly doc: Y.Doc;
  readonly sectionId: string;
  readonly part: RichTextPart;
  readonly readOnly: boolean;
}

export function RichTextEditor({ session, doc, sectionId, part, readOnly }: RichTextEditorProps) {
  const labelId = useId();
  const promptId = useId();
  const fragment = richTextOf(doc, part);
  const awareness = session.awareness;
  const field = cursorField(sectionId, part.id);
  const editor = useEditor(
    {
      extensions: [...editorExtensions(), Collaboration.configure({ fragment }), SectionCaret.configure({ awareness, field }), CommentHighlights.configure({ session, sectionId, partId: part.id })],
      editable: !readOnly,
      editorProps: {
        attributes: {
          class: 'rich-text-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': part.label,
          'aria-readonly': String(readOnly),
          ...(part.prompt ? { 'aria-describedby': promptId } : {}),
        },
      },
    },
    [fragment, awareness, field, readOnly, part.label, part.prompt, promptId],
  );

  return (
    <section className="part part-richtext" aria-labelledby={labelId}>
      <h3 id={labelId}>{part.label}</h3>
      {part.prompt && (
        <p id={promptId} className="help">
          {part.prompt}
        </p>
      )}
      {!readOnly && <EditorToolbar editor={editor} label={part.label} />}
      <CommentOnSelection editor={editor} session={session} sectionId={sectionId} partId={part.id} label={part.label} />
      <div className={readOnly ? 'rich-text rich-text--readonly' : 'rich-text'} data-testid={`editor-${sectionId}-${part.id}`}>
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}
