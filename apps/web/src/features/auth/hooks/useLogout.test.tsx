import 'fake-indexeddb/auto';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, cleanup, configure, fireEvent, renderHook, screen, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordInspectionInput } from '@/gql/graphql';
import { enqueue, storedRecords, type QueuedInspection } from '@/features/inspections/offlineQueue';
import { importOutboxKey } from '@/features/inspections/outboxKey';
import { LOGOUT_PENDING, logoutPending } from '@/shared/pendingLogout';
import { loadFreshPage } from '../loadPage';
import { useLogout } from './useLogout';

vi.mock('../loadPage', () => ({ loadFreshPage: vi.fn() }));

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
const logoutsSent = () => (fetch as unknown as { mock: { calls: unknown[] } }).mock.calls.length;

/** The hook on the on-site screen of an officer, in a router whose location the test reads; the server accepts every check. */
function renderLogout() {
  const received: RecordInspectionInput[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const input = operation.variables.input as RecordInspectionInput;
        received.push(input);
        observer.next({ data: { recordInspection: { __typename: 'Inspection', id: input.id, findings: [] } } });
        observer.complete();
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
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
  return { result, received, location: () => router.state.location.pathname };
}

const OFFICER = { id: 'U1', name: '刘宝军' };
const RAW_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(3)));

/** A check the officer could not send, kept on the phone sealed under their key. */
async function unsentCheck(id: string, extra: Partial<QueuedInspection> = {}) {
  await enqueue(
    {
      id,
      activityId: 'A1',
      label: '王某：未经审查人员上岗',
      input: { id, activityId: 'A1', personName: '王某', results: [], recordedAt: '2026-12-02T08:00:00Z', recordedBy: 'U1' } as unknown as RecordInspectionInput,
      queuedAt: '2026-12-02T08:00:00Z',
      attempts: 1,
      queuedBy: OFFICER,
      ...extra,
    },
    await importOutboxKey(RAW_KEY),
  );
}

let online = true;
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  vi.mocked(loadFreshPage).mockClear();
  localStorage.clear();
  // what the officer's session left on the phone
  localStorage.setItem('evs.session.me', JSON.stringify({ id: 'U1', displayName: '刘宝军' }));
  localStorage.setItem('evs.session.confirmedAt', String(Date.now()));
  localStorage.setItem('evs.onsite.roster.A1', JSON.stringify({ savedAt: new Date().toISOString(), value: [{ name: '杜勇' }] }));
  localStorage.setItem('evs.outbox.key', JSON.stringify({ userId: 'U1', key: RAW_KEY }));
  vi.stubGlobal('caches', { delete: vi.fn(async () => true) });
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = ''; // antd's dialog lives outside the rendered tree
  vi.unstubAllGlobals();
});

const sessionCopies = () => Object.keys(localStorage).filter((k) => k.startsWith('evs.'));

describe('退出登录', () => {
  it('without a connection: the logout is marked pending, the device copies and photos go, and the login page shows inside the app', async () => {
    serverAnswering('network-down');
    const { result, location } = renderLogout();
    await act(() => result.current.logout());
    expect(logoutPending()).toBe(true);
    expect(JSON.parse(localStorage.getItem(LOGOUT_PENDING)!).since).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(sessionCopies()).toEqual([]);
    expect(caches.delete).toHaveBeenCalledWith('evs-photos');
    expect(location()).toBe('/login');
    expect(loadFreshPage).not.toHaveBeenCalled(); // a new document would not load without a connection
  });

  it.each<Answer>(['ok', 'unauthenticated'])('the server answers (%s): nothing pending, the device copies (the outbox key too) go, and /login loads as a new document', async (answer) => {
    serverAnswering(answer);
    const { result } = renderLogout();
    await act(() => result.current.logout());
    expect(logoutPending()).toBe(false);
    expect(sessionCopies()).toEqual([]);
    expect(loadFreshPage).toHaveBeenCalledWith('/login');
  });

  it('asks nothing when no check of this account waits (another account’s do not count)', async () => {
    serverAnswering('ok');
    await unsentCheck('theirs', { queuedBy: { id: 'U2', name: '孟祥勇' } });
    await unsentCheck('refused', { refused: '该保安员不在本活动的在岗名单中' });
    const { result } = renderLogout();
    await act(() => result.current.logout());
    expect(screen.queryByTestId('unsent-warning')).toBeNull();
    expect(loadFreshPage).toHaveBeenCalledWith('/login');
  });
});

