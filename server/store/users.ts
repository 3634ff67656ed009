// Staff accounts: email, name, scrypt password hash, and whether the account administers this Concord.

import type { Db } from './database';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly isAdmin: boolean;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
}

function toUser(row: UserRow): UserRecord {
  return { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, isAdmin: row.is_admin === 1 };
}

export class Users {
  private readonly byEmail;
  private readonly byId;

  constructor(private readonly db: Db) {
    this.byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
    this.byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  }

  findByEmail(email: string): UserRecord | undefined {
    const row = this.byEmail.get(email.trim());
    return row ? toUser(row) : undefined;
  }

  get(id: string): UserRecord | undefined {
    const row = this.byId.get(id);
    return row ? toUser(row) : undefined;
  }

  insert(user: UserRecord): void {
    this.db
      .prepare('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(user.id, user.email.trim(), user.name, user.passwordHash, user.isAdmin ? 1 : 0, Date.now());
  }
}
