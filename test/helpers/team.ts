// A plan with a real team, made through the HTTP API as a district would: an administrator, staff accounts, invitations.

import type { Role } from '../../shared/rules/roles';
import type { TemplateId } from '../../shared/template/types';
import { type RunningServer, type StartOptions, signIn, startServer } from './server';

export const ADMIN = { email: 'it-lead@district.example', password: 'correct horse battery staple' };

export function startWithAdmin(env: Readonly<Record<string, string>> = {}, dataDir?: string, options: Pick<StartOptions, 'bundled'> = {}): Promise<RunningServer> {
  return startServer({ ...options, dataDir, env: { CONCORD_ADMIN_EMAIL: ADMIN.email, CONCORD_ADMIN_PASSWORD: ADMIN.password, CONCORD_DEMO: '0', ...env } });
}

export async function api<T = unknown>(server: RunningServer, cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function staffSignIn(server: RunningServer, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 204) throw new Error(`staff sign-in failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export interface TeamMember {
  readonly id: string;
  readonly role: Role;
  readonly cookie: string;
  readonly inviteUrl: string;
}

export interface PlanWithTeam {
  readonly iepId: string;
  /** The administrator's session; they created the plan and are its facilitator. */
  readonly creatorCookie: string;
  readonly members: ReadonlyMap<Role, TeamMember>;
}

export async function planWithTeam(server: RunningServer, roles: readonly Role[], template: TemplateId = 'idea-iep'): Promise<PlanWithTeam> {
  const creatorCookie = await staffSignIn(server, ADMIN.email, ADMIN.password);
  const created = await api<{ id: string }>(server, creatorCookie, 'POST', '/api/ieps', {
    template,
    student: { firstName: 'Test', lastName: 'Student', dateOfBirth: '2012-03-04', grade: '8' },
  });
  if (created.status !== 201) throw new Error(`plan creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const iepId = created.body.id;
  const members = new Map<Role, TeamMember>();
  for (const role of roles) {
    const added = await api<{ id: string; inviteUrl: string }>(server, creatorCookie, 'POST', `/api/ieps/${iepId}/participants`, { name: `A ${role}`, role });
    if (added.status !== 201) throw new Error(`adding ${role} failed: ${added.status}`);
    const inviteUrl = added.body.inviteUrl.replace(/^http:\/\/[^/]+/, server.url);
    const { cookie } = await signIn({ roles: role, url: inviteUrl });
    members.set(role, { id: added.body.id, role, cookie, inviteUrl });
  }
  return { iepId, creatorCookie, members };
}

export function member(team: PlanWithTeam, role: Role): TeamMember {
  const found = team.members.get(role);
  if (!found) throw new Error(`no ${role} on the team`);
  return found;
}
