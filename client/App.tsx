// Picks the page from the address: sign-in at /signin, a meeting room at /ieps/:id, the home page at /, otherwise "not found".

import { lazy, Suspense } from 'react';
import { MeProvider } from './account/me-context';
import { SignInPage } from './account/SignInPage';
import { AppLink } from './page/AppLink';
import { CalmPage } from './page/CalmPage';
import { usePathname } from './page/navigation';
import { HomePage } from './plans/HomePage';

// The editors (TipTap, Yjs) load only where there is a meeting, so the other pages stay light.
const MeetingRoom = lazy(() => import('./meeting/MeetingRoom').then((module) => ({ default: module.MeetingRoom })));

export type Route =
  | { readonly page: 'meeting'; readonly iepId: string }
  | { readonly page: 'home' }
  | { readonly page: 'signin' }
  | { readonly page: 'not-found' };

export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (pathname === '/signin' || pathname === '/signin/') return { page: 'signin' };
  const match = /^\/ieps\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) {
    try {
      return { page: 'meeting', iepId: decodeURIComponent(match[1]) };
    } catch {
      return { page: 'not-found' };
    }
  }
  return { page: 'not-found' };
}

function Page({ route }: { readonly route: Route }) {
  switch (route.page) {
    case 'meeting':
      return (
        <Suspense
          fallback={
            <CalmPage title="Opening the meeting" busy>
              <p>Opening the meeting…</p>
            </CalmPage>
          }
        >
          <MeetingRoom key={route.iepId} iepId={route.iepId} />
        </Suspense>
      );
    case 'home':
      return <HomePage />;
    case 'signin':
      return <SignInPage />;
    case 'not-found':
      return (
        <CalmPage title="Page not found">
          <p>
            There is nothing at this address. <AppLink href="/">See your plans</AppLink>.
          </p>
        </CalmPage>
      );
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

export function App() {
  const route = routeOf(usePathname());
  return (
    <MeProvider>
      <Page route={route} />
    </MeProvider>
  );
}
