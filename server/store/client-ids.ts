// Which participant each Yjs client id belongs to, per plan: the first to use an id owns it, across restarts.

import type { Db } from './database';
import { type StorageWrites, TRY_EVERY_WRITE } from './storage-health';

export class ClientIds {
  private readonly select;
  private readonly insert;

  constructor(
    db: Db,
    private readonly storage: StorageWrites = TRY_EVERY_WRITE,
  ) {
    this.select = db.prepare<[string, number], { participant_id: string }>('SELECT participant_id FROM yjs_clients WHERE iep_id = ? AND client_id = ?');
    this.insert = db.prepare('INSERT OR IGNORE INTO yjs_clients (iep_id, client_id, participant_id) VALUES (?, ?, ?)');
  }

  owner(iepId: string, clientId: number): string | undefined {
    return this.select.get(iepId, clientId)?.participant_id;
  }

  /** Throws while storage fails: an id is only ever used once its owner is on disk. */
  claim(iepId: string, clientId: number, participantId: string): void {
    this.storage.write(() => this.insert.run(iepId, clientId, participantId));
  }
}
