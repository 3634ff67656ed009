// What a participant sees when a page cannot load: an invitation hint when signed out, else the error's plain sentence.

import { ApiError } from '../api/http';
import { ERRORS } from '../../shared/protocol/errors';
import { CalmPage } from './CalmPage';

export const SIGNED_OUT_SENTENCE = 'Open the invitation link you were sent to join your meeting.';

export function ProblemPage({ error }: { readonly error: unknown }) {
  if (error instanceof ApiError && error.code === 'NOT_SIGNED_IN') {
    return (
      <CalmPage title="Welcome to Concord">
        <p>{SIGNED_OUT_SENTENCE}</p>
      </CalmPage>
    );
  }
  const message = error instanceof ApiError ? error.message : ERRORS.INTERNAL.message;
  return (
    <CalmPage title="This page could not be opened">
      <p role="alert">{message}</p>
      <p>
        <a href="/">See the plans you can open</a>, or try again in a moment.
      </p>
    </CalmPage>
  );
}
