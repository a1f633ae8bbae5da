import { Role } from '@evs/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The chunks the first load asks for, by name, as their modules are first imported. */
const loaded = vi.hoisted(() => [] as string[]);
const prefetched = vi.hoisted(() => [] as string[]);
vi.mock('@/pages/LoginPage', () => (loaded.push('LoginPage'), { default: () => null }));
vi.mock('./onsiteRoot', () => (loaded.push('onsiteRoot'), { default: () => null }));
vi.mock('./signedInRoutes', () => (loaded.push('signedInRoutes'), { signedInRoutes: [] }));
vi.mock('./firstLoad', () => (loaded.push('firstLoad'), {}));
vi.mock('./pageChunks', () => (loaded.push('pageChunks'), { prefetchSignedInPage: (path: string) => prefetched.push(path) }));

/**
 * `fetch` answering `me` as the detachment (and every other operation with nothing), the operations
 * asked recorded. `logout` ends the session (`me` is then refused), or does not get through.
 */
function fakeFetch(role = Role.SECURITY_DETACHMENT, server = { logoutReaches: true }) {
  const asked: string[] = [];
  let signedIn = true;
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const { operationName } = JSON.parse(String(init.body));
    asked.push(operationName);
    if (operationName === 'Logout') {
      if (!server.logoutReaches) throw new TypeError('Failed to fetch');
      signedIn = false;
      return new Response(JSON.stringify({ data: { logout: true } }), { headers: { 'content-type': 'application/json' } });
    }
    if (operationName === 'Me' && !signedIn) {
      return new Response(JSON.stringify({ errors: [{ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } }] }), { headers: { 'content-type': 'application/json' } });
    }
    const data = operationName === 'Me' ? { me: { id: 'u1', role, mustChangePassword: false, passwordExpired: false, mustEnrolTotp: false } } : {};
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  }));
  return asked;
}

const settle = () => new Promise((r) => setTimeout(r, 20));
/** Once the on-site screen's early requests' chunk is in (the entry imports it) and `me` has answered. */
const settleOnsite = async () => {
  await import('@/features/inspections/earlyOnsite');
  await settle();
};
/** The modules as a new page load has them (the once-per-load flags unset). */
const fresh = async () => {
  vi.resetModules();
  return { first: await import('./firstRequests'), session: await import('@/shared/earlySession') };
};

