// A quiet full page for moments without a meeting: signing in, the plan list, signed out, errors, not found, loading.

import { type ReactNode, useEffect, useRef } from 'react';
import { SessionControl } from '../account/SessionControl';
import { AppLink } from './AppLink';
import { takeMovedInApp } from './navigation';

interface CalmPageProps {
  readonly title: string;
  readonly children?: ReactNode;
  /** While loading, the page tells assistive technology it is busy. */
  readonly busy?: boolean;
}

export function CalmPage({ title, children, busy = false }: CalmPageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Concord`;
  }, [title]);
  useEffect(() => {
    if (takeMovedInApp()) heading.current?.focus();
  }, []);
  return (
    <div className="calm-page">
      <header className="calm-header">
        <p className="brand">
          <AppLink href="/">Concord</AppLink>
        </p>
        <SessionControl />
      </header>
      <main id="main-content" className="calm-main" aria-busy={busy}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
