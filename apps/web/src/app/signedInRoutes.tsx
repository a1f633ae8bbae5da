import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import './antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { apolloClient } from './apollo';
import './unauthenticated';
// the early `me` into Apollo's cache, and the first page's data (the router asks for it earlier still)
import './firstLoad';
import { layoutChunk, pageChunk } from './pageChunks';
import { featureRoutes, type FeatureRoute } from './routes';
import { BootErrorPage } from './boot';
import { SessionGate } from './SessionGate';
import { SIGNED_IN_THEME } from './theme';
import { canAccess } from '@/shared/access';
import { useRole } from '@/shared/session';
import { keptLazy } from '@/shared/keptLazy';
import { PageLoading } from '@/shared/PageLoading';
import { ServiceWorkerAfterFirstScreen } from '@/shared/serviceWorker';
import type { RouteHandle } from '@/shared/routeHandle';

/**
 * The signed-in part of the app, loaded after the login page (`router.tsx` patches these routes in on
 * the first navigation past it): the antd locale and message hooks, Apollo, the session gate, the
 * menu's route registry and every page's lazy chunk.
 */
dayjs.locale('zh-cn');

const AppLayout = keptLazy(layoutChunk).Component;
const ChangePasswordPage = lazy(() => import('@/pages/ChangePasswordPage'));
const TwoFactorSetupPage = lazy(() => import('@/pages/TwoFactorSetupPage'));
const ForbiddenPage = lazy(() => import('@/pages/ForbiddenPage'));
const NotFoundPage = lazy(() => import('@/pages/NotFoundPage'));

function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
      <ServiceWorkerAfterFirstScreen />
    </Suspense>
  );
}

/** Renders the page for the roles the registry allows, the 403 page for everyone else. */
function Guarded({ route, page }: { route: FeatureRoute; page: ComponentType }) {
  const role = useRole();
  return <Lazy page={canAccess(role, route.roles) ? page : ForbiddenPage} />;
}

function toRouteObject(route: FeatureRoute): RouteObject {
  // rendered at once when its chunk is already in (the first page's, prefetched with `me`)
  const page = keptLazy(pageChunk(route)).Component;
  const handle: RouteHandle = { path: route.path, title: route.title, titleByRole: route.titleByRole };
  const element = <Guarded route={route} page={page} />;
  return route.path === '/' ? { index: true, handle, element } : { path: route.path, handle, element };
}

/** The providers every signed-in page needs, around the session gate (`me`, forced steps, offline). */
export function SignedInRoot() {
  return (
    <ConfigProvider locale={zhCN} theme={SIGNED_IN_THEME}>
      <AntApp>
        <ApolloProvider client={apolloClient}>
          <SessionGate />
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The children of the signed-in root. */
export const signedInRoutes: RouteObject[] = [
  { path: '/change-password', element: <Lazy page={ChangePasswordPage} /> },
  { path: '/account/two-factor', element: <Lazy page={TwoFactorSetupPage} /> },
  {
    element: <Lazy page={AppLayout} />,
    // a page that throws (or whose chunk is gone) keeps the menu and header around it
    children: [
      {
        errorElement: <BootErrorPage />,
        children: [
          // the on-site screen has its own light root (router.tsx), outside this layout
          ...featureRoutes.filter((r) => !r.standalone).map(toRouteObject),
          { path: '/403', element: <Lazy page={ForbiddenPage} /> },
          { path: '*', element: <Lazy page={NotFoundPage} /> },
        ],
      },
    ],
  },
];
