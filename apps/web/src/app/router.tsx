import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { onUnauthenticated } from './apollo';
import { featureRoutes, type FeatureRoute } from './routes';
import { SessionGate } from './SessionGate';
import { AppLayout } from './layout/AppLayout';
import { canAccess } from '@/shared/access';
import { useRole } from '@/shared/session';
import { PageLoading } from '@/shared/PageLoading';
import { RouteErrorPage } from '@/pages/RouteErrorPage';
import type { RouteHandle } from '@/shared/routeHandle';

const LoginPage = lazy(() => import('@/pages/LoginPage'));
const ChangePasswordPage = lazy(() => import('@/pages/ChangePasswordPage'));
const TwoFactorSetupPage = lazy(() => import('@/pages/TwoFactorSetupPage'));
const ForbiddenPage = lazy(() => import('@/pages/ForbiddenPage'));
const NotFoundPage = lazy(() => import('@/pages/NotFoundPage'));

function Lazy({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

/** Renders the page for the roles the registry allows, the 403 page for everyone else. */
function Guarded({ route, page }: { route: FeatureRoute; page: LazyExoticComponent<ComponentType> }) {
  const role = useRole();
  return <Lazy page={canAccess(role, route.roles) ? page : ForbiddenPage} />;
}

function toRouteObject(route: FeatureRoute): RouteObject {
  const page = lazy(route.lazy);
  const handle: RouteHandle = { path: route.path, title: route.title, titleByRole: route.titleByRole };
  const element = <Guarded route={route} page={page} />;
  return route.path === '/' ? { index: true, handle, element } : { path: route.path, handle, element };
}

export const router = createBrowserRouter([
  { path: '/login', element: <Lazy page={LoginPage} />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    element: <SessionGate />,
    children: [
      { path: 'change-password', element: <Lazy page={ChangePasswordPage} /> },
      { path: 'account/two-factor', element: <Lazy page={TwoFactorSetupPage} /> },
      {
        element: <AppLayout />,
        // a page that throws (or whose chunk is gone) keeps the menu and header around it
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              ...featureRoutes.map(toRouteObject),
              { path: '403', element: <Lazy page={ForbiddenPage} /> },
              { path: '*', element: <Lazy page={NotFoundPage} /> },
            ],
          },
        ],
      },
    ],
  },
]);

onUnauthenticated(() => {
  const { pathname, search } = router.state.location;
  if (pathname !== '/login') void router.navigate('/login', { replace: true, state: { from: pathname + search } });
});
