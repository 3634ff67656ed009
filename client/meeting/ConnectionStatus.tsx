// The connection status line, announced politely: connected or not, "not saved" while the server cannot store changes, and refusals.

import type { CollabSocket, SocketStatus } from '../api/collab-socket';
import type { UnsavedChanges } from '../api/unsaved-changes';
import { useConnectionStatus, useLastRefusal, useNotSaved } from './use-connection-status';

const STATUS_SENTENCES: Readonly<Record<SocketStatus, string>> = {
  connecting: 'Connecting to the meeting…',
  open: 'Connected: changes are shared as you type.',
  closed: 'Connection lost, reconnecting. What you type stays on this screen and is sent when the connection returns.',
  // Only a server's deliberate refusal (signed out, removed from the team) ends retrying; promising a reconnect would mislead.
  ended: 'Disconnected by the server, which will not take this connection back: changes made now are not shared. Sign in again to rejoin.',
};

/** The server is up but cannot store anything: said plainly, with what happens to the person's words. */
const NOT_SAVED_SENTENCE =
  'Not saved: Concord cannot save changes right now. Keep this page open: your text stays on this screen and is saved as soon as saving works again.';

interface ConnectionStatusProps {
  readonly socket: CollabSocket;
  readonly unsaved: UnsavedChanges;
  /** Section titles by doc name, to say where a change was refused. */
  readonly titleOfDoc: (doc: string) => string | undefined;
  /**
   * Only for people who can edit: a reader's editors never write, so a refusal they get is protocol noise
   * (such as their sync reply on joining), not their words being lost.
   */
  readonly showRefusals: boolean;
}

export function ConnectionStatus({ socket, unsaved, titleOfDoc, showRefusals }: ConnectionStatusProps) {
  const status = useConnectionStatus(socket);
  const notSaved = useNotSaved(unsaved);
  const refusal = useLastRefusal(socket);
  // Only refusals of a section matter here: this client never writes the meeting doc, so a refusal of it is noise.
  const where = showRefusals && refusal ? titleOfDoc(refusal.doc) : undefined;
  // A lost connection is said first: while it lasts, nothing reaches the server at all.
  const shown = status === 'open' && notSaved ? 'not-saved' : status;
  return (
    <div className="connection" role="status" aria-live="polite" data-testid="connection-status" data-status={shown}>
      <p className={`connection__line connection__line--${shown}`}>{shown === 'not-saved' ? NOT_SAVED_SENTENCE : STATUS_SENTENCES[shown]}</p>
      {where && <p className="connection__refusal">A change to “{where}” was not accepted by the server.</p>}
    </div>
  );
}
