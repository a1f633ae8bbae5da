import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Answer = 'ok' | 'unauthenticated' | 'unavailable' | 'proxy-error' | 'network-down';

/** A server answering `logout` as told (and every other operation with data), the operations asked recorded in order. */
function fakeServer(answer: { logout: Answer }) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { operationName } = JSON.parse(String(init.body));
      asked.push(operationName);
      const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      if (operationName !== 'Logout') return json({ data: { me: { id: 'U2' } } });
      switch (answer.logout) {
        case 'ok':
          return json({ data: { logout: true } });
        case 'unauthenticated':
          return json({ errors: [{ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } }] });
        case 'unavailable':
          return json({ errors: [{ message: '服务暂不可用', extensions: { code: 'UNAVAILABLE' } }] });
        case 'proxy-error':
          return new Response('<html>502</html>', { status: 502, headers: { 'content-type': 'text/html' } });
        case 'network-down':
          throw new TypeError('Failed to fetch');
      }
    }),
  );
  return asked;
}

/** The module as a new page load has it. */
const fresh = async () => {
  vi.resetModules();
  return import('./pendingLogout');
};
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('caches', { delete: vi.fn(async () => true) });
});
afterEach(() => vi.unstubAllGlobals());

describe('a logout that did not reach the server', () => {
  it('is marked with its time outside the prefix the device copies are cleared by, and the copies go', async () => {
    const m = await fresh();
    localStorage.setItem('evs.session.me', '{"id":"U1"}');
    localStorage.setItem('evs.onsite.roster.A1', '{}');
    m.markLogoutPending(new Date('2026-12-02T08:00:00Z'));
    expect(m.logoutPendingSince()).toBe('2026-12-02T08:00:00.000Z');
    expect(m.LOGOUT_PENDING.startsWith('evs.')).toBe(false);
    expect(Object.keys(localStorage)).toEqual([m.LOGOUT_PENDING]);
    expect(caches.delete).toHaveBeenCalledWith('evs-photos');
  });

  it.each<[Answer, boolean]>([
    ['ok', false],
    ['unauthenticated', false],
    ['unavailable', true],
    ['proxy-error', true],
    ['network-down', true],
  ])('the server answers the pending logout with %s: still pending = %s', async (answer, stillPending) => {
    fakeServer({ logout: answer });
    const m = await fresh();
    m.markLogoutPending();
    expect(await m.settlePendingLogout()).toBe(!stillPending);
    expect(m.logoutPending()).toBe(stillPending);
  });

  it('every GraphQL request sends it first; unreachable, the request is not sent at all', async () => {
    const answer = { logout: 'network-down' as Answer };
    const asked = fakeServer(answer);
    const m = await fresh();
    m.markLogoutPending();
    const me = () => m.fetchGraphQL('/graphql', { method: 'POST', body: JSON.stringify({ operationName: 'Me' }) });
    await expect(me()).rejects.toBeInstanceOf(m.LogoutPendingError);
    expect(asked).toEqual(['Logout']);
    answer.logout = 'ok';
    await me();
    expect(asked).toEqual(['Logout', 'Logout', 'Me']);
    expect(m.logoutPending()).toBe(false);
    await me();
    expect(asked).toEqual(['Logout', 'Logout', 'Me', 'Me']); // nothing pending: no more logouts
  });

  it('is sent at start and again when the connection returns, until the server answers', async () => {
    const answer = { logout: 'network-down' as Answer };
    const asked = fakeServer(answer);
    const m = await fresh();
    m.markLogoutPending();
    localStorage.setItem('evs.session.me', '{"id":"U1"}'); // written back somehow: forgotten again at start
    m.resumePendingLogout();
    await settle();
    expect(asked).toEqual(['Logout']);
    expect(localStorage.getItem('evs.session.me')).toBeNull();
    expect(m.logoutPending()).toBe(true);
    answer.logout = 'ok';
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(asked).toEqual(['Logout', 'Logout']);
    expect(m.logoutPending()).toBe(false);
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(asked).toEqual(['Logout', 'Logout']); // nothing pending any more
  });

  it('announces its changes (the login page and the session gate follow them)', async () => {
    fakeServer({ logout: 'ok' });
    const m = await fresh();
    const changed = vi.fn();
    const stop = m.onLogoutPendingChange(changed);
    m.markLogoutPending();
    await m.settlePendingLogout();
    expect(changed).toHaveBeenCalledTimes(2);
    stop();
  });
});
