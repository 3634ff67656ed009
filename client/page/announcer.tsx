// One polite live region per page, and a hook for any component to announce a short status message through it.

import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

export function Announcer({ children }: { readonly children: ReactNode }) {
  const [message, setMessage] = useState({ text: '', serial: 0 });
  // The serial makes a repeated message ("Goal removed." twice) change the region, so it is announced again.
  const announce = useCallback<Announce>((text) => setMessage((previous) => ({ text, serial: previous.serial + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        <span key={message.serial}>{message.text}</span>
      </div>
    </AnnounceContext.Provider>
  );
}
