// Which participant each Yjs client id belongs to, per plan: the first to use an id owns it, across restarts.

import { type CommitRunner, commitRunner, type Db } from './database';
import { type StorageWrites, TRY_EVERY_WRITE } from './storage-health';

export class ClientIds {
  private readonly select;
  private readonly insert;
  private readonly commit: CommitRunner;

  constructor(
    db: Db,
    private readonly storage: StorageWrites = TRY_EVERY_WRITE,
  ) {
    this.select = db.prepare<[string, number], { participant_id: string }>('SELECT participant_id FROM yjs_clients WHERE iep_id = ? AND client_id = ?');
    this.insert = db.prepare('INSERT OR IGNORE INTO yjs_clients (iep_id, client_id, participant_id) VALUES (?, ?, ?)');
    this.commit = commitRunner(db);
  }

  owner(iepId: string, clientId: number): string | undefined {
    return this.select.get(iepId, clientId)?.participant_id;
  }

  /**
   * Throws while storage fails. The claim is committed to the log without waiting for the disk: the first update it
   * lets in is relayed only after a sync of the log, which covers the claim written before it. A first keystroke of
   * every meeting paid an fsync on the event loop here, 100 meetings starting to type at once a tenth of a second.
   */
  claim(iepId: string, clientId: number, participantId: string): void {
    this.storage.write(() => this.commit(() => this.insert.run(iepId, clientId, participantId), true));
  }
}
