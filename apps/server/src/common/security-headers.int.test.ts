import http from 'node:http';
import { KEEP_ALIVE_MS } from '../app';
import { createTestApp, LOGIN, TestApp } from '../../test/harness';

/** Headers every answer carries, compression of dynamic answers, and the session cookie behind HTTPS. */
describe('security headers, compression and cookies', () => {
  let t: TestApp;
  let secure: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    secure = await createTestApp({ config: { cookieSecure: true } });
  });
  afterAll(async () => {
    await t?.close();
    await secure?.close();
  });

  const login = (app: TestApp) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ query: LOGIN, variables: { input: { username: 'baoan', password: 'Demo@2026' } } }),
    });

  it('sends a CSP, anti-framing and nosniff headers, and no X-Powered-By', async () => {
    const res = await login(t);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('marks every GraphQL answer no-store: data, a refusal and a malformed request alike', async () => {
    const baoan = await t.login('baoan');
    const ask = (body: string, cookie = `evs_session=${baoan.cookie('evs_session')}`) =>
      fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    const answers = [
      await ask(JSON.stringify({ query: '{ guards(page: { pageSize: 5 }) { items { id name } } }' })),
      await ask(JSON.stringify({ query: '{ guards(page: { pageSize: 5 }) { items { id } } }' }), ''),
      await ask('{ not json'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 400]);
    for (const r of answers) expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps an idle connection open past Node’s 5 s, so a client reusing it after a pause is served, not reset', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status?: number; keepAlive?: string | string[]; socket: unknown }>((resolve, reject) => {
        const req = http.get(`${t.url}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, keepAlive: res.headers['keep-alive'], socket: req.socket }));
        });
        req.on('error', reject);
      });
    try {
      const first = await get();
      expect(first.status).toBe(200);
      expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
      await new Promise((r) => setTimeout(r, 5_500));
      const second = await get();
      expect(second.status).toBe(200);
      // the same socket: the server did not close it during the pause
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  }, 20_000);

  it('compresses GraphQL answers for clients that accept it', async () => {
    const baoan = await t.login('baoan');
    const cookie = `evs_session=${baoan.cookie('evs_session')}`;
    const big = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br', cookie },
      body: JSON.stringify({ query: `{ activities(page: { page: 1, pageSize: 50 }) { items { id name venue organizerName } } }` }),
    });
    expect(big.headers.get('content-encoding')).toBe('br');
    expect(((await big.json()) as { data: { activities: { items: unknown[] } } }).data.activities.items.length).toBeGreaterThan(0);
  });

  it('marks the session cookie Secure (set and cleared) behind HTTPS, with HSTS', async () => {
    const res = await login(secure);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('evs_session='))!;
    expect(set).toMatch(/;\s*Secure/i);
    expect(set).toMatch(/HttpOnly/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const logout = await fetch(`${secure.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: set.split(';')[0] },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    const cleared = logout.headers.getSetCookie().find((c) => c.startsWith('evs_session='))!;
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared).toMatch(/;\s*Secure/i);
  });
});
