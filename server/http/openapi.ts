// GET /api/openapi.json: the description of every HTTP route, for scripts and district integrations.

import { Router } from 'express';

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } } as const;
const pidParam = { name: 'pid', in: 'path', required: true, schema: { type: 'string' } } as const;

function jsonBody(properties: Record<string, unknown>, required: string[]) {
  return { required: true, content: { 'application/json': { schema: { type: 'object', properties, required } } } };
}

const errorResponse = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Concord', version: '0.1.0', description: 'Write an IEP or 504 plan together, live.' },
  paths: {
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
