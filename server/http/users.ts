// POST /api/users: an administrator creates a staff account (staff then start plans and invite their teams).

import { Router } from 'express';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords';
import { newId } from '../auth/tokens';
import { type AppContext, caller, sendError } from './context';

const NewUser = z.object({
  email: z.string().trim().email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, 'at least 12 characters').max(1024),
  isAdmin: z.boolean().optional(),
});

export function usersRouter(context: AppContext): Router {
  const router = Router();
  router.post('/api/users', async (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    if (!who.user?.isAdmin) {
      context.audit.record({ actor: who.session.userId ?? who.session.participantId ?? null, iepId: null, action: 'request.refused', detail: { route: 'POST /api/users' }, ip: request.ip });
      sendError(response, 'CAPABILITY_MISSING', 'Only an administrator can create accounts.');
      return;
    }
    const body = NewUser.safeParse(request.body);
    if (!body.success) {
      sendError(response, 'BAD_REQUEST', 'An account needs an email, a name, and a password of at least 12 characters.');
      return;
    }
    if (context.users.findByEmail(body.data.email)) {
      sendError(response, 'CONFLICT', 'An account with that email already exists.');
      return;
    }
    const id = newId();
    context.users.insert({ id, email: body.data.email, name: body.data.name, passwordHash: await hashPassword(body.data.password), isAdmin: body.data.isAdmin ?? false });
    context.audit.record({ actor: who.user.id, iepId: null, action: 'user.created', detail: { user: id, isAdmin: body.data.isAdmin ?? false }, ip: request.ip });
    response.status(201).json({ id });
  });
  return router;
}
