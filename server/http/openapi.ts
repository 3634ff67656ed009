// GET /api/openapi.json: the description of every HTTP route, for scripts and district integrations.

import { Router } from 'express';

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } } as const;
const pidParam = { name: 'pid', in: 'path', required: true, schema: { type: 'string' } } as const;
const sectionParam = { name: 'sectionId', in: 'path', required: true, schema: { type: 'string' } } as const;
const cidParam = { name: 'cid', in: 'path', required: true, schema: { type: 'string' } } as const;
const midParam = { name: 'mid', in: 'path', required: true, schema: { type: 'string' } } as const;

function jsonBody(properties: Record<string, unknown>, required: string[]) {
  return { required: true, content: { 'application/json': { schema: { type: 'object', properties, required } } } };
}

const errorResponse = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Concord',
    version: '0.1.0',
    description:
      'Write an IEP or 504 plan together, live. Any request that changes something answers 503 with the error code NOT_SAVED while storage cannot take writes (disk full, read-only); nothing of it is kept, and it can be sent again.',
  },
  paths: {
    '/api/openapi.json': { get: { summary: 'This description', responses: { '200': { description: 'OpenAPI 3.1 document' } } } },
    '/healthz': { get: { summary: 'Liveness: 200 {"ok":true} once the server accepts work', responses: { '200': { description: 'OK' } } } },
    '/join/{token}': {
      get: {
        summary: 'Follow an invitation link: sets the session cookie and redirects to the meeting room',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '303': { description: 'Signed in; redirect to /ieps/{id}' }, '401': { description: 'Invitation expired, revoked or unknown' } },
      },
    },
    '/api/session': {
      post: {
        summary: 'Staff sign-in with email and password: 204 and an HttpOnly session cookie',
        requestBody: jsonBody({ email: { type: 'string' }, password: { type: 'string' } }, ['email', 'password']),
        responses: { '204': { description: 'Signed in' }, '400': errorResponse, '401': errorResponse, '429': errorResponse },
      },
      delete: { summary: 'Sign out', responses: { '204': { description: 'Signed out' }, '401': errorResponse } },
    },
    '/api/me': { get: { summary: 'Who the session speaks for: a staff account or an invited participant', responses: { '200': { description: 'Me' }, '401': errorResponse } } },
    '/api/users': {
      post: {
        summary: 'An administrator creates a staff account',
        requestBody: jsonBody({ email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string', minLength: 12 }, isAdmin: { type: 'boolean' } }, ['email', 'name', 'password']),
        responses: { '201': { description: '{id}' }, '400': errorResponse, '403': errorResponse, '409': errorResponse },
      },
    },
    '/api/ieps': {
      get: { summary: 'The plans the caller may open', responses: { '200': { description: 'PlanSummary[]' }, '401': errorResponse } },
      post: {
        summary: 'Start a plan (staff only); the caller becomes its facilitator',
        requestBody: jsonBody(
          {
            template: { type: 'string', enum: ['idea-iep', 'section-504'] },
            student: { type: 'object', required: ['firstName', 'lastName', 'dateOfBirth'] },
            plan: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' }, alternateAssessment: { type: 'boolean' }, ageOfMajority: { type: 'integer' } } },
          },
          ['template', 'student'],
        ),
        responses: { '201': { description: '{id}' }, '400': errorResponse, '401': errorResponse, '403': errorResponse },
      },
    },
    '/api/ieps/{id}/participants': {
      get: { summary: 'The team', parameters: [idParam], responses: { '200': { description: 'Participant[]' }, '404': errorResponse } },
      post: {
        summary: 'Add a participant (manage-participants); answers with their invitation link',
        parameters: [idParam],
        requestBody: jsonBody({ name: { type: 'string' }, role: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, email: { type: 'string' } }, ['name']),
        responses: { '201': { description: '{id, inviteUrl}' }, '400': errorResponse, '403': errorResponse, '404': errorResponse },
      },
    },
    '/api/ieps/{id}/participants/{pid}': {
      patch: { summary: 'Change roles; applies to open sockets at once', parameters: [idParam, pidParam], responses: { '200': { description: 'Participant' }, '403': errorResponse, '404': errorResponse } },
      delete: { summary: 'Remove from the team; their sockets close and links stop working', parameters: [idParam, pidParam], responses: { '204': { description: 'Removed' }, '403': errorResponse, '404': errorResponse } },
    },
    '/api/ieps/{id}/participants/{pid}/invitation': {
      post: { summary: 'Issue a new invitation link (the old one stops working)', parameters: [idParam, pidParam], responses: { '201': { description: '{id, inviteUrl}' }, '403': errorResponse } },
      delete: { summary: 'Revoke the invitation and end the sessions it opened', parameters: [idParam, pidParam], responses: { '204': { description: 'Revoked' }, '403': errorResponse } },
    },
    '/api/ieps/{id}/locks/{sectionId}': {
      post: {
        summary: 'Claim a section (or renew one’s hold); {takeOver: true} lets the facilitator take it from its holder',
        parameters: [idParam, sectionParam],
        requestBody: jsonBody({ takeOver: { type: 'boolean' } }, []),
        responses: { '200': { description: 'SectionLock' }, '403': errorResponse, '404': errorResponse, '409': errorResponse },
      },
      delete: { summary: 'Release (the holder, or the facilitator)', parameters: [idParam, sectionParam], responses: { '204': { description: 'Released' }, '409': errorResponse } },
    },
    '/api/ieps/{id}/locks/{sectionId}/requests': {
      post: { summary: 'Ask the holder for the section', parameters: [idParam, sectionParam], responses: { '201': { description: 'SectionLock with the request' }, '409': errorResponse } },
    },
    '/api/ieps/{id}/locks/{sectionId}/handover': {
      post: {
        summary: 'The holder hands the section to another participant',
        parameters: [idParam, sectionParam],
        requestBody: jsonBody({ to: { type: 'string' } }, ['to']),
        responses: { '200': { description: 'SectionLock' }, '400': errorResponse, '409': errorResponse },
      },
    },
    '/api/ieps/{id}/signoffs': {
      get: { summary: 'The sign-off entries of the signed record', parameters: [idParam], responses: { '200': { description: 'RecordEntry[]' } } },
      post: {
        summary: 'Sign; the server computes the hash of what is signed. onBehalfOf: in-room signing witnessed by the signed-in staff member',
        parameters: [idParam],
        requestBody: jsonBody(
          {
            kind: { type: 'string', enum: ['section-approval', 'attendance', 'agreement', 'disagreement', 'parent-consent', 'consent-revocation', 'receipt'] },
            sectionId: { type: 'string' },
            sectionIds: { type: 'array', items: { type: 'string' } },
            statement: { type: 'string' },
            typedName: { type: 'string' },
            onBehalfOf: { type: 'string' },
          },
          ['kind', 'typedName'],
        ),
        responses: { '201': { description: 'SignOff' }, '400': errorResponse, '403': errorResponse, '409': errorResponse },
      },
    },
    '/api/ieps/{id}/status': {
      post: {
        summary: 'Move the plan through draft → meeting → agreed → finalized (agreed and finalized freeze the content)',
        parameters: [idParam],
        requestBody: jsonBody({ status: { type: 'string', enum: ['draft', 'meeting', 'agreed', 'finalized'] } }, ['status']),
        responses: { '200': { description: '{status}' }, '403': errorResponse, '409': errorResponse },
      },
    },
    '/api/ieps/{id}/amendments': {
      post: { summary: 'Start an amendment of a finalized plan: a new draft plan with its content, linked to it', parameters: [idParam], responses: { '201': { description: '{id, amends}' }, '409': errorResponse } },
    },
    '/api/ieps/{id}/record/verify': {
      get: { summary: 'Recompute the signed record’s hash chain: {intact, entries, problem?}', parameters: [idParam], responses: { '200': { description: 'Verification' } } },
    },
    '/api/ieps/{id}/comments': {
      post: {
        summary: 'Start a comment thread on a section, anchored to text (Yjs relative positions), a table row, or the whole section',
        parameters: [idParam],
        requestBody: jsonBody({ sectionId: { type: 'string' }, anchor: { type: 'object' }, body: { type: 'string', maxLength: 5000 } }, ['sectionId', 'body']),
        responses: { '201': { description: 'CommentThread' }, '400': errorResponse, '403': errorResponse, '404': errorResponse },
      },
    },
    '/api/ieps/{id}/comments/{cid}': {
      patch: { summary: 'Resolve or reopen', parameters: [idParam, cidParam], requestBody: jsonBody({ resolved: { type: 'boolean' } }, ['resolved']), responses: { '200': { description: 'CommentThread' } } },
    },
    '/api/ieps/{id}/comments/{cid}/replies': {
      post: { summary: 'Reply', parameters: [idParam, cidParam], requestBody: jsonBody({ body: { type: 'string' } }, ['body']), responses: { '201': { description: 'CommentThread' } } },
    },
    '/api/ieps/{id}/comments/{cid}/messages/{mid}': {
      patch: { summary: 'Edit one’s own message', parameters: [idParam, cidParam, midParam], requestBody: jsonBody({ body: { type: 'string' } }, ['body']), responses: { '200': { description: 'CommentThread' }, '403': errorResponse } },
      delete: { summary: 'Delete one’s own message (a visible marker stays)', parameters: [idParam, cidParam, midParam], responses: { '200': { description: 'CommentThread' }, '403': errorResponse } },
    },
    '/api/ieps/{id}/export.pdf': {
      get: {
        summary: 'The plan as it stands, every applicable section in template order, with its signature page, as a tagged PDF (export; audited as a disclosure)',
        parameters: [idParam],
        responses: { '200': { description: 'Attachment iep-{id}.pdf' }, '401': errorResponse, '403': errorResponse, '404': errorResponse },
      },
    },
    '/api/ieps/{id}/export.docx': {
      get: {
        summary: 'The plan as it stands, every applicable section in template order, with its signature page, as a Word document (export; audited as a disclosure)',
        parameters: [idParam],
        responses: { '200': { description: 'Attachment iep-{id}.docx' }, '401': errorResponse, '403': errorResponse, '404': errorResponse },
      },
    },
    '/api/ieps/{id}/export.html': {
      get: {
        summary: 'The plan as it stands, every applicable section in template order, with its signature page, as a self-contained print view without script (export; audited as a disclosure)',
        parameters: [idParam],
        responses: { '200': { description: 'Attachment iep-{id}.html' }, '401': errorResponse, '403': errorResponse, '404': errorResponse },
      },
    },
    '/api/ieps/{id}/audit': {
      get: { summary: 'Access and change events of this plan (read-audit)', parameters: [idParam, { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10000 } }], responses: { '200': { description: 'AuditEvent[]' }, '403': errorResponse, '404': errorResponse } },
    },
    '/collab/{iepId}/{doc}': {
      get: {
        summary: 'WebSocket: the y-websocket protocol for one doc (a section id or "meeting"), authenticated by the session cookie',
        responses: { '101': { description: 'Switching protocols' }, '401': errorResponse, '403': errorResponse, '404': errorResponse },
      },
    },
    '/api/ieps/{id}': {
      get: {
        summary: 'A plan: template, status, student, sections with their doc names, participants, and what the caller may do',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'PlanView' }, '401': errorResponse, '404': errorResponse },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
      },
    },
  },
} as const;

export function openapiRouter(): Router {
  const router = Router();
  router.get('/api/openapi.json', (_request, response) => {
    response.json(OPENAPI);
  });
  return router;
}
