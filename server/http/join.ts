// GET /join/:token: an invitation link signs its participant in and sends them to the meeting room, without the token in the URL.

import { Router } from 'express';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions';
import type { AppContext } from './context';

export function joinRouter(context: AppContext): Router {
  const router = Router();

  router.get('/join/:token', (request, response) => {
    const participantId = context.sessions.redeem(request.params.token);
    const participant = participantId ? context.plans.participant(participantId) : undefined;
    if (!participant) {
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

const invalidInvitationPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invitation not valid · Concord</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>This invitation link is not valid any more</h1>
<p>It may have expired or been replaced. Please ask the case manager to send you a new link.</p></main></body></html>`;
