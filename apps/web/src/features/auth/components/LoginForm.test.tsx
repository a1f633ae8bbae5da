import { act, cleanup, configure, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOGOUT_PENDING_NOTICE, markLogoutPending, settlePendingLogout } from '@/shared/pendingLogout';
import { LoginForm } from './LoginForm';

configure({ asyncUtilTimeout: 5_000 });

/** The server, reached or not; the operations asked recorded in order. */
function server(reached: { now: boolean }) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      asked.push(JSON.parse(String(init.body)).operationName);
      if (!reached.now) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ data: { logout: true } }), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return asked;
}

function renderLogin() {
  const router = createMemoryRouter([{ path: '/login', element: <LoginForm /> }], { initialEntries: ['/login'] });
  render(<RouterProvider router={router} />);
}

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('caches', { delete: vi.fn(async () => true) });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the login page after a logout that did not reach the server', () => {
  it('says so for as long as it waits, then that it is done', async () => {
    const reached = { now: false };
    server(reached);
    markLogoutPending();
    renderLogin();
    expect(screen.getByTestId('logout-pending').textContent).toBe(LOGOUT_PENDING_NOTICE);
    reached.now = true;
    await act(() => settlePendingLogout());
    expect(screen.queryByTestId('logout-pending')).toBeNull();
    expect(screen.getByTestId('logout-done')).toBeTruthy();
  });

  it('a login sends the pending logout first, and is not sent while that cannot reach the server', async () => {
    const reached = { now: false };
    const asked = server(reached);
    markLogoutPending();
    renderLogin();
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'wangjing' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Demo@2026' } });
    fireEvent.submit(screen.getByRole('button', { name: '登 录' }).closest('form')!);
    expect((await screen.findByText(/无法登录：上一次的退出须先在服务器上完成/)).textContent).toBeTruthy();
    expect(asked).toEqual(['Logout']);
    expect(screen.getByTestId('logout-pending')).toBeTruthy();
  });
});
