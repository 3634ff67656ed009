// The export formats: each one's media type, in one table the route and the benchmark read. The renderers live in
// `renderers.ts`, loaded only by the export worker: the PDF and Word libraries are a third of the server's heap, and
// every major collection on the event loop's thread would trace them.

export const EXPORT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};
