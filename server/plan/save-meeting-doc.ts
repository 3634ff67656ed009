// The server's own change to a plan's meeting doc on behalf of a request: stored, or the request fails as NOT_SAVED.

import type * as Y from 'yjs';
import { MEETING_DOC } from '../../shared/protocol/doc-names';
import type { AppContext } from '../http/context';
import { StorageUnavailable } from '../store/storage-health';

/** Throws `StorageUnavailable` when the change could not be stored, so no caller answers "done" for it. */
export function saveToMeetingDoc(context: AppContext, iepId: string, change: (doc: Y.Doc) => void): void {
  if (context.rooms.writeAsServer(iepId, MEETING_DOC, change) === 'not-saved') throw new StorageUnavailable();
}
