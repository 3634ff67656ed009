// GET /join/:token: an invitation link signs its participant in and sends them to the meeting room, without the token in the URL.

import { Router } from 'express';
import { AttemptLimiter } from '../auth/attempt-limiter';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions';
import { tokenHash } from '../auth/tokens';
import type { AppContext } from './context';

export function joinRouter(context: AppContext): Router {
  const router = Router();
  // Guessing a 256-bit token is hopeless, but a flood of guesses is still refused early, per address and per token.
  const limiter = new AttemptLimiter(30, 15 * 60 * 1000);

  router.get('/join/:token', (request, response) => {
    const keys = [`ip:${request.ip}`, `token:${tokenHash(request.params.token)}`];
    if (!limiter.allows(keys)) {
      response.status(429).type('html').send(tooManyPage);
      return;
    }
    const participantId = context.sessions.redeem(request.params.token);
    const participant = participantId ? context.plans.participant(participantId) : undefined;
    if (!participant) {
      limiter.fail(keys);
      context.audit.record({ actor: null, iepId: null, action: 'invitation.refused', ip: request.ip });
      response.status(401).type('html').send(invalidInvitationPage);
      return;
    }
    const token = context.sessions.start({ participantId: participant.id }, 'invitation-link');
    context.audit.record({ actor: participant.id, iepId: participant.iepId, action: 'session.started', detail: { method: 'invitation-link' }, ip: request.ip });
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: context.secureCookies,
      path: '/',
      maxAge: SESSION_TTL_MS,
    });
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.redirect(303, `/ieps/${encodeURIComponent(participant.iepId)}`);
  });

  return router;
}

const tooManyPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Please wait · Concord</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Please wait a few minutes</h1><p>There were too many attempts to open invitation links from here.</p></main></body></html>`;

const invalidInvitationPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invitation not valid · Concord</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>This invitation link is not valid any more</h1>
<p>It may have expired or been replaced. Please ask the case manager to send you a new link.</p></main></body></html>`;
