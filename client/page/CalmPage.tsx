// A quiet full page for moments without a meeting: signed out, errors, not found, loading.

import { type ReactNode, useEffect } from 'react';

interface CalmPageProps {
  readonly title: string;
  readonly children?: ReactNode;
  /** While loading, the page tells assistive technology it is busy. */
  readonly busy?: boolean;
}

export function CalmPage({ title, children, busy = false }: CalmPageProps) {
  useEffect(() => {
    document.title = `${title} – Concord`;
  }, [title]);
  return (
    <div className="calm-page">
      <header className="calm-header">
        <p className="brand">Concord</p>
      </header>
      <main id="main-content" className="calm-main" aria-busy={busy}>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
