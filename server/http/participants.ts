// The team of a plan over HTTP: add someone (and get their invitation link), change roles, remove, reissue or revoke a link.

import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ROLES } from '../../shared/rules/roles';
import { addParticipant, changeRoles, reissueInvitation, removeParticipant, revokeInvitation, type TeamChange } from '../plan/team';
import type { ParticipantRecord } from '../store/plans';
import { type AppContext, baseUrlOf, caller, participantOn, sendError } from './context';

const RolesSchema = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

const NewParticipant = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES).optional(),
    roles: RolesSchema.optional(),
    email: z.string().trim().email().max(320).optional(),
  })
  .refine((body) => body.role !== undefined || body.roles !== undefined, { message: 'role or roles is required' });

const RolesChange = z.object({ roles: RolesSchema });

export function participantsRouter(context: AppContext): Router {
  const router = Router();

  /** The signed-in manager of the plan and the participant named in the URL, or an error already sent. */
  function managed(request: Request<{ id: string; pid?: string }>, response: Response) {
    const who = caller(context, request, response);
    if (!who) return undefined;
    const access = participantOn(context, who, request.params.id, request, response, 'manage-participants');
    if (!access) return undefined;
    const change: TeamChange = { actor: access.participant.id, iepId: access.plan.id, ip: request.ip };
    return { access, change };
  }

  function target(iepId: string, participantId: string | undefined, response: Response): ParticipantRecord | undefined {
    const participant = participantId ? context.plans.participant(participantId) : undefined;
    if (!participant || participant.iepId !== iepId) {
      sendError(response, 'NOT_FOUND', 'There is no such participant on this plan.');
      return undefined;
    }
    return participant;
  }

  router.get('/api/ieps/:id/participants', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const access = participantOn(context, who, request.params.id, request, response, 'read');
    if (!access) return;
    response.json(context.plans.participants(access.plan.id).map(({ id, name, roles, email }) => ({ id, name, roles, email })));
  });

  router.post('/api/ieps/:id/participants', (request, response) => {
    const ok = managed(request, response);
    if (!ok) return;
    const body = NewParticipant.safeParse(request.body);
    if (!body.success) {
      sendError(response, 'BAD_REQUEST', 'A participant needs a name and a role from the list.');
      return;
    }
    const roles = [...new Set([...(body.data.roles ?? []), ...(body.data.role ? [body.data.role] : [])])];
    const { participant, inviteToken } = addParticipant(context, ok.change, { name: body.data.name, roles, email: body.data.email });
    response.status(201).json({ id: participant.id, inviteUrl: `${baseUrlOf(context, request)}/join/${inviteToken}` });
  });

  router.patch('/api/ieps/:id/participants/:pid', (request, response) => {
    const ok = managed(request, response);
    if (!ok) return;
    const participant = target(ok.access.plan.id, request.params.pid, response);
    if (!participant) return;
    const body = RolesChange.safeParse(request.body);
    if (!body.success) {
      sendError(response, 'BAD_REQUEST', 'Give the participant at least one role from the list.');
      return;
    }
    const updated = changeRoles(context, ok.change, participant, body.data.roles);
    response.json({ id: updated.id, name: updated.name, roles: updated.roles });
  });

  router.delete('/api/ieps/:id/participants/:pid', (request, response) => {
    const ok = managed(request, response);
    if (!ok) return;
    const participant = target(ok.access.plan.id, request.params.pid, response);
    if (!participant) return;
    removeParticipant(context, ok.change, participant);
    response.status(204).end();
  });

  router.post('/api/ieps/:id/participants/:pid/invitation', (request, response) => {
    const ok = managed(request, response);
    if (!ok) return;
    const participant = target(ok.access.plan.id, request.params.pid, response);
    if (!participant) return;
    const token = reissueInvitation(context, ok.change, participant);
    response.status(201).json({ id: participant.id, inviteUrl: `${baseUrlOf(context, request)}/join/${token}` });
  });

  router.delete('/api/ieps/:id/participants/:pid/invitation', (request, response) => {
    const ok = managed(request, response);
    if (!ok) return;
    const participant = target(ok.access.plan.id, request.params.pid, response);
    if (!participant) return;
    revokeInvitation(context, ok.change, participant);
    response.status(204).end();
  });

  return router;
}
