// Serves the built meeting-room client, with index.html for every client route so deep links and reloads work.

import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

export function staticClientRouter(clientDir: string): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  // Every other page address belongs to the client's router (which has its own "not found" page).
  router.get(/^\/(?!api\/|join\/|collab\/|healthz$)/, (request, response, next) => {
    if (!request.accepts('html')) {
      next();
      return;
    }
    if (!fs.existsSync(index)) {
      response.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}
