// /signin: school staff sign in with email and password, then go to their plans.

import { type FormEvent, useState } from 'react';
import { api } from '../api/http';
import { AppLink } from '../page/AppLink';
import { CalmPage } from '../page/CalmPage';
import { navigate } from '../page/navigation';
import { TextField } from '../page/TextField';
import { type FieldErrors, useForm } from '../page/use-form';
import { useMe } from './me-context';

type Field = 'email' | 'password';
const idOf = (field: Field) => `signin-${field}`;

export function SignInPage() {
  const { current, refresh } = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useForm<Field>(idOf);

  const check = (): FieldErrors<Field> => ({
    ...(email.trim() ? {} : { email: 'Enter your email address.' }),
    ...(password ? {} : { password: 'Enter your password.' }),
  });

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    const done = await form.submit(check, async () => {
      await api.signIn(email.trim(), password);
      await refresh();
    });
    if (done) navigate('/');
  };

  return (
    <CalmPage title="Sign in">
      {current.state === 'signed-in' && (
        <p className="note">
          You are already signed in. <AppLink href="/">See your plans</AppLink>.
        </p>
      )}
      <p>For school staff with a Concord account. Families join from the invitation link the case manager sent them.</p>
      <form className="stacked-form" onSubmit={signIn} noValidate>
        <TextField
          id={idOf('email')}
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.errors.email}
        />
        <TextField
          id={idOf('password')}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.errors.password}
        />
        {form.problem && (
          <p className="form-alert" role="alert">
            {form.problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </CalmPage>
  );
}
