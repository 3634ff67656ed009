// The header's way to the "Status and signatures" panel: a link that also moves keyboard focus there.

import type { MouseEvent } from 'react';
import { SIGN_OFF_HEADING, SIGN_OFF_PANEL } from './SignOffPanel';

export function SignOffLink() {
  // Following the #hash would briefly change the address that names the open section; focusing the heading does the same job.
  const go = (event: MouseEvent<HTMLAnchorElement>) => {
    const heading = document.getElementById(SIGN_OFF_HEADING);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  };
  return (
    <p className="signoff-link">
      <a href={`#${SIGN_OFF_PANEL}`} onClick={go}>
        Status and signatures
      </a>
    </p>
  );
}
