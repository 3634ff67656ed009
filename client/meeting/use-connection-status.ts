// The socket's state as React state, the refusals the server sends back, and whether changes are being saved, for the status line.

import { useEffect, useState } from 'react';
import type { CollabSocket, Refusal, SocketStatus } from '../api/collab-socket';
import type { UnsavedChanges } from '../api/unsaved-changes';

export function useConnectionStatus(socket: CollabSocket): SocketStatus {
  const [status, setStatus] = useState<SocketStatus>(socket.status);
  useEffect(() => {
    setStatus(socket.status);
    const stop = socket.onStatus(setStatus);
    return () => {
      stop();
    };
  }, [socket]);
  return status;
}

export function useLastRefusal(socket: CollabSocket): Refusal | null {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useEffect(() => {
    const stop = socket.onRefusal(setRefusal);
    return () => {
      stop();
    };
  }, [socket]);
  return refusal;
}

export function useNotSaved(unsaved: UnsavedChanges): boolean {
  const [notSaved, setNotSaved] = useState(unsaved.notSaved);
  useEffect(() => {
    setNotSaved(unsaved.notSaved);
    const stop = unsaved.onChange(setNotSaved);
    return () => {
      stop();
    };
  }, [unsaved]);
  return notSaved;
}
