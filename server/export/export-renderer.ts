// Renders exports on a worker thread: a 30-page PDF or DOCX takes a few hundred milliseconds of CPU, which on the event
// loop would pause every meeting's live editing for that long.

import { Worker } from 'node:worker_threads';
import type { ExportFormat } from './formats';
import type { PlanSnapshot } from './plan-snapshot';
import type { RenderReply, RenderRequest } from './render-in-worker';

interface Pending {
  readonly resolve: (body: Buffer) => void;
  readonly reject: (error: Error) => void;
}

export class ExportRenderer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  render(format: ExportFormat, snapshot: PlanSnapshot): Promise<Buffer> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, format, snapshot } satisfies RenderRequest);
      // Only waiting exports keep the process alive.
      worker.ref();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the server is stopping'));
    await worker?.terminate();
  }

  private start(): Worker {
    // Its own loader, not the parent's flags: the server may run under `node --import tsx` or `npm start`'s register().
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { execArgv: [] });
    worker.unref();
    worker.on('message', (reply: RenderReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength));
    });
    // A crashed worker fails what it held; the next export starts a fresh one.
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`export worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const each of waiting) each.reject(error);
  }
}
