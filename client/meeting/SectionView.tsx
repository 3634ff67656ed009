// One section of the plan: its title, legal basis and purpose, who holds it, the participant's unsaved drafts, then its parts.

import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { can, type Role } from '../../shared/rules/roles';
import { decideRequest } from '../../shared/rules/locks';
import { decideWrite } from '../../shared/rules/write-gate';
import type { Part, SectionDef } from '../../shared/template/types';
import type { LiveDoc, PlanSession } from '../api/plan-session';
import { RowCommentButton } from '../comments/RowCommentButton';
import { DraftsPanel } from '../drafts/DraftsPanel';
import { FieldsEditor } from '../editors/FieldsEditor';
import { TableEditor } from '../editors/TableEditor';
import { useInSync, useSectionDoc } from '../editors/use-section-doc';
import { LockBar } from '../locks/LockBar';
import { readOnlySentence } from '../locks/lock-sentences';
import { useSectionLock } from '../locks/use-locks';
import { useFirstSync } from './use-first-sync';
import { usePlanStatus } from './use-plan-status';

// TipTap and ProseMirror arrive in their own chunk while the section's other parts are already usable.
const RichTextEditor = lazy(() => import('../editors/RichTextEditor').then((module) => ({ default: module.RichTextEditor })));

interface SectionViewProps {
  readonly session: PlanSession;
  readonly section: SectionDef;
  /** The local participant's live roles (from `useMyRoles`). */
  readonly roles: readonly Role[];
  /** Move focus to the heading on mount: the participant just chose this section. */
  readonly focusHeading: boolean;
}

export function SectionView({ session, section, roles, focusHeading }: SectionViewProps) {
  const live = useSectionDoc(session, section.id);
  const inSync = useInSync(live.provider);
  const lock = useSectionLock(session, section.id);
  const status = usePlanStatus(session, session.plan.status);
  const me = session.plan.me.id;
  // The client mirrors the server's gate to open or close the editors; the server still decides every frame.
  const write = decideWrite({ participantId: me, roles, doc: section.id, lock, status });
  const canAsk = decideRequest({ participantId: me, roles }, section.id, lock).ok;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `section-heading-${section.id}`;
  const focusSection = useCallback(() => heading.current?.focus(), []);

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
      <LockBar session={session} section={section} lock={lock} roles={roles} />
      {!write.ok && (
        <p className="readonly-notice" data-testid="readonly-notice">
          {readOnlySentence(write, lock, can(roles, 'comment'), canAsk)}
        </p>
      )}
      <DraftsPanel session={session} section={section} doc={live.doc} canWrite={write.ok && inSync} focusSection={focusSection} />
      {/* A replaced doc (after a refusal) gets new editors: none is ever re-pointed at another doc. */}
      <SectionParts key={live.doc.guid} session={session} live={live} section={section} readOnly={!write.ok} />
    </article>
  );
}

interface SectionPartsProps {
  readonly session: PlanSession;
  readonly live: LiveDoc;
  readonly section: SectionDef;
  readonly readOnly: boolean;
}

function SectionParts({ session, live, section, readOnly }: SectionPartsProps) {
  const synced = useFirstSync(live.provider);
  if (!synced) {
    return (
      <p className="loading" aria-busy="true">
        Loading this section…
      </p>
    );
  }
  return section.parts.map((part) => <PartEditor key={part.id} session={session} doc={live.doc} sectionId={section.id} part={part} readOnly={readOnly} />);
}

interface PartEditorProps {
  readonly session: PlanSession;
  readonly doc: Y.Doc;
  readonly sectionId: string;
  readonly part: Part;
  readonly readOnly: boolean;
}

function PartEditor({ session, doc, sectionId, part, readOnly }: PartEditorProps) {
  switch (part.kind) {
    case 'richtext':
      return (
        <Suspense fallback={<p className="loading">Loading the editor for {part.label}…</p>}>
          <RichTextEditor session={session} doc={doc} sectionId={sectionId} part={part} readOnly={readOnly} />
        </Suspense>
      );
    case 'fields':
      return <FieldsEditor doc={doc} part={part} readOnly={readOnly} />;
    case 'table':
      return (
        <TableEditor
          doc={doc}
          part={part}
          readOnly={readOnly}
          rowAction={(rowId, rowName) => <RowCommentButton session={session} sectionId={sectionId} partId={part.id} rowId={rowId} rowName={rowName} />}
        />
      );
    default: {
      const unknownPart: never = part;
      throw new Error(`no editor for part ${JSON.stringify(unknownPart)}`);
    }
  }
}
