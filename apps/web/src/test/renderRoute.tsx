import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { SessionProvider } from '@/shared/session';

/**
 * Renders one page as the app does (Apollo, the signed-in user, antd's App, a data router) at `entry`,
 * for tests that drive a page against a fake GraphQL server; returns the router.
 */
export function renderRoute(
  client: ApolloClient,
  me: ComponentProps<typeof SessionProvider>['me'],
  route: { path: string; element: ReactNode; entry: string },
) {
  const router = createMemoryRouter([{ path: route.path, element: route.element }], { initialEntries: [route.entry] });
  render(
    <ApolloProvider client={client}>
      <SessionProvider me={me}>
        <App>
          <RouterProvider router={router} />
        </App>
      </SessionProvider>
    </ApolloProvider>,
  );
  return router;
}
