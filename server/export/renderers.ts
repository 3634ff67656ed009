// Each export format's renderer, for the export worker (the server's own thread never loads them).

import type { ExportFormat } from './formats';
import type { PlanSnapshot } from './plan-snapshot';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';

export const RENDERERS: Readonly<Record<ExportFormat, (snapshot: PlanSnapshot) => Promise<Buffer>>> = {
  pdf: renderPdf,
  docx: renderDocx,
  html: async (snapshot) => Buffer.from(renderHtml(snapshot), 'utf8'),
};
