// A new comment: what it is about (the selected words, words typed here, a table row, or the whole section) and its text.

import { useId, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/rules/comments';
import { ROW_ID, rowsOf, valueText } from '../../shared/schema/section-doc';
import type { SectionDef } from '../../shared/template/types';
import { commentApi } from '../api/http';
import type { PlanSession } from '../api/plan-session';
import { capitalized } from './comment-sentences';
import { MessageForm } from './MessageForm';
import type { CommentDraft } from './panel-state';
import { phraseAnchor } from './phrase-anchor';
import { CommentProblem } from './use-comment-action';

interface Choice {
  readonly value: string;
  readonly label: string;
  readonly anchor?: CommentAnchor;
}

function choicesFor(doc: Y.Doc, section: SectionDef, draft: CommentDraft): Choice[] {
  const choices: Choice[] = [];
  if (draft.anchor.kind === 'text') choices.push({ value: 'selection', label: `The words “${draft.anchor.quote}”`, anchor: draft.anchor });
  choices.push({ value: 'section', label: 'The whole section', anchor: { kind: 'section' } });
  if (section.parts.some((part) => part.kind === 'richtext')) choices.push({ value: 'words', label: 'Words I type here' });
  for (const part of section.parts) {
    if (part.kind !== 'table') continue;
    rowsOf(doc, part).forEach((row, index) => {
      const rowId = valueText(row.get(ROW_ID));
      const first = part.columns[0] ? valueText(row.get(part.columns[0].id)).slice(0, 60) : '';
      if (rowId) choices.push({ value: `row:${part.id}:${rowId}`, label: `${capitalized(part.rowNoun)} ${index + 1} of ${part.label}${first ? `: ${first}` : ''}`, anchor: { kind: 'row', partId: part.id, rowId } });
    });
  }
  return choices;
}

function initialChoice(draft: CommentDraft): string {
  if (draft.anchor.kind === 'text') return 'selection';
  if (draft.anchor.kind === 'row') return `row:${draft.anchor.partId}:${draft.anchor.rowId}`;
  return 'section';
}

interface CommentComposerProps {
  readonly session: PlanSession;
  readonly section: SectionDef;
  readonly doc: Y.Doc;
  readonly draft: CommentDraft;
  readonly onCreated: (threadId: string) => void;
  readonly onCancel: () => void;
}

export function CommentComposer({ session, section, doc, draft, onCreated, onCancel }: CommentComposerProps) {
  const choices = useMemo(() => choicesFor(doc, section, draft), [doc, section, draft]);
  const [about, setAbout] = useState(() => initialChoice(draft));
  const [phrase, setPhrase] = useState('');
  const created = useRef<string | null>(null);
  const aboutId = useId();
  const phraseId = useId();
  const headingId = useId();

  const anchorNow = (): CommentAnchor => {
    if (about === 'words') {
      const found = phraseAnchor(doc, section, phrase);
      if (!found) throw new CommentProblem(phrase.trim() ? 'Those words are not in this section. Check them, or comment on the whole section.' : 'Type the words your comment is about.');
      return found;
    }
    return choices.find((choice) => choice.value === about)?.anchor ?? { kind: 'section' };
  };

  return (
    <section className="comment-composer" aria-labelledby={headingId} data-testid="comment-composer">
      <h3 id={headingId} className="comment-composer__heading">
        New comment
      </h3>
      <MessageForm
        session={session}
        label="Your comment"
        submitLabel="Add comment"
        focusOnMount
        testId="comment-form"
        onSubmit={async (body) => {
          const anchor = anchorNow();
          const thread = await commentApi.start(session.plan.id, { sectionId: section.id, ...(anchor.kind === 'section' ? {} : { anchor }), body });
          created.current = thread.id;
        }}
        onSent={() => created.current && onCreated(created.current)}
        onCancel={onCancel}
      >
        <label htmlFor={aboutId} className="comment-form__label">
          About
        </label>
        <select id={aboutId} className="control comment-form__about" value={about} onChange={(event) => setAbout(event.target.value)}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label.length > 90 ? `${choice.label.slice(0, 89)}…` : choice.label}
            </option>
          ))}
        </select>
        {about === 'words' && (
          <>
            <label htmlFor={phraseId} className="comment-form__label">
              The words, as they are in the section
            </label>
            <input id={phraseId} className="control" maxLength={2000} value={phrase} onChange={(event) => setPhrase(event.target.value)} />
          </>
        )}
      </MessageForm>
    </section>
  );
}
