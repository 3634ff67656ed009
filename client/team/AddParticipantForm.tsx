// Adding someone to the team: a name, one or more roles, an optional email; the answer is their invitation link, shown once.

import { type FormEvent, useState } from 'react';
import type { Role } from '../../shared/rules/roles';
import { api } from '../api/http';
import { ChoiceGroup, firstChoiceId } from '../page/ChoiceGroup';
import { TextField } from '../page/TextField';
import { type FieldErrors, useForm } from '../page/use-form';
import { InvitationLink } from './InvitationLink';
import { ROLE_CHOICES } from './role-choices';

type Field = 'name' | 'roles' | 'email';
const idOf = (field: Field) => (field === 'roles' ? firstChoiceId('new-member-roles') : `new-member-${field}`);

export function AddParticipantForm({ iepId }: { readonly iepId: string }) {
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<readonly Role[]>([]);
  const [email, setEmail] = useState('');
  const [invited, setInvited] = useState<{ readonly name: string; readonly url: string } | null>(null);
  const form = useForm<Field>(idOf);

  const check = (): FieldErrors<Field> => ({
    ...(name.trim() ? {} : { name: 'Enter the person’s name.' }),
    ...(roles.length > 0 ? {} : { roles: 'Choose at least one role.' }),
    ...(email.trim() === '' || /^\S+@\S+\.\S+$/.test(email.trim()) ? {} : { email: 'Enter an email address, like name@example.org, or leave it empty.' }),
  });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit(check, async () => {
      const person = { name: name.trim(), roles, ...(email.trim() ? { email: email.trim() } : {}) };
      const { inviteUrl } = await api.addParticipant(iepId, person);
      setInvited({ name: person.name, url: inviteUrl });
      setName('');
      setRoles([]);
      setEmail('');
    });
  };

  return (
    <section className="team-section" aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">Add someone to the team</h3>
      {invited && <InvitationLink key={invited.url} name={invited.name} url={invited.url} />}
      <form className="stacked-form" onSubmit={add} noValidate>
        <TextField id={idOf('name')} label="Name" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} error={form.errors.name} />
        <ChoiceGroup id="new-member-roles" legend="Roles" type="checkbox" choices={ROLE_CHOICES} selected={roles} onChange={setRoles} error={form.errors.roles} />
        <TextField
          id={idOf('email')}
          label="Email"
          optional
          type="email"
          autoComplete="off"
          spellCheck={false}
          hint="If they have a staff account with this email, the plan also appears when they sign in."
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.errors.email}
        />
        {form.problem && (
          <p className="form-alert" role="alert">
            {form.problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Adding…' : 'Add to team'}
        </button>
      </form>
    </section>
  );
}
