// The socket's state as React state, the refusals the server sends back, and whether changes are being saved, for the status line.

import { useEffect, useState } from 'react';
import type { CollabSocket, Refusal, SocketStatus } from '../api/collab-socket';
import type { UnsavedChanges } from '../api/unsaved-changes';

type Subscribe<T> = (listener: (value: T) => void) => () => unknown;

/** A value kept by a source outside React, re-read when the source changes and followed through its listener. */
function useFollowed<T>(source: object, read: () => T, subscribe: Subscribe<T>): T {
  const [value, setValue] = useState<T>(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` and `subscribe` belong to `source`.
  useEffect(() => {
    setValue(read());
    const stop = subscribe(setValue);
    return () => {
      stop();
    };
  }, [source]);
  return value;
}

export function useConnectionStatus(socket: CollabSocket): SocketStatus {
  return useFollowed(socket, () => socket.status, (listener) => socket.onStatus(listener));
}

export function useLastRefusal(socket: CollabSocket): Refusal | null {
  // A refusal is an event, not a state: none is shown until one arrives on this socket.
  return useFollowed<Refusal | null>(socket, () => null, (listener) => socket.onRefusal(listener));
}

export function useNotSaved(unsaved: UnsavedChanges): boolean {
  return useFollowed(unsaved, () => unsaved.notSaved, (listener) => unsaved.onChange(listener));
}
