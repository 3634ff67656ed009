// Whether a section doc has received the server's copy at least once: editors wait for it, so nobody types into a blank.

import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Only the first sync matters. A reconnect makes the provider unsynced again for a moment; the editors stay, since
 * the doc then already holds the server's content and the participant's edits merge back when the sync completes.
 */
export function useFirstSync(provider: WebsocketProvider): boolean {
  const [synced, setSynced] = useState(provider.synced);
  useEffect(() => {
    if (provider.synced) {
      setSynced(true);
      return;
    }
    const onSync = (state: boolean) => {
      if (state) setSynced(true);
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [provider]);
  return synced;
}
