// Download links for the plan as it stands (PDF, Word, print view), for everyone the capability table lets take a copy.

import { can, type Role } from '../../shared/rules/roles';

const FORMATS = [
  { extension: 'pdf', label: 'PDF' },
  { extension: 'docx', label: 'Word' },
  { extension: 'html', label: 'Print view' },
] as const;

export function ExportLinks({ iepId, roles }: { readonly iepId: string; readonly roles: readonly Role[] }) {
  if (!can(roles, 'export')) return null;
  return (
    <nav className="export-links" aria-label="Download a copy of the plan">
      <span className="export-links__label">Download a copy:</span>
      {FORMATS.map(({ extension, label }) => (
        <a key={extension} href={`/api/ieps/${encodeURIComponent(iepId)}/export.${extension}`} download data-testid={`export-${extension}`}>
          {label}
        </a>
      ))}
    </nav>
  );
}
