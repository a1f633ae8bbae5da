import { loadConfig } from '../config';
import { createTestApp, expectData, expectErrorCode, TestApp } from '../../test/harness';

const LOGIN = /* GraphQL */ `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { username } }`;
const PASSWORD = 'Demo@2026';
const TOO_MANY = '登录尝试过于频繁（同一地址每分钟不超过30次），请稍后再试';

/**
 * The client's address behind one reverse proxy (TRUST_PROXY=1, as docker-compose runs it) and the login limit
 * per address (red team 7): M4, an intranet client wrote its own X-Forwarded-For and was believed (every private
 * address was trusted as a proxy), so it escaped the limit and the audit recorded the address it chose; M2, once
 * an address had used its minute, the right password of every colleague behind it was refused too.
 */
describe('login by address, behind one reverse proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { trustProxy: 1, loginLimits: { perAddressPerMinute: 30, concurrent: 4, queue: 1000 } } });
  });
  afterAll(() => t?.close());

  /** A browser at `address` behind the proxy, which appends the address it sees to what the client sent (nginx `$proxy_add_x_forwarded_for`). */
  const at = (address: string, sentByClient?: string) =>
    t.anonymous().setHeader('x-forwarded-for', sentByClient ? `${sentByClient}, ${address}` : address);

  it('records the address the proxy saw, not the one the client wrote, and counts the limit by it', async () => {
    const forger = () => at('10.0.0.5', `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
    expectErrorCode(await at('10.0.0.5', '8.8.8.8').gql(LOGIN, { u: 'organizer1', p: 'wrong' }), 'UNAUTHENTICATED');
    const [entry] = await t.sql(
      `SELECT a.ip FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE u.username = 'organizer1' AND a.action = 'LOGIN_FAILED' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(entry.ip).toBe('10.0.0.5');
    // 29 more with a different forged address each: the 31st is refused all the same
    for (let i = 0; i < 29; i++) expectErrorCode(await forger().gql(LOGIN, { u: `nobody${i}`, p: 'wrong' }), 'UNAUTHENTICATED');
    const refused = await forger().gql(LOGIN, { u: 'nobody-more', p: 'wrong' });
    expect(expectErrorCode(refused, 'UNAVAILABLE').message).toBe(TOO_MANY);
    expect(refused.status).toBe(429);
  });

  it('once an address has used its minute, a browser that logged in to the account before still logs in; others, and made-up cookies, wait', async () => {
    const owner = at('10.0.0.9');
    expectData(await owner.gql(LOGIN, { u: 'baoan', p: PASSWORD }));
    expectData(await owner.gql(`mutation { logout }`));
    // someone behind the same exit address uses up its minute with wrong logins
    for (let i = 0; i < 30; i++) expectErrorCode(await at('10.0.0.9').gql(LOGIN, { u: `guess${i}`, p: 'wrong' }), 'UNAUTHENTICATED');
    expect(expectErrorCode(await at('10.0.0.9').gql(LOGIN, { u: 'office', p: PASSWORD }), 'UNAVAILABLE').message).toBe(TOO_MANY);
    expect(expectData(await owner.gql(LOGIN, { u: 'baoan', p: PASSWORD })).login.username).toBe('baoan');
    // the owner's cookie is a known device of baoan only
    expectErrorCode(await at('10.0.0.9').setCookie('evs_device', owner.cookie('evs_device')!).gql(LOGIN, { u: 'office', p: PASSWORD }), 'UNAVAILABLE');
    expectErrorCode(await at('10.0.0.9').setCookie('evs_device', 'A'.repeat(43)).gql(LOGIN, { u: 'baoan', p: PASSWORD }), 'UNAVAILABLE');
    // another address is not affected
    expectData(await at('10.0.0.10').gql(LOGIN, { u: 'office', p: PASSWORD }));
  });

  it('past a full minute a known device gets one wrong password, not more: then it waits like everyone, unverified (red team 8, M1)', async () => {
    const device = at('10.0.0.11');
    expectData(await device.gql(LOGIN, { u: 'company2', p: PASSWORD }));
    expectData(await device.gql(`mutation { logout }`));
    for (let i = 0; i < 30; i++) expectErrorCode(await at('10.0.0.11').gql(LOGIN, { u: `fill${i}`, p: 'wrong' }), 'UNAUTHENTICATED');
    const audited = async () =>
      (await t.sql(`SELECT count(*)::int AS n FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE u.username = 'company2' AND a.action IN ('LOGIN_FAILED', 'LOCKOUT')`))[0].n as number;
    const before = await audited();
    expectErrorCode(await device.gql(LOGIN, { u: 'company2', p: 'wrong-once' }), 'UNAUTHENTICATED');
    const flood = await Promise.all(Array.from({ length: 20 }, (_, i) => device.gql(LOGIN, { u: 'company2', p: `wrong-${i}` })));
    expect(flood.map((a) => expectErrorCode(a, 'UNAVAILABLE').message)).toEqual(Array(20).fill(TOO_MANY));
    // one verified, audited failure; the rest never reached the password
    expect((await audited()) - before).toBe(1);
    // the right password too waits for the minute now (the device has a failure since its login)
    expectErrorCode(await device.gql(LOGIN, { u: 'company2', p: PASSWORD }), 'UNAVAILABLE');
  });

  it('TRUST_PROXY takes a hop count or the proxies\' addresses, and refuses uniquelocal and linklocal', () => {
    const saved = process.env.TRUST_PROXY;
    try {
      process.env.TRUST_PROXY = '1';
      expect(loadConfig().trustProxy).toBe(1);
      process.env.TRUST_PROXY = '172.18.0.1, loopback';
      expect(loadConfig().trustProxy).toBe('172.18.0.1, loopback');
      for (const value of ['uniquelocal', 'loopback,uniquelocal', 'linklocal']) {
        process.env.TRUST_PROXY = value;
        expect(() => loadConfig()).toThrow(/TRUST_PROXY 不能为 uniquelocal 或 linklocal.*一层代理填 1/);
      }
      process.env.TRUST_PROXY = 'everyone';
      expect(() => loadConfig()).toThrow(/TRUST_PROXY 应为反向代理的层数/);
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    }
  });
});
