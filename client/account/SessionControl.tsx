// The header's account corner: who is signed in and a way out ("Sign out" for staff, "Leave" for an invited participant).

import { useState } from 'react';
import { plainSentence } from '../api/http';
import { navigate } from '../page/navigation';
import { useMe } from './me-context';

export function SessionControl() {
  const { current, signOut } = useMe();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (current.state !== 'signed-in') return null;

  const { user, participant } = current.me;
  const invited = user === null;
  const name = user?.name ?? participant?.name ?? '';

  const leave = async () => {
    setPending(true);
    setProblem(null);
    try {
      await signOut();
      // Staff go back to the sign-in form; an invited participant gets a quiet page saying how to come back.
      if (invited) navigate('/', { left: true });
      else navigate('/signin');
    } catch (error) {
      setProblem(plainSentence(error));
      setPending(false);
    }
  };

  return (
    <div className="session-control">
      <p className="session-control__who">Signed in as {name}</p>
      <button type="button" className="button" onClick={leave} disabled={pending}>
        {invited ? 'Leave' : 'Sign out'}
      </button>
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
