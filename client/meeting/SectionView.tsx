// One section of the plan: its title, legal basis and purpose, then an editor for each part in template order.

import { lazy, Suspense, useEffect, useRef } from 'react';
import { ERRORS } from '../../shared/protocol/errors';
import type { Part, SectionDef } from '../../shared/template/types';
import type { PlanSession } from '../api/plan-session';
import { FieldsEditor } from '../editors/FieldsEditor';
import { TableEditor } from '../editors/TableEditor';
import { useFirstSync } from './use-first-sync';

// TipTap and ProseMirror arrive in their own chunk while the section's other parts are already usable.
const RichTextEditor = lazy(() => import('../editors/RichTextEditor').then((module) => ({ default: module.RichTextEditor })));

interface SectionViewProps {
  readonly session: PlanSession;
  readonly section: SectionDef;
  readonly canEdit: boolean;
  readonly canComment: boolean;
  /** Move focus to the heading on mount: the participant just chose this section. */
  readonly focusHeading: boolean;
}

/** The same sentence the server gives when it refuses a participant's edit; observers cannot comment either. */
function readOnlySentence(canComment: boolean): string {
  return canComment ? ERRORS.ROLE_CANNOT_EDIT.message : 'You can read the plan; editing it is for school staff.';
}

export function SectionView({ session, section, canEdit, canComment, focusHeading }: SectionViewProps) {
  const synced = useFirstSync(session.section(section.id).provider);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `section-heading-${section.id}`;

  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);

  return (
    <article className="section-view" aria-labelledby={headingId} data-section={section.id}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {section.title}
      </h2>
      <p className="legal-ref">
        <span className="legal-ref__label">Legal basis: </span>
        {section.legalRef}
      </p>
      <p className="summary">{section.summary}</p>
      {!canEdit && (
        <p className="readonly-notice" data-testid="readonly-notice">
          {readOnlySentence(canComment)}
        </p>
      )}
      {synced ? (
        section.parts.map((part) => <PartEditor key={part.id} session={session} sectionId={section.id} part={part} readOnly={!canEdit} />)
      ) : (
        <p className="loading" aria-busy="true">
          Loading this section…
        </p>
      )}
    </article>
  );
}

interface PartEditorProps {
  readonly session: PlanSession;
  readonly sectionId: string;
  readonly part: Part;
  readonly readOnly: boolean;
}

function PartEditor({ session, sectionId, part, readOnly }: PartEditorProps) {
  const { doc } = session.section(sectionId);
  switch (part.kind) {
    case 'richtext':
      return (
        <Suspense fallback={<p className="loading">Loading the editor for {part.label}…</p>}>
          <RichTextEditor session={session} sectionId={sectionId} part={part} readOnly={readOnly} />
        </Suspense>
      );
    case 'fields':
      return <FieldsEditor doc={doc} part={part} readOnly={readOnly} />;
    case 'table':
      return <TableEditor doc={doc} part={part} readOnly={readOnly} />;
    default: {
      const unknownPart: never = part;
      throw new Error(`no editor for part ${JSON.stringify(unknownPart)}`);
    }
  }
}
