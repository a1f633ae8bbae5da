import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { SessionProvider } from '@/shared/session';

type Me = ComponentProps<typeof SessionProvider>['me'];

/**
 * Renders pages as the app does (Apollo, the signed-in user, antd's App, a data router) at the last of
 * `entries`, for tests that drive a page against a fake GraphQL server; returns the router. No antd
 * animations: happy-dom never ends a closing dialog's.
 */
export function renderRoutes(client: ApolloClient, me: Me, routes: RouteObject[], entries: string[]) {
  const router = createMemoryRouter(routes, { initialEntries: entries, initialIndex: entries.length - 1 });
  render(
    <ApolloProvider client={client}>
      <SessionProvider me={me}>
        <ConfigProvider theme={{ token: { motion: false } }}>
          <App>
            <RouterProvider router={router} />
          </App>
        </ConfigProvider>
      </SessionProvider>
    </ApolloProvider>,
  );
  return router;
}

/** One page at `entry` (`renderRoutes` with a single route). */
export function renderRoute(client: ApolloClient, me: Me, route: { path: string; element: ReactNode; entry: string }) {
  return renderRoutes(client, me, [{ path: route.path, element: route.element }], [route.entry]);
}
