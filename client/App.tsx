// Picks the page from the address: a meeting room at /ieps/:id, the list of plans at /, otherwise "not found".

import { lazy, Suspense } from 'react';
import { CalmPage } from './page/CalmPage';
import { PlanList } from './plans/PlanList';

// The editors (TipTap, Yjs) load only where there is a meeting, so the plan list stays light.
const MeetingRoom = lazy(() => import('./meeting/MeetingRoom').then((module) => ({ default: module.MeetingRoom })));

export type Route = { readonly page: 'meeting'; readonly iepId: string } | { readonly page: 'plans' } | { readonly page: 'not-found' };

export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'plans' };
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

export function App() {
  const route = routeOf(window.location.pathname);
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
          <MeetingRoom iepId={route.iepId} />
        </Suspense>
      );
    case 'plans':
      return <PlanList />;
    case 'not-found':
      return (
        <CalmPage title="Page not found">
          <p>
            There is nothing at this address. <a href="/">See your plans</a>.
          </p>
        </CalmPage>
      );
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
