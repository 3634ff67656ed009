// Who is signed in, loaded once for the whole app from GET /api/me, refreshed after signing in and cleared on signing out.

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type Me } from '../api/http';

export type MeState =
  | { readonly state: 'loading' }
  | { readonly state: 'signed-out' }
  | { readonly state: 'signed-in'; readonly me: Me }
  | { readonly state: 'failed'; readonly error: unknown };

interface MeContextValue {
  readonly current: MeState;
  /** Asks the server again; resolves once the new answer is in place. */
  readonly refresh: () => Promise<void>;
  /** Ends the session on the server; a session that had already ended counts as ended. */
  readonly signOut: () => Promise<void>;
}

const MeContext = createContext<MeContextValue>({
  current: { state: 'loading' },
  refresh: async () => {},
  signOut: async () => {},
});

export function useMe(): MeContextValue {
  return useContext(MeContext);
}

function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NOT_SIGNED_IN';
}

async function loadMe(): Promise<MeState> {
  try {
    return { state: 'signed-in', me: await api.me() };
  } catch (error) {
    return isSignedOut(error) ? { state: 'signed-out' } : { state: 'failed', error };
  }
}

export function MeProvider({ children }: { readonly children: ReactNode }) {
  const [current, setCurrent] = useState<MeState>({ state: 'loading' });
  const refresh = useCallback(async () => setCurrent(await loadMe()), []);
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      if (!isSignedOut(error)) throw error;
    }
    setCurrent({ state: 'signed-out' });
  }, []);

  useEffect(() => {
    let live = true;
    void loadMe().then((state) => live && setCurrent(state));
    return () => {
      live = false;
    };
  }, []);

  const value = useMemo(() => ({ current, refresh, signOut }), [current, refresh, signOut]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}
