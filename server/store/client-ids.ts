// Which participant each Yjs client id belongs to, per plan: the first to use an id owns it, across restarts.

import type { Db } from './database';

export class ClientIds {
  private readonly select;
  private readonly insert;

  constructor(db: Db) {
    this.select = db.prepare<[string, number], { participant_id: string }>('SELECT participant_id FROM yjs_clients WHERE iep_id = ? AND client_id = ?');
    this.insert = db.prepare('INSERT OR IGNORE INTO yjs_clients (iep_id, client_id, participant_id) VALUES (?, ?, ?)');
  }

  owner(iepId: string, clientId: number): string | undefined {
    return this.select.get(iepId, clientId)?.participant_id;
  }

  claim(iepId: string, clientId: number, participantId: string): void {
    this.insert.run(iepId, clientId, participantId);
  }
}
