// The export formats: each one's file extension, media type and renderer, in one table the route and the benchmark read.

import type { PlanSnapshot } from './plan-snapshot';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';

export const EXPORT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Exporter {
  readonly contentType: string;
  render(snapshot: PlanSnapshot): Promise<Buffer>;
}

export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  pdf: { contentType: 'application/pdf', render: renderPdf },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  html: { contentType: 'text/html; charset=utf-8', render: async (snapshot) => Buffer.from(renderHtml(snapshot), 'utf8') },
};
