import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { askForSessionEarly } from '@/shared/earlySession';
import { BootErrorPage, BootLoading } from './boot';

/**
 * The route tree as the first load knows it: the login page, and an empty signed-in root whose pages
 * (`signedInRoutes.tsx`, with Apollo, the antd providers and the menu registry) are patched in on the
 * first navigation that needs them. The entry therefore holds React, the router and this file only;
 * the login page adds its form, and every other page adds the signed-in chunk and its own.
 */
const LoginPage = lazy(() => import('@/pages/LoginPage'));
const SignedInRoot = lazy(() => import('./signedInRoutes').then((m) => ({ default: m.SignedInRoot })));

function Lazy({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<BootLoading />}>
      <Page />
    </Suspense>
  );
}

const SIGNED_IN = 'signed-in';
const routes: RouteObject[] = [
  { path: '/login', element: <Lazy page={LoginPage} />, errorElement: <BootErrorPage /> },
  // pathless and, until patched, childless: it matches nothing, so every other path asks for the patch
  { id: SIGNED_IN, element: <Lazy page={SignedInRoot} />, errorElement: <BootErrorPage />, hydrateFallbackElement: <BootLoading /> },
];

let patched = false;
export const router = createBrowserRouter(routes, {
  async patchRoutesOnNavigation({ path, patch }) {
    if (patched) return; // asked again for every path with a parameter; the tree is complete by then
    // `me`, the layout and the page are asked for with the signed-in part, not after it; the page's
    // data as soon as Apollo and `me` are in (firstLoad), not after the signed-in part's antd
    askForSessionEarly();
    import('./pageChunks').then((m) => m.prefetchSignedInPage(path)).catch(() => undefined);
    import('./firstLoad').catch(() => undefined); // a failure here fails again, and is shown, below
    const { signedInRoutes } = await import('./signedInRoutes');
    if (patched) return;
    patch(SIGNED_IN, signedInRoutes);
    patched = true;
  },
});
