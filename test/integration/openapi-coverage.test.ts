// Every HTTP route the server mounts is described in /api/openapi.json: the document scripts and districts rely on stays whole.

import { describe, expect, it } from 'vitest';
import { createServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { OPENAPI } from '../../server/http/openapi';
import { removeTempDirs, tempDataDir } from '../helpers/server';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return paths.filter((each) => typeof each === 'string').flatMap((each) => Object.keys(layer.route?.methods ?? {}).map((method) => `${method} ${each.replace(/:(\w+)/g, '{$1}')}`));
    }
    return layer.handle?.stack ? routes(layer.handle.stack) : [];
  });
}

describe('the OpenAPI description', () => {
  it('documents every route the server mounts', async () => {
    const concord = createServer(readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir() }));
    const mounted = routes((concord.app as unknown as { router: { stack: Layer[] } }).router.stack);
    const documented = new Set(Object.entries(OPENAPI.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)));
    expect(mounted.length).toBeGreaterThan(20);
    expect(mounted.filter((route) => !documented.has(route))).toEqual([]);
    await concord.stop();
    removeTempDirs();
  });
});
