// The page for someone not signed in: families use their invitation link, school staff sign in.

import { AppLink } from './AppLink';
import { CalmPage } from './CalmPage';
import { pageNote } from './navigation';

export const SIGNED_OUT_SENTENCE = 'Open the invitation link you were sent to join your meeting.';

export function WelcomePage() {
  if (pageNote().left) {
    return (
      <CalmPage title="You have left the meeting">
        <p>To come back, open your invitation link again. If you no longer have it, ask the case manager for a new one.</p>
      </CalmPage>
    );
  }
  return (
    <CalmPage title="Welcome to Concord">
      <p>{SIGNED_OUT_SENTENCE}</p>
      <p>
        School staff: <AppLink href="/signin">sign in with your email and password</AppLink>.
      </p>
    </CalmPage>
  );
}
