// The connection status line, announced politely, and a note when the server did not accept a change.

import type { CollabSocket, SocketStatus } from '../api/collab-socket';
import { useConnectionStatus, useLastRefusal } from './use-connection-status';

const STATUS_SENTENCES: Readonly<Record<SocketStatus, string>> = {
  connecting: 'Connecting to the meeting…',
  open: 'Connected: changes are shared as you type.',
  closed: 'Connection lost, reconnecting. What you type stays on this screen and is sent when the connection returns.',
  // Only a server's deliberate refusal (signed out, removed from the team) ends retrying; promising a reconnect would mislead.
  ended: 'Disconnected by the server, which will not take this connection back: changes made now are not shared. Sign in again to rejoin.',
};

interface ConnectionStatusProps {
  readonly socket: CollabSocket;
  /** Section titles by doc name, to say where a change was refused. */
  readonly titleOfDoc: (doc: string) => string | undefined;
  /**
   * Only for people who can edit: a reader's editors never write, so a refusal they get is protocol noise
   * (such as their sync reply on joining), not their words being lost.
   */
  readonly showRefusals: boolean;
}

export function ConnectionStatus({ socket, titleOfDoc, showRefusals }: ConnectionStatusProps) {
  const status = useConnectionStatus(socket);
  const refusal = useLastRefusal(socket);
  // Only refusals of a section matter here: this client never writes the meeting doc, so a refusal of it is noise.
  const where = showRefusals && refusal ? titleOfDoc(refusal.doc) : undefined;
  return (
    <div className="connection" role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <p className={`connection__line connection__line--${status}`}>{STATUS_SENTENCES[status]}</p>
      {where && <p className="connection__refusal">A change to “{where}” was not accepted by the server.</p>}
    </div>
  );
}
