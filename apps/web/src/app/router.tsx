import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { BootErrorPage, BootLoading } from './boot';
import { onsiteActivityId, startOnsite, startSignedIn } from './firstRequests';

/**
 * The route tree as the first load knows it: the login page, and an empty signed-in root whose pages
 * (`signedInRoutes.tsx`, with Apollo, the antd providers and the menu registry) are patched in on the
 * first navigation that needs them. The app's first chunk (`mount.tsx`) therefore holds React, the
 * router and this file only (the entry before it sends the first requests: `firstRequests.ts`);
 * the login page adds its form, the on-site screen its light root (Apollo, plain markup), and every
 * other page adds the signed-in chunk and its own.
 */
const SIGNED_IN = 'signed-in';
/** The on-site screen's path: a root of its own, never a reason to load the signed-in part. */
const ONSITE = '/inspections/:activityId';
/** Whether the signed-in part's routes are in (after the first navigation that needed them). */
let patched = false;

const LoginPage = lazy(() => import('@/pages/LoginPage'));
const SignedInRoot = lazy(() => import('./signedInRoutes').then((m) => ({ default: m.SignedInRoot })));
/**
 * 现场监管 of one activity: its own light root (`onsiteRoot.tsx`). Opened first, or after the login page,
 * `me` is asked for alongside its code, and the screen's data as soon as `me` answers (`earlyOnsite.ts`):
 * on venue mobile data both overlap the download of React, Apollo and the screen's code.
 */
const OnsiteRoot = lazy(() => {
  const activityId = onsiteActivityId(window.location.pathname);
  if (!patched && activityId) startOnsite(activityId); // done by the entry already when the screen was opened first
  return import('./onsiteRoot');
});

function Lazy({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<BootLoading />}>
      <Page />
    </Suspense>
  );
}

const routes: RouteObject[] = [
  { path: '/login', element: <Lazy page={LoginPage} />, errorElement: <BootErrorPage /> },
  // the on-site screen opens on a phone without the signed-in part (antd, the menu): see onsiteRoot.tsx
  { path: ONSITE, element: <Lazy page={OnsiteRoot} />, errorElement: <BootErrorPage /> },
  // pathless and, until patched, childless: it matches nothing, so every other path asks for the patch
  { id: SIGNED_IN, element: <Lazy page={SignedInRoot} />, errorElement: <BootErrorPage />, hydrateFallbackElement: <BootLoading /> },
];

export const router = createBrowserRouter(routes, {
  async patchRoutesOnNavigation({ path, patch }) {
    if (patched) return; // asked again for every path with a parameter; the tree is complete by then
    // asked for the on-site screen too (a path with a parameter), which its own root already matches
    if (onsiteActivityId(path.split(/[?#]/)[0])) return;
    // `me`, the layout and the page are asked for with the signed-in part, not after it; the page's
    // data as soon as Apollo and `me` are in (firstLoad), not after the signed-in part's antd
    startSignedIn(path); // done by the entry already when such a page was opened first
    const { signedInRoutes } = await import('./signedInRoutes');
    if (patched) return;
    patch(SIGNED_IN, signedInRoutes);
    patched = true;
  },
});
