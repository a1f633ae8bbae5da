import { createTestApp, expectData, TestApp } from '../../test/harness';

/**
 * What an anonymous caller can make the node spend (review 8-A F1, F2): logins are bounded per address
 * and at once, and a large body is parsed only for a live session.
 */
const LOGIN = `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { username } }`;

async function raw(t: TestApp, body: string, cookie?: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body,
  });
  return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('an anonymous flood', () => {
  let t: TestApp;

  let signedInEarlier: Promise<Awaited<ReturnType<TestApp['login']>>>;

  beforeAll(async () => {
    t = await createTestApp({ config: { loginLimits: { perAddressPerMinute: 40, concurrent: 2, queue: 5 } } });
    signedInEarlier = t.login('baoan');
    await signedInEarlier;
  });
  afterAll(() => t?.close());

  it('logins past the queue are refused at once with 429 (nothing checked, nothing audited), while a signed-in officer is served', async () => {
    const officer = await t.login('baoan');
    const [{ id: before }] = await t.sql(`SELECT coalesce(max(id), 0)::bigint AS id FROM audit_log`);
    // how many logins are being checked at once (each holds a database connection)
    const auth = t.services.auth;
    const login = auth.login.bind(auth);
    let checking = 0;
    let most = 0;
    auth.login = async (...args: Parameters<typeof login>) => {
      checking += 1;
      most = Math.max(most, checking);
      try {
        return await login(...args);
      } finally {
        checking -= 1;
      }
    };
    const flood = Array.from({ length: 30 }, (_, i) => raw(t, JSON.stringify({ query: LOGIN, variables: { u: `ghost${i}`, p: 'Wrong@2026x' } })));
    const meanwhile = await officer.gql(`{ me { username } }`);
    expect(expectData(meanwhile).me.username).toBe('baoan');
    const answers = await Promise.all(flood);
    auth.login = login;
    const refused = answers.filter((a) => a.status === 429);
    // two checked at once, five waiting: the rest refused without a check
    expect(most).toBe(2);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) expect(a.json.errors?.[0]).toMatchObject({ message: '登录请求过多，请稍后再试', extensions: { code: 'UNAVAILABLE' } });
    const audited = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND action = 'LOGIN_FAILED'`, [before]);
    expect(audited[0].n).toBeLessThanOrEqual(answers.length - refused.length);
  });

  it('refuses the attempts of one address past its minute, and says so', async () => {
    // the 30 attempts above count (the officer's successful logins do not): ten more pass, the next is refused
    const rest = [];
    for (let i = 0; i < 10; i += 1) rest.push(await raw(t, JSON.stringify({ query: LOGIN, variables: { u: 'ghost', p: 'Wrong@2026x' } })));
    expect(rest.every((a) => a.status === 200)).toBe(true);
    const over = await raw(t, JSON.stringify({ query: LOGIN, variables: { u: 'baoan', p: 'Demo@2026' } }));
    expect(over.status).toBe(429);
    expect(over.json.errors?.[0].message).toBe('登录尝试过于频繁（同一地址每分钟不超过40次），请稍后再试');
  });

  it('parses a body over 1 MB only for a live session: 413 in Chinese without one', async () => {
    const login = signedInEarlier;
    const big = JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(2 * 1024 * 1024) } });
    const anonymous = await raw(t, big);
    expect(anonymous.status).toBe(413);
    expect(anonymous.json.errors?.[0]).toEqual({ message: '请求体过大（上限1MB），文件请拆分后上传', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    // a cookie whose session is gone: told to log in again, not to split the file
    const expired = await raw(t, big, 'evs_session=forged-token');
    expect(expired.status).toBe(401);
    expect(expired.json.errors?.[0]).toEqual({ message: '登录已过期，请重新登录后再上传', extensions: { code: 'UNAUTHENTICATED' } });
    const officer = await login;
    const signedIn = await raw(t, big, `evs_session=${officer.cookie('evs_session')}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.data).toEqual({ __typename: 'Query' });
  });

  it('answers an automatic persisted query (unused by the web) as a client’s request, never a 500 with a logged stack (review 8-A F10)', async () => {
    const r = await raw(t, JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0000' } } }));
    expect(r.status).toBeLessThan(500);
    expect(JSON.stringify(r.json)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