beforeEach(() => {
  loaded.length = 0;
  prefetched.length = 0;
  localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('the first requests, sent by the entry before React is in', () => {
  it('the login page: nothing (its chunk comes with the router, not competing with React for the phone’s bandwidth)', async () => {
    const asked = fakeFetch();
    const { first } = await fresh();
    first.startFirstLoad({ pathname: '/login', search: '' });
    await settle();
    expect(asked).toEqual([]);
    expect(loaded).toEqual([]);
  });

  it('the on-site screen: me, its light root, and its three queries once me admits the user; not the signed-in part', async () => {
    const asked = fakeFetch();
    const { first } = await fresh();
    first.startFirstLoad({ pathname: '/inspections/a-1', search: '' });
    await settleOnsite();
    expect(asked).toEqual(['Me', 'OnsiteActivity', 'OnDutyRoster', 'ActivityFindings']);
    expect(loaded).toEqual(['onsiteRoot']);
  });

  it('the on-site screen for a role it refuses: me only (the root shows 403 without a refused request)', async () => {
    const asked = fakeFetch(Role.ORGANIZER);
    const { first } = await fresh();
    first.startFirstLoad({ pathname: '/inspections/a-1', search: '' });
    await settleOnsite();
    expect(asked).toEqual(['Me']);
  });

  it('a page of the signed-in part: me, the signed-in part, and the page (with its query string) asked for at once', async () => {
    const asked = fakeFetch();
    const { first } = await fresh();
    first.startFirstLoad({ pathname: '/overview', search: '?period=2026-11' });
    await settle();
    expect(asked).toEqual(['Me']);
    expect(loaded.sort()).toEqual(['firstLoad', 'pageChunks', 'signedInRoutes']);
    expect(prefetched).toEqual(['/overview?period=2026-11']);
  });

  it('once per page load: the router asking again (its first navigation, the on-site root) sends nothing more', async () => {
    const asked = fakeFetch();
    const { first, session } = await fresh();
    first.startFirstLoad({ pathname: '/', search: '' });
    first.startSignedIn('/');
    await settle();
    session.takeEarlySession(); // the session gate took the answer
    session.askForSessionEarly(); // asked again later (the way from the on-site screen into the signed-in part)
    first.startOnsite('a-1');
    first.startOnsite('a-1');
    await settleOnsite();
    expect(asked.filter((op) => op === 'Me')).toHaveLength(1);
    expect(prefetched).toEqual(['/']);
  });

  it('reads the on-site screen’s activity from the path as the router matches it', async () => {
    const { first } = await fresh();
    expect(first.onsiteActivityId('/inspections/5d20e60b-6fd2')).toBe('5d20e60b-6fd2');
    expect(first.onsiteActivityId('/inspections/a-1/')).toBe('a-1');
    for (const other of ['/inspections', '/inspections/', '/inspections/a-1/x', '/timeline/a-1', '/']) expect(first.onsiteActivityId(other)).toBeUndefined();
  });
});

/** What the previous officer left on the phone: the remembered user (confirmed just now) and an on-site copy. */
function previousOfficersCopies() {
  localStorage.setItem('evs.session.me', JSON.stringify({ id: 'u1', displayName: '刘宝军' }));
  localStorage.setItem('evs.session.confirmedAt', String(Date.now()));
  localStorage.setItem('evs.onsite.roster.a-1', JSON.stringify({ savedAt: new Date().toISOString(), value: [{ name: '杜勇' }] }));
}
const PENDING = JSON.stringify({ since: '2026-12-02T08:00:00.000Z' });

describe('a start while a logout has not reached the server (退出登录 pressed without a connection)', () => {
  it('sends the logout before `me`, which then finds no session; nothing of the last officer is left to show', async () => {
    const asked = fakeFetch();
    previousOfficersCopies();
    localStorage.setItem('evs-logout-pending', PENDING);
    const { first, session } = await fresh();
    first.startFirstLoad({ pathname: '/inspections/a-1', search: '' });
    await expect(session.peekEarlySession()).rejects.toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    await settleOnsite();
    expect(asked).toEqual(['Logout', 'Me']); // and no on-site query: `me` admitted nobody
    expect(localStorage.getItem('evs-logout-pending')).toBeNull();
    const { rememberedSession } = await import('@/shared/session');
    expect(rememberedSession()).toBeNull();
    expect(Object.keys(localStorage).filter((k) => k.startsWith('evs.'))).toEqual([]);
  });

  it('the logout unreachable: `me` is not asked at all, the remembered officer is not used, the mark stays', async () => {
    const asked = fakeFetch(Role.SECURITY_DETACHMENT, { logoutReaches: false });
    previousOfficersCopies();
    localStorage.setItem('evs-logout-pending', PENDING);
    const { first, session } = await fresh();
    first.startFirstLoad({ pathname: '/', search: '' });
    await expect(session.peekEarlySession()).rejects.toThrow();
    await settle();
    expect(asked).toEqual(['Logout']);
    expect(localStorage.getItem('evs-logout-pending')).toBe(PENDING);
    const { rememberedSession } = await import('@/shared/session');
    expect(rememberedSession()).toBeNull();
    expect(localStorage.getItem('evs.onsite.roster.a-1')).toBeNull();
  });

  it('the login page too sends it at start', async () => {
    const asked = fakeFetch();
    localStorage.setItem('evs-logout-pending', PENDING);
    const { first } = await fresh();
    first.startFirstLoad({ pathname: '/login', search: '' });
    await settle();
    expect(asked).toEqual(['Logout']);
    expect(localStorage.getItem('evs-logout-pending')).toBeNull();
  });
});

describe('a start after the session’s end (the officer pocketed the phone; the server ended the session)', () => {
  it('forgets the remembered officer and the on-site copies before anything is shown', async () => {
    fakeFetch();
    previousOfficersCopies();
    localStorage.setItem('evs.session.confirmedAt', String(Date.now() - 13 * 3600_000));
    const { first } = await fresh();
    first.startFirstLoad({ pathname: '/inspections/a-1', search: '' });
    expect(Object.keys(localStorage).filter((k) => k.startsWith('evs.'))).toEqual([]);
    await settleOnsite();
  });

  it('within the session: the copies stay for the offline on-site screen', async () => {
    fakeFetch();
    previousOfficersCopies();
    const { first } = await fresh();
    first.startFirstLoad({ pathname: '/inspections/a-1', search: '' });
    expect(localStorage.getItem('evs.onsite.roster.a-1')).not.toBeNull();
    expect(localStorage.getItem('evs.session.me')).not.toBeNull();
    await settleOnsite();
  });
});
