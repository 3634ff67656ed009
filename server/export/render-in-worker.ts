// Runs in the export worker: renders one snapshot at a time and posts the file back.

import { parentPort } from 'node:worker_threads';
import type { ExportFormat } from './formats';
import type { PlanSnapshot } from './plan-snapshot';
import { RENDERERS } from './renderers';

export interface RenderRequest {
  readonly id: number;
  readonly format: ExportFormat;
  readonly snapshot: PlanSnapshot;
}

export type RenderReply = { readonly id: number; readonly body: Uint8Array } | { readonly id: number; readonly error: string };

parentPort?.on('message', async ({ id, format, snapshot }: RenderRequest) => {
  try {
    const body = await RENDERERS[format](snapshot);
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    parentPort?.postMessage({ id, body: bytes } satisfies RenderReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
