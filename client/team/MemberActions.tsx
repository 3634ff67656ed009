// What a manager can do to one team member: change their roles, give them a new link, revoke it, or remove them.

import { type FormEvent, useState } from 'react';
import type { Role } from '../../shared/rules/roles';
import { api } from '../api/http';
import { ChoiceGroup, firstChoiceId } from '../page/ChoiceGroup';
import { useForm } from '../page/use-form';
import { ConfirmAction } from './ConfirmAction';
import { InvitationLink } from './InvitationLink';
import { ROLE_CHOICES } from './role-choices';
import type { TeamMember } from './use-team';

interface MemberActionsProps {
  readonly iepId: string;
  readonly member: TeamMember;
  /** After removal the member leaves the list: the list says so, and focus lands somewhere that stays. */
  readonly onRemoved: () => void;
}

export function MemberActions({ iepId, member, onRemoved }: MemberActionsProps) {
  const rolesId = `member-roles-${member.id}`;
  const [draft, setDraft] = useState<readonly Role[] | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const rolesForm = useForm<'roles'>(() => firstChoiceId(rolesId));
  const linkActions = useForm<never>(() => '');
  const roles = draft ?? member.roles;
  const busy = rolesForm.pending || linkActions.pending;

  const saveRoles = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const check = () => (roles.length === 0 ? { roles: `Give ${member.name} at least one role.` } : {});
    const saved = await rolesForm.submit(check, async () => {
      await api.changeRoles(iepId, member.id, roles);
    });
    if (saved) {
      setDraft(null);
      setDone(`Roles saved. ${member.name}’s rights changed at once.`);
    }
  };

  const act = (action: () => Promise<void>) => {
    setDone('');
    void linkActions.submit(() => ({}), action);
  };
  const newLink = () =>
    act(async () => {
      setLink((await api.reissueInvitation(iepId, member.id)).inviteUrl);
    });
  const revokeLink = () =>
    act(async () => {
      await api.revokeInvitation(iepId, member.id);
      setLink(null);
      setDone(`${member.name}’s link no longer works.`);
    });
  const remove = () =>
    act(async () => {
      await api.removeParticipant(iepId, member.id);
      onRemoved();
    });

  return (
    <div className="member-actions">
      <form onSubmit={saveRoles} noValidate>
        <ChoiceGroup
          id={rolesId}
          legend={`Roles of ${member.name}`}
          type="checkbox"
          choices={ROLE_CHOICES}
          selected={roles}
          onChange={setDraft}
          error={rolesForm.errors.roles}
          disabled={busy}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          Save roles
        </button>
      </form>
      <p className="help">A new link replaces the old one. Both a new link and revoking sign {member.name} out wherever the old link was used.</p>
      <div className="member-actions__row">
        <button type="button" className="button" onClick={newLink} disabled={busy}>
          New link
        </button>
        <ConfirmAction
          label="Revoke link"
          question={`Revoke ${member.name}’s link?`}
          confirmLabel="Yes, revoke"
          onConfirm={revokeLink}
          disabled={busy}
        />
        <ConfirmAction
          label="Remove from team"
          question={`Remove ${member.name} from this team? They lose access at once.`}
          confirmLabel="Yes, remove"
          onConfirm={remove}
          disabled={busy}
        />
      </div>
      {link && <InvitationLink key={link} name={member.name} url={link} />}
      {(rolesForm.problem ?? linkActions.problem) && (
        <p className="form-alert" role="alert">
          {rolesForm.problem ?? linkActions.problem}
        </p>
      )}
      <p className="form-success" role="status">
        {done}
      </p>
    </div>
  );
}
