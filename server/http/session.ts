// POST /api/session and DELETE /api/session: staff sign in with email and password, and sign out.

import { Router } from 'express';
import { z } from 'zod';
import { AttemptLimiter } from '../auth/attempt-limiter';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions';
import { type AppContext, caller, sendError } from './context';

const SignIn = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) });

export function sessionRouter(context: AppContext): Router {
  const router = Router();
  const limiter = new AttemptLimiter(10, 15 * 60 * 1000);

  router.post('/api/session', async (request, response) => {
    const body = SignIn.safeParse(request.body);
    if (!body.success) {
      sendError(response, 'BAD_REQUEST', 'Enter your email and password.');
      return;
    }
    const keys = [`email:${body.data.email.toLowerCase()}`, `ip:${request.ip}`];
    if (!limiter.allows(keys)) {
      sendError(response, 'TOO_MANY_ATTEMPTS');
      return;
    }
    const user = context.users.findByEmail(body.data.email);
    const valid = await verifyPassword(body.data.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) {
      limiter.fail(keys);
      context.audit.record({ actor: null, iepId: null, action: 'signin.failed', detail: { account: user?.id ?? null }, ip: request.ip });
      sendError(response, 'BAD_CREDENTIALS');
      return;
    }
    limiter.succeed(keys);
    const token = context.sessions.start({ userId: user.id }, 'password');
    context.audit.record({ actor: user.id, iepId: null, action: 'session.started', detail: { method: 'password' }, ip: request.ip });
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: context.secureCookies, path: '/', maxAge: SESSION_TTL_MS });
    response.status(204).end();
  });

  router.delete('/api/session', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    context.sessions.end(who.token);
    context.audit.record({ actor: who.session.userId ?? who.session.participantId ?? null, iepId: null, action: 'session.ended', ip: request.ip });
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.status(204).end();
  });

  router.get('/api/me', (request, response) => {
    const who = caller(context, request, response);
    if (!who) return;
    const participant = who.session.participantId !== undefined ? context.plans.participant(who.session.participantId) : undefined;
    response.json({
      user: who.user ? { id: who.user.id, name: who.user.name, email: who.user.email, isAdmin: who.user.isAdmin } : null,
      participant: participant ? { id: participant.id, iepId: participant.iepId, name: participant.name, roles: participant.roles } : null,
      authMethod: who.session.authMethod,
    });
  });

  return router;
}