describe('退出登录 with unsent on-site checks (review 11-B F1)', () => {
  it('warns first; 取消 keeps the session and the checks', async () => {
    serverAnswering('ok');
    await unsentCheck('r1');
    await unsentCheck('r2');
    const { result, received } = renderLogout();
    let done!: Promise<void>;
    act(() => {
      done = result.current.logout();
    });
    expect((await screen.findByTestId('unsent-warning')).textContent).toBe('有2条现场检查记录尚未发送。退出后记录加密保存在本机，须您本人再次登录后才能发送。');
    fireEvent.click(screen.getByRole('button', { name: '取 消' }));
    await act(() => done);
    expect(logoutsSent()).toBe(0);
    expect(sessionCopies()).toContain('evs.outbox.key');
    expect((await storedRecords()).map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(received).toEqual([]);
    expect(loadFreshPage).not.toHaveBeenCalled();
  });

  it('仍然退出: logs out; the checks stay on the phone, sealed, the key goes with the session', async () => {
    serverAnswering('ok');
    await unsentCheck('r1');
    const { result, received } = renderLogout();
    let done!: Promise<void>;
    act(() => {
      done = result.current.logout();
    });
    fireEvent.click(await screen.findByRole('button', { name: '仍然退出' }));
    await act(() => done);
    expect(logoutsSent()).toBe(1);
    expect(sessionCopies()).toEqual([]);
    const records = await storedRecords();
    expect(records.map((r) => r.id)).toEqual(['r1']);
    expect(records[0]).toHaveProperty('ciphertext');
    expect(received).toEqual([]);
    expect(loadFreshPage).toHaveBeenCalledWith('/login');
  });

  it('立即发送: sends them, then logs out', async () => {
    serverAnswering('ok');
    await unsentCheck('r1');
    const { result, received } = renderLogout();
    let done!: Promise<void>;
    act(() => {
      done = result.current.logout();
    });
    fireEvent.click(await screen.findByRole('button', { name: '立即发送' }));
    await act(() => done);
    expect(received.map((i) => [i.id, i.recordedBy])).toEqual([['r1', 'U1']]);
    expect(await storedRecords()).toEqual([]);
    expect(logoutsSent()).toBe(1);
    await waitFor(() => expect(loadFreshPage).toHaveBeenCalledWith('/login'));
  });

  it('offline, 立即发送 cannot be chosen; 仍然退出 logs out with the logout pending', async () => {
    serverAnswering('network-down');
    online = false;
    await unsentCheck('r1');
    const { result, location } = renderLogout();
    let done!: Promise<void>;
    act(() => {
      done = result.current.logout();
    });
    expect((await screen.findByRole('button', { name: '立即发送' })).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '仍然退出' }));
    await act(() => done);
    expect(logoutPending()).toBe(true);
    expect(location()).toBe('/login');
    expect((await storedRecords()).map((r) => r.id)).toEqual(['r1']);
  });

  it('the idle timeout asks nothing: the checks stay, sealed', async () => {
    serverAnswering('ok');
    await unsentCheck('r1');
    const { result } = renderLogout();
    await act(() => result.current.logout('idle'));
    expect(screen.queryByTestId('unsent-warning')).toBeNull();
    expect(logoutsSent()).toBe(1);
    expect((await storedRecords()).map((r) => r.id)).toEqual(['r1']);
  });
});
