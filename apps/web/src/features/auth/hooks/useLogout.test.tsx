import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOGOUT_PENDING, logoutPending } from '@/shared/pendingLogout';
import { useLogout } from './useLogout';

/** The server's answer to `logout`: it ended the session, it knew none, or it was not reached. */
type Answer = 'ok' | 'unauthenticated' | 'network-down';

function serverAnswering(answer: Answer) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      if (answer === 'network-down') throw new TypeError('Failed to fetch');
      const body = answer === 'ok' ? { data: { logout: true } } : { errors: [{ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } }] };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }),
  );
}

/** The hook on the on-site screen of an officer, in a router whose location the test reads. */
function renderLogout() {
  const client = new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() });
  let router!: ReturnType<typeof createMemoryRouter>;
  const wrapper = ({ children }: { children: ReactNode }) => {
    router ??= createMemoryRouter(
      [
        { path: '/inspections/:id', element: children },
        { path: '/login', element: <p>登录</p> },
      ],
      { initialEntries: ['/inspections/A1'] },
    );
    return (
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    );
  };
  const { result } = renderHook(() => useLogout(), { wrapper });
  return { result, location: () => router.state.location.pathname };
}

beforeEach(() => {
  localStorage.clear();
  // what the officer's session left on the phone
  localStorage.setItem('evs.session.me', JSON.stringify({ id: 'U1', displayName: '刘宝军' }));
  localStorage.setItem('evs.session.confirmedAt', String(Date.now()));
  localStorage.setItem('evs.onsite.roster.A1', JSON.stringify({ savedAt: new Date().toISOString(), value: [{ name: '杜勇' }] }));
  vi.stubGlobal('caches', { delete: vi.fn(async () => true) });
});
afterEach(() => vi.unstubAllGlobals());

describe('退出登录', () => {
  it('without a connection: the logout is marked pending, the device copies and photos go, and the login page shows', async () => {
    serverAnswering('network-down');
    const { result, location } = renderLogout();
    await act(() => result.current.logout());
    expect(logoutPending()).toBe(true);
    expect(JSON.parse(localStorage.getItem(LOGOUT_PENDING)!).since).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('evs.'))).toEqual([]);
    expect(caches.delete).toHaveBeenCalledWith('evs-photos');
    expect(location()).toBe('/login');
  });

  it.each<Answer>(['ok', 'unauthenticated'])('the server answers (%s): nothing pending, the device copies go', async (answer) => {
    serverAnswering(answer);
    const { result, location } = renderLogout();
    await act(() => result.current.logout());
    expect(logoutPending()).toBe(false);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('evs.'))).toEqual([]);
    expect(location()).toBe('/login');
  });
});
