// The header's sentence on what this person can do; it is a live region, so a change of roles mid-meeting is announced.

import type { Role } from '../../shared/rules/roles';
import { rightsSentence } from './rights-sentence';

export function MyRights({ roles }: { readonly roles: readonly Role[] }) {
  return (
    <p className="my-rights" data-testid="my-rights" aria-live="polite">
      {rightsSentence(roles)}
    </p>
  );
}
