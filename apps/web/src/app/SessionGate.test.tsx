import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, cleanup, configure, render, screen } from '@testing-library/react';
import { Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { markLogoutPending } from '@/shared/pendingLogout';
import { useSession } from '@/shared/session';
import { SessionGate } from './SessionGate';

configure({ asyncUtilTimeout: 5_000 });

const HOUR = 3600_000;
const OFFICER = {
  __typename: 'Me',
  id: 'U1',
  username: 'baoan',
  displayName: '刘宝军',
  role: 'SECURITY_DETACHMENT',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: true,
  mustEnrolTotp: false,
  keepsGuardRegister: false,
  unit: { __typename: 'Unit', id: 'unit-1', name: '保安管理支队', kind: 'POLICE', district: null },
};

/** A phone in a dead zone: every operation fails as without a connection; what was asked is recorded. */
function deadZone() {
  const asked: string[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        asked.push(operation.operationName ?? '');
        observer.error(new TypeError('Failed to fetch'));
      }),
  );
  return { asked, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

function OnsiteScreen() {
  const me = useSession();
  return <p data-testid="onsite">现场监管 · {me.displayName}</p>;
}

function renderGate(client: ApolloClient) {
  const router = createMemoryRouter(
    [
      {
        path: '/inspections/:id',
        element: (
          <SessionGate>
            <OnsiteScreen />
          </SessionGate>
        ),
      },
      { path: '/login', element: <p data-testid="login">登录</p> },
    ],
    { initialEntries: ['/inspections/A1'] },
  );
  render(
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>,
  );
  return router;
}

/** What the officer's on-site screen left on the phone, the session confirmed `ago` ms before now. */
function officerLeftOnPhone(ago: number) {
  localStorage.setItem('evs.session.me', JSON.stringify(OFFICER));
  localStorage.setItem('evs.session.confirmedAt', String(Date.now() - ago));
  localStorage.setItem('evs.onsite.roster.A1', JSON.stringify({ savedAt: new Date(Date.now() - ago).toISOString(), value: [{ name: '杜勇', certificateNo: '辽盘保201500172' }] }));
}
const evsKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('evs.'));

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('caches', { delete: vi.fn(async () => true) });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the session gate without a connection', () => {
  it('within the session: the remembered officer, so the on-site screen works in a dead zone', async () => {
    officerLeftOnPhone(3 * HOUR);
    renderGate(deadZone().client);
    expect((await screen.findByTestId('onsite')).textContent).toContain('刘宝军');
    expect(screen.getByTestId('offline-banner')).toBeTruthy();
    expect(localStorage.getItem('evs.onsite.roster.A1')).not.toBeNull();
  });

  it('within the session’s end as the server gave it, however long offline', async () => {
    officerLeftOnPhone(11 * HOUR);
    localStorage.setItem('evs.session.ends', String(Date.now() + 30 * 60_000));
    renderGate(deadZone().client);
    expect((await screen.findByTestId('onsite')).textContent).toContain('刘宝军');
  });

  it('past the session’s end: not the remembered officer; the on-site copies and photos are gone', async () => {
    officerLeftOnPhone(13 * HOUR);
    renderGate(deadZone().client);
    expect(await screen.findByText('离线使用已到期')).toBeTruthy();
    expect(screen.queryByTestId('onsite')).toBeNull();
    expect(evsKeys()).toEqual([]);
    expect(caches.delete).toHaveBeenCalledWith('evs-photos');
  });

  it('past the end as the server gave it (sooner than 12 h): the same', async () => {
    officerLeftOnPhone(2 * HOUR);
    localStorage.setItem('evs.session.ends', String(Date.now() - 1));
    renderGate(deadZone().client);
    expect(await screen.findByText('离线使用已到期')).toBeTruthy();
    expect(evsKeys()).toEqual([]);
  });

  it('the end passing while the screen is open (the phone woken from a pocket): the screen goes', async () => {
    officerLeftOnPhone(HOUR);
    localStorage.setItem('evs.session.ends', String(Date.now() + 300));
    renderGate(deadZone().client);
    expect(await screen.findByTestId('onsite')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 350));
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(await screen.findByText('离线使用已到期')).toBeTruthy();
    expect(screen.queryByTestId('onsite')).toBeNull();
    expect(evsKeys()).toEqual([]);
  });
});

describe('the session gate while a logout has not reached the server', () => {
  it('shows nobody signed in: the login page, `me` not asked, the remembered officer not used', async () => {
    officerLeftOnPhone(HOUR);
    localStorage.setItem('evs-logout-pending', JSON.stringify({ since: new Date().toISOString() }));
    const { asked, client } = deadZone();
    const router = renderGate(client);
    expect(await screen.findByTestId('login')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(asked).toEqual([]);
  });

  it('a logout marked pending in another tab: this one leaves the signed-in screen', async () => {
    officerLeftOnPhone(HOUR);
    renderGate(deadZone().client);
    expect(await screen.findByTestId('onsite')).toBeTruthy();
    act(() => markLogoutPending());
    expect(await screen.findByTestId('login')).toBeTruthy();
    expect(evsKeys()).toEqual([]);
  });
});

describe('the remembered officer is what the server confirmed, when it did', () => {
  it('an answer of `me` from the network is kept with its time; the same answer read from the cache is not a confirmation', async () => {
    const { confirmLink } = await import('./apollo');
    const { MeQuery } = await import('@/shared/session');
    const server = new ApolloLink(
      () =>
        new Observable((observer) => {
          observer.next({ data: { me: OFFICER } });
          observer.complete();
        }),
    );
    const client = new ApolloClient({ link: ApolloLink.from([confirmLink, server]), cache: new InMemoryCache() });
    await client.query({ query: MeQuery });
    expect(JSON.parse(localStorage.getItem('evs.session.me')!).displayName).toBe('刘宝军');
    localStorage.setItem('evs.session.confirmedAt', '1000');
    await client.query({ query: MeQuery, fetchPolicy: 'cache-first' });
    expect(localStorage.getItem('evs.session.confirmedAt')).toBe('1000');
    await client.query({ query: MeQuery, fetchPolicy: 'network-only' });
    expect(Number(localStorage.getItem('evs.session.confirmedAt'))).toBeGreaterThan(Date.now() - 5_000);
  });

  it('nothing is kept while a logout waits for the server (an answer that was on its way)', async () => {
    const { keepConfirmedUser } = await import('@/shared/deviceCopies');
    markLogoutPending();
    keepConfirmedUser(OFFICER);
    expect(evsKeys()).toEqual([]);
  });
});
