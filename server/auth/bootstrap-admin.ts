// At start: create the administrator named by CONCORD_ADMIN_EMAIL / CONCORD_ADMIN_PASSWORD if no account has that email.

import type { AuditLog } from './audit';
import { hashPassword } from './passwords';
import { newId } from './tokens';
import type { Users } from '../store/users';

export async function bootstrapAdmin(users: Users, audit: AuditLog, email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password || users.findByEmail(email)) return false;
  const id = newId();
  users.insert({ id, email, name: 'Administrator', passwordHash: await hashPassword(password), isAdmin: true });
  audit.record({ actor: null, iepId: null, action: 'user.created', detail: { user: id, isAdmin: true, via: 'environment' } });
  return true;
}
