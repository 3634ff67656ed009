// For an administrator: create a staff account (name, email, a first password), so that person can sign in and start plans.

import { type FormEvent, useState } from 'react';
import { api } from '../api/http';
import { TextField } from '../page/TextField';
import { type FieldErrors, useForm } from '../page/use-form';

type Field = 'name' | 'email' | 'password';
const idOf = (field: Field) => `staff-${field}`;
const MIN_PASSWORD = 12;
const EMPTY = { name: '', email: '', password: '', isAdmin: false };

export function StaffAccountForm() {
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<Field>(idOf);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  const check = (): FieldErrors<Field> => ({
    ...(values.name.trim() ? {} : { name: 'Enter the person’s name.' }),
    ...(/^\S+@\S+\.\S+$/.test(values.email.trim()) ? {} : { email: 'Enter an email address, like name@school.org.' }),
    ...(values.password.length >= MIN_PASSWORD ? {} : { password: `Use at least ${MIN_PASSWORD} characters.` }),
  });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    await form.submit(check, async () => {
      await api.createUser({ name: values.name.trim(), email: values.email.trim(), password: values.password, isAdmin: values.isAdmin });
      setCreated(`An account for ${values.name.trim()} (${values.email.trim()}) is ready. Give them the password in person or by phone, not by email.`);
      setValues(EMPTY);
    });
  };

  return (
    <section className="home-section" aria-labelledby="staff-account-heading">
      <h2 id="staff-account-heading">Add a staff account</h2>
      <form className="stacked-form" onSubmit={create} noValidate>
        <TextField id={idOf('name')} label="Name" autoComplete="off" value={values.name} onChange={set('name')} error={form.errors.name} />
        <TextField
          id={idOf('email')}
          label="Email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onChange={set('email')}
          error={form.errors.email}
        />
        <TextField
          id={idOf('password')}
          label="First password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters.`}
          value={values.password}
          onChange={set('password')}
          error={form.errors.password}
        />
        <div className="choice">
          <input
            id="staff-is-admin"
            type="checkbox"
            checked={values.isAdmin}
            onChange={(event) => setValues({ ...values, isAdmin: event.target.checked })}
          />
          <label htmlFor="staff-is-admin">Administrator (can add staff accounts)</label>
        </div>
        {form.problem && (
          <p className="form-alert" role="alert">
            {form.problem}
          </p>
        )}
        <p className="form-success" role="status">
          {created}
        </p>
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Creating the account…' : 'Create the account'}
        </button>
      </form>
    </section>
  );
}
