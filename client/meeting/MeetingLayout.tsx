// The meeting room's layout: header and connection line, section navigation, the open section, and who is here.

import { useCallback, useEffect, useMemo } from 'react';
import type { PlanView } from '../../shared/protocol/api';
import { colorFor, type PresenceUser } from '../../shared/protocol/presence';
import { can } from '../../shared/rules/roles';
import { sectionOf, templateOf } from '../../shared/template/index';
import type { SectionDef } from '../../shared/template/types';
import type { PlanSession } from '../api/plan-session';
import { CommentsPanel } from '../comments/CommentsPanel';
import { LockNotices } from '../locks/LockNotices';
import { Announcer } from '../page/announcer';
import { FrozenBanner } from '../signoff/FrozenBanner';
import { SectionApprovals } from '../signoff/SectionApprovals';
import { SignOffLink } from '../signoff/SignOffLink';
import { SignOffPanel } from '../signoff/SignOffPanel';
import { useMyRoles } from '../team/use-my-roles';
import { ConnectionStatus } from './ConnectionStatus';
import { MeetingHeader } from './MeetingHeader';
import { PresenceList } from './PresenceList';
import { SectionNav } from './SectionNav';
import { SectionView } from './SectionView';
import { usePlanStatus } from './use-plan-status';
import { usePresence } from './use-presence';
import { useSectionHash } from './use-section-hash';

interface MeetingLayoutProps {
  readonly plan: PlanView;
  readonly session: PlanSession;
}

export function MeetingLayout({ plan, session }: MeetingLayoutProps) {
  const template = templateOf(plan.template);
  // The server says which sections apply; the template says what is in them.
  const sections = useMemo(
    () =>
      plan.sections
        .filter((view) => view.applies)
        .map((view) => sectionOf(template, view.id))
        .filter((section): section is SectionDef => section !== undefined),
    [plan.sections, template],
  );
  const sectionIds = useMemo(() => sections.map((section) => section.id), [sections]);
  const current = useSectionHash(sectionIds);
  const currentSection = sections.find((section) => section.id === current.id);

  const me = useMemo<PresenceUser>(
    () => ({ participantId: plan.me.id, name: plan.me.name, roles: plan.me.roles, color: colorFor(plan.me.id) }),
    [plan.me],
  );
  const presence = usePresence(session.awareness, me);
  const status = usePlanStatus(session, plan.status);

  useEffect(() => {
    session.awareness.setLocalStateField('section', current.id ?? null);
  }, [session, current.id]);

  useEffect(() => {
    // The student's name stays out of the tab title: titles end up in history lists and screen shares.
    document.title = 'Meeting room – Concord';
  }, []);

  const roles = useMyRoles(session, plan);
  const canEdit = can(roles, 'edit');
  const titleOf = useCallback((id: string) => plan.sections.find((section) => section.id === id)?.title, [plan.sections]);
  const titleOfDoc = useCallback((doc: string) => plan.sections.find((section) => section.doc === doc)?.title, [plan.sections]);

  return (
    <Announcer>
      <div className="meeting">
        <a className="skip-link" href="#main-content">
          Skip to the open section
        </a>
        <MeetingHeader plan={plan} session={session} roles={roles} planTitle={template.title} status={status}>
          <ConnectionStatus socket={session.socket} unsaved={session.unsaved} titleOfDoc={titleOfDoc} showRefusals={canEdit} />
          <SignOffLink />
        </MeetingHeader>
        <div className="meeting-body">
          <SectionNav session={session} sections={sections} currentId={current.id} presence={presence} />
          <main id="main-content" tabIndex={-1} className="meeting-main">
            <FrozenBanner session={session} plan={plan} />
            <LockNotices session={session} titleOf={titleOf} />
            {currentSection ? (
              <SectionView
                key={currentSection.id}
                session={session}
                section={currentSection}
                roles={roles}
                focusHeading={current.navigated}
              />
            ) : (
              <p>This plan has no sections to show yet.</p>
            )}
            {currentSection && <SectionApprovals key={`approvals-${currentSection.id}`} session={session} plan={plan} sectionId={currentSection.id} />}
          </main>
          <PresenceList presence={presence} titleOf={titleOf} />
          <CommentsPanel session={session} section={currentSection} />
        </div>
        <SignOffPanel session={session} plan={plan} />
      </div>
    </Announcer>
  );
}
