// Sign-in sessions and invitation links: staff sign in with a password, other participants follow their link; both carry an HttpOnly cookie.

import type { Db } from '../store/database';
import { newToken, tokenHash } from './tokens';

export const SESSION_COOKIE = 'concord_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const INVITATION_TTL_MS = 14 * DAY_MS;

export type AuthMethod = 'password' | 'invitation-link';

/** Who a session speaks for: a staff account (any plan it is a participant of), or one invited participant (one plan). */
export type SessionSubject = { readonly userId: string; readonly participantId?: undefined } | { readonly participantId: string; readonly userId?: undefined };

export type Session = SessionSubject & { readonly authMethod: AuthMethod };

interface SessionRow {
  user_id: string | null;
  participant_id: string | null;
  auth_method: string;
}

export class Sessions {
  private readonly selectSession;
  private readonly selectInvitation;

  constructor(
    private readonly db: Db,
    private readonly invitationTtlMs = INVITATION_TTL_MS,
  ) {
    this.selectSession = db.prepare<[string, number], SessionRow>(
      'SELECT user_id, participant_id, auth_method FROM sessions WHERE token_hash = ? AND expires_at > ?',
    );
    this.selectInvitation = db.prepare<[string, number], { participant_id: string }>(
      'SELECT participant_id FROM invitations WHERE token_hash = ? AND expires_at > ? AND revoked_at IS NULL',
    );
  }

  /** A new invitation for a participant, replacing any earlier one; the token is returned once and only its hash is kept. */
  invite(participantId: string, ttlMs = this.invitationTtlMs): string {
    const token = newToken();
    const now = Date.now();
    this.db.transaction(() => {
      this.revokeInvitations(participantId, now);
      this.db
        .prepare('INSERT INTO invitations (token_hash, participant_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
        .run(tokenHash(token), participantId, now + ttlMs, now);
    })();
    return token;
  }

  /** Revokes the participant's links and ends the sessions they opened: access ends now, not at expiry. */
  revokeInvitations(participantId: string, now = Date.now()): void {
    this.db.prepare('UPDATE invitations SET revoked_at = ? WHERE participant_id = ? AND revoked_at IS NULL').run(now, participantId);
    this.db.prepare("DELETE FROM sessions WHERE participant_id = ? AND auth_method = 'invitation-link'").run(participantId);
  }

  /** The invitation's participant, if the token is live. A link stays usable until it expires or is replaced, so a parent can rejoin from another device. */
  redeem(token: string): string | undefined {
    return this.selectInvitation.get(tokenHash(token), Date.now())?.participant_id;
  }

  start(subject: SessionSubject, authMethod: AuthMethod): string {
    const token = newToken();
    const now = Date.now();
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, participant_id, auth_method, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(tokenHash(token), subject.userId ?? null, subject.participantId ?? null, authMethod, now + SESSION_TTL_MS, now);
    return token;
  }

  find(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const row = this.selectSession.get(tokenHash(token), Date.now());
    if (!row) return undefined;
    const authMethod = row.auth_method as AuthMethod;
    if (row.user_id) return { userId: row.user_id, authMethod };
    return row.participant_id ? { participantId: row.participant_id, authMethod } : undefined;
  }

  end(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
