// What a participant sees when a page cannot load: the welcome page when signed out, else the error's plain sentence.

import { ApiError } from '../api/http';
import { ERRORS } from '../../shared/protocol/errors';
import { AppLink } from './AppLink';
import { CalmPage } from './CalmPage';
import { WelcomePage } from './WelcomePage';

export function ProblemPage({ error }: { readonly error: unknown }) {
  if (error instanceof ApiError && error.code === 'NOT_SIGNED_IN') return <WelcomePage />;
  const message = error instanceof ApiError ? error.message : ERRORS.INTERNAL.message;
  return (
    <CalmPage title="This page could not be opened">
      <p role="alert">{message}</p>
      <p>
        <AppLink href="/">See the plans you can open</AppLink>, or try again in a moment.
      </p>
    </CalmPage>
  );
}
