import { parse, print } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginDocument } from '@/gql/graphql';
import { errorCode, errorMessage, isTransient, needsSecondFactor } from '@/shared/errors';
import { login, LOGIN_MUTATION, pageAfterLogin } from './login';

function answer(body: unknown, status = 200, type = 'application/json') {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } }));
}

describe('login without Apollo', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the operation the code generator checked against the schema (LoginDocument)', () => {
    expect(print(parse(LOGIN_MUTATION))).toBe(print(LoginDocument));
  });

  it('posts the mutation as JSON with the session cookie and returns the user', async () => {
    const fetch = answer({ data: { login: { id: 'u1', displayName: '张三', role: 'CITY_BUREAU', mustChangePassword: false, mustEnrolTotp: false } } });
    vi.stubGlobal('fetch', fetch);
    await expect(login({ username: 'a', password: 'b' })).resolves.toMatchObject({ displayName: '张三' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(JSON.parse(init.body as string)).toMatchObject({ operationName: 'Login', variables: { input: { username: 'a', password: 'b' } } });
  });

  it("reads the server's refusal like an Apollo error: its Chinese message, code and second-factor flag", async () => {
    vi.stubGlobal('fetch', answer({ errors: [{ message: '请输入动态验证码', extensions: { code: 'UNAUTHENTICATED', secondFactor: true } }] }));
    const error = await login({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('请输入动态验证码');
    expect(errorCode(error)).toBe('UNAUTHENTICATED');
    expect(needsSecondFactor(error)).toBe(true);
    expect(isTransient(error)).toBe(false);
  });

  it('a proxy error page or no network is "server not reached", never a made-up refusal', async () => {
    vi.stubGlobal('fetch', answer('<html>502</html>', 502, 'text/html'));
    const proxy = await login({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(isTransient(proxy)).toBe(true);
    expect(errorMessage(proxy)).toBe('无法连接服务器，请检查网络后重试');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = await login({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(isTransient(offline)).toBe(true);
  });

  it('goes to the forced steps first, then back to the page the user came from', () => {
    expect(pageAfterLogin({ mustChangePassword: true, mustEnrolTotp: true }, '/activities')).toBe('/change-password');
    expect(pageAfterLogin({ mustChangePassword: false, mustEnrolTotp: true }, '/activities')).toBe('/account/two-factor');
    expect(pageAfterLogin({ mustChangePassword: false, mustEnrolTotp: false }, '/activities')).toBe('/activities');
    expect(pageAfterLogin({ mustChangePassword: false, mustEnrolTotp: false }, '/login')).toBe('/');
    expect(pageAfterLogin({ mustChangePassword: false, mustEnrolTotp: false }, undefined)).toBe('/');
  });
});
