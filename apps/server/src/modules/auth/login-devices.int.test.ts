import crypto from 'node:crypto';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { DEVICE_COOKIE, DEVICES_PER_ACCOUNT, LOCK_MINUTES, SESSION_COOKIE } from './auth.service';

/**
 * The lockout must not be a way to keep an officer out (stop 42 §3, "lockout kept on by anyone knowing a
 * username"): five wrong passwords from anyone locked the account for everyone. A browser that logged in to
 * the account before (its device cookie) now keeps a count and a lock of its own for that account; all other
 * clients share the account's, as before.
 */
const LOGIN = /* GraphQL */ `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { username } }`;
const CHANGE_PASSWORD = /* GraphQL */ `mutation ($i: ChangePasswordInput!) { changePassword(input: $i) { mustChangePassword } }`;
const WRONG = '用户名或密码错误';
const PASSWORD = 'Demo@2026';

describe('login lockout by device', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** A browser that logged in to `username` and logged out again: it keeps the device cookie only. */
  async function knownDevice(username: string): Promise<TestClient> {
    const client = t.anonymous();
    expectData(await client.gql(LOGIN, { u: username, p: PASSWORD }));
    expect(client.cookie(DEVICE_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectData(await client.gql(`mutation { logout }`));
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    return client;
  }

  async function failFiveTimes(client: TestClient, username: string) {
    for (let i = 0; i < 5; i++) {
      expect(expectErrorCode(await client.gql(LOGIN, { u: username, p: `wrong-${i}` }), 'UNAUTHENTICATED').message).toBe(WRONG);
    }
  }

  const accountLocked = async (username: string): Promise<boolean> =>
    (await t.sql(`SELECT coalesce(locked_until > now(), false) AS locked FROM users WHERE username = $1`, [username]))[0].locked;

  const devices = (username: string): Promise<{ failed_count: number; locked: boolean }[]> =>
    t.sql(
      `SELECT d.failed_count, coalesce(d.locked_until > now(), false) AS locked
         FROM login_devices d JOIN users u ON u.id = d.user_id WHERE u.username = $1 ORDER BY d.first_login_at`,
      [username],
    );

  const auditSince = async (username: string, since: number): Promise<{ action: string; summary: string }[]> =>
    t.sql(
      `SELECT a.action, a.summary FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE u.username = $1 AND a.id > $2 AND a.action IN ('LOGIN', 'LOGIN_FAILED', 'LOCKOUT') ORDER BY a.id`,
      [username, since],
    );
  const lastAuditId = async (): Promise<number> => Number((await t.sql(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);

  it("a stranger's five wrong passwords lock the account for every other client, not for the browser its owner logged in with", async () => {
    const owner = await knownDevice('dawa');
    const since = await lastAuditId();
    const stranger = t.anonymous();
    await failFiveTimes(stranger, 'dawa');
    expect(await accountLocked('dawa')).toBe(true);
    // Locked for the stranger and for any browser that never logged in to it: the right password is refused like a wrong one.
    expect(expectErrorCode(await stranger.gql(LOGIN, { u: 'dawa', p: PASSWORD }), 'UNAUTHENTICATED').message).toBe(WRONG);
    expect(expectErrorCode(await t.anonymous().gql(LOGIN, { u: 'dawa', p: PASSWORD }), 'UNAUTHENTICATED').message).toBe(WRONG);
    // The owner's browser logs in.
    expect(expectData(await owner.gql(LOGIN, { u: 'dawa', p: PASSWORD })).login.username).toBe('dawa');
    // Its login lifts nothing for the others: the stranger gets no fresh five guesses each time the owner logs in.
    expect(await accountLocked('dawa')).toBe(true);
    expectErrorCode(await stranger.gql(LOGIN, { u: 'dawa', p: PASSWORD }), 'UNAUTHENTICATED');
    const entries = await auditSince('dawa', since);
    expect(entries.filter((e) => e.action === 'LOCKOUT').map((e) => e.summary)).toEqual([
      `账号 dawa 连续5次登录失败，锁定${LOCK_MINUTES}分钟（此前登录过的设备不受影响）`,
    ]);
    expect(entries.filter((e) => e.action === 'LOGIN')).toHaveLength(1);
  });

  it("a known device's own five failures lock that browser for the account; the account and its other browsers are not locked", async () => {
    const device = await knownDevice('liaodongwan');
    const other = await knownDevice('liaodongwan');
    const since = await lastAuditId();
    await failFiveTimes(device, 'liaodongwan');
    expect(expectErrorCode(await device.gql(LOGIN, { u: 'liaodongwan', p: PASSWORD }), 'UNAUTHENTICATED').message).toBe(WRONG);
    expect((await devices('liaodongwan')).map((d) => d.locked)).toEqual([true, false]);
    // counted on the device, not on the account
    const [account] = await t.sql(`SELECT failed_login_count, locked_until FROM users WHERE username = 'liaodongwan'`);
    expect(account).toEqual({ failed_login_count: 0, locked_until: null });
    expectData(await other.gql(LOGIN, { u: 'liaodongwan', p: PASSWORD }));
    expectData(await t.anonymous().gql(LOGIN, { u: 'liaodongwan', p: PASSWORD }));
    const entries = await auditSince('liaodongwan', since);
    expect(entries.filter((e) => e.action === 'LOCKOUT').map((e) => e.summary)).toEqual([
      `账号 liaodongwan 在此前登录过的一台设备上连续5次登录失败，该设备对此账号锁定${LOCK_MINUTES}分钟（其他设备不受影响）`,
    ]);
    expect(entries.filter((e) => e.summary.includes('在此前登录过的一台设备上锁定期间尝试登录'))).toHaveLength(1);
    // Once the device's lock has expired, the right password works there again and clears its count.
    await t.sql(
      `UPDATE login_devices SET locked_until = now() - interval '1 second' FROM users u WHERE u.id = user_id AND u.username = 'liaodongwan'`,
    );
    expectData(await device.gql(LOGIN, { u: 'liaodongwan', p: PASSWORD }));
    expect((await devices('liaodongwan')).every((d) => d.failed_count === 0 && !d.locked)).toBe(true);
  });

  it('a device cookie counts only for the account it logged in to: at another account it is a stranger', async () => {
    const device = await knownDevice('chengjiao');
    await failFiveTimes(device, 'shuangtaizi');
    expect(await accountLocked('shuangtaizi')).toBe(true);
    expect(await devices('shuangtaizi')).toEqual([]);
    expectErrorCode(await device.gql(LOGIN, { u: 'shuangtaizi', p: PASSWORD }), 'UNAUTHENTICATED');
    expect((await devices('chengjiao')).map((d) => d.failed_count)).toEqual([0]);
  });

  it('a made-up or malformed device cookie is a stranger: its failures lock the account', async () => {
    const madeUp = t.anonymous().setCookie(DEVICE_COOKIE, crypto.randomBytes(32).toString('base64url'));
    await failFiveTimes(madeUp, 'xinglongtai');
    expect(await accountLocked('xinglongtai')).toBe(true);
    expectErrorCode(await madeUp.gql(LOGIN, { u: 'xinglongtai', p: PASSWORD }), 'UNAUTHENTICATED');
    const malformed = t.anonymous().setCookie(DEVICE_COOKIE, "x' OR '1'='1");
    expectErrorCode(await malformed.gql(LOGIN, { u: 'xinglongtai', p: PASSWORD }), 'UNAUTHENTICATED');
    // the made-up token was not registered as a device by failing
    expect(await devices('xinglongtai')).toEqual([]);
  });

  it('30 wrong guesses at once from a known device: five are counted, the device locks once, the rest are refused as locked', async () => {
    const device = await knownDevice('panshan');
    const since = await lastAuditId();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => device.gql(LOGIN, { u: 'panshan', p: `guess-${i}` })));
    expect(answers.map((a) => expectErrorCode(a, 'UNAUTHENTICATED').message)).toEqual(Array(30).fill(WRONG));
    const entries = await auditSince('panshan', since);
    expect(entries.filter((e) => e.action === 'LOCKOUT')).toHaveLength(1);
    expect(entries.filter((e) => /登录失败（第\d次/.test(e.summary))).toHaveLength(4);
    expect(entries.filter((e) => e.summary.includes('锁定期间'))).toHaveLength(25);
    expect((await devices('panshan')).map((d) => d.locked)).toEqual([true]);
    expect(await accountLocked('panshan')).toBe(false);
  });

  it("the owner's session on a known device changes the password while a stranger has the account locked, and keeps its session", async () => {
    const owner = await t.login('company2');
    await failFiveTimes(t.anonymous(), 'company2');
    expect(await accountLocked('company2')).toBe(true);
    // a wrong current password counts on the owner's device, not on the account (and ends no session)
    const wrong = await owner.gql(CHANGE_PASSWORD, { i: { currentPassword: 'not-it', newPassword: 'Xq7#vLm2!pRt' } });
    expect(expectErrorCode(wrong, 'BAD_USER_INPUT').message).toBe('当前密码不正确');
    expect((await devices('company2')).map((d) => d.failed_count)).toEqual([1]);
    const changed = await owner.gql(CHANGE_PASSWORD, { i: { currentPassword: PASSWORD, newPassword: 'Xq7#vLm2!pRt' } });
    expect(expectData(changed).changePassword.mustChangePassword).toBe(false);
    expect(expectData(await owner.gql(`query { me { username } }`)).me.username).toBe('company2');
    expect((await devices('company2')).map((d) => d.failed_count)).toEqual([0]);
    expect(await accountLocked('company2')).toBe(true);
  });

  it('a session on a browser that is no known device of the account (cookie gone) finds the account lock: its sessions end', async () => {
    const owner = await t.login('organizer2');
    // the browser lost its device cookie (cleared by hand) but kept the session
    owner.setCookie(DEVICE_COOKIE, crypto.randomBytes(32).toString('base64url'));
    await failFiveTimes(t.anonymous(), 'organizer2');
    const answer = await owner.gql(CHANGE_PASSWORD, { i: { currentPassword: PASSWORD, newPassword: 'Xq7#vLm2!pRt' } });
    expectErrorCode(answer, 'UNAUTHENTICATED');
    expectErrorCode(await owner.gql(`query { me { username } }`), 'UNAUTHENTICATED');
  });

  it('sets the device cookie httpOnly, SameSite=Strict, for /graphql, 180 days; keeps it at logout and gives a new one at the next login', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'office', p: PASSWORD } }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/graphql/i);
    expect(cookie).toMatch(new RegExp(`Max-Age=${180 * 24 * 3600}`, 'i'));
    const client = await knownDevice('office');
    const token = client.cookie(DEVICE_COOKIE)!;
    const sha = (v: string) => crypto.createHash('sha256').update(v).digest('hex');
    const stored = async () =>
      (await t.sql(`SELECT d.token_hash FROM login_devices d JOIN users u ON u.id = d.user_id WHERE u.username = 'office'`)).map(
        (r: { token_hash: string }) => r.token_hash,
      );
    // only the token's hash is stored
    expect(await stored()).toContain(sha(token));
    expect(await stored()).not.toContain(token);
    expectData(await client.gql(LOGIN, { u: 'office', p: PASSWORD }));
    const next = client.cookie(DEVICE_COOKIE)!;
    expect(next).not.toBe(token);
    expect(await stored()).toContain(sha(next));
    expect(await stored()).not.toContain(sha(token));
  });

  it('a value planted in the browser before the login is never adopted: the login gives a new one, and the planted one locks nothing but the account for strangers (red team 8, M2)', async () => {
    const planted = 'A'.repeat(43);
    const owner = t.anonymous().setCookie(DEVICE_COOKIE, planted);
    expectData(await owner.gql(LOGIN, { u: 'leader', p: PASSWORD }));
    expect(owner.cookie(DEVICE_COOKIE)).not.toBe(planted);
    // the attacker, who knows the planted value, fails five times with it from elsewhere: a stranger, the account's count
    await failFiveTimes(t.anonymous().setCookie(DEVICE_COOKIE, planted), 'leader');
    expect((await devices('leader')).map((d) => d.locked)).toEqual([false]);
    expect(await accountLocked('leader')).toBe(true);
    // the owner's browser logs in
    expectData(await owner.gql(LOGIN, { u: 'leader', p: PASSWORD }));
  });

  it('one browser, two accounts: a login to one gives a new token that the other account knows too', async () => {
    const browser = t.anonymous();
    expectData(await browser.gql(LOGIN, { u: 'leader_dahuo', p: PASSWORD }));
    expectData(await browser.gql(`mutation { logout }`));
    expectData(await browser.gql(LOGIN, { u: 'leader_baoan', p: PASSWORD }));
    expectData(await browser.gql(`mutation { logout }`));
    // a stranger locks the first account; the browser, whose token the second login changed, is still its known device
    await failFiveTimes(t.anonymous(), 'leader_dahuo');
    expect(await accountLocked('leader_dahuo')).toBe(true);
    expect(expectData(await browser.gql(LOGIN, { u: 'leader_dahuo', p: PASSWORD })).login.username).toBe('leader_dahuo');
  });

  it("a stranger's lockout tells the account's unit, in one unread notice however often it recurs; a known browser's own lock tells nobody", async () => {
    const notices = async () =>
      t.sql(
        `SELECT n.body FROM notifications n JOIN users u ON u.unit_id = n.unit_id
          WHERE u.username = 'company1' AND n.title = '账号锁定提醒' AND n.read_at IS NULL`,
      ) as Promise<{ body: string }[]>;
    const device = await knownDevice('company1');
    await failFiveTimes(t.anonymous(), 'company1');
    let told = await notices();
    expect(told).toHaveLength(1);
    expect(told[0].body).toBe(
      `账号 company1（张伟）在未登录过的设备上连续5次输错密码，已对这些设备锁定${LOCK_MINUTES}分钟；本人此前登录过的手机、电脑仍可正常登录。如非本人所为，可能有人在猜测该账号的密码，请告知系统管理员并修改密码。`,
    );
    // again after the lock ran out: still one unread notice, saying it recurred
    await t.sql(`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'company1'`);
    await failFiveTimes(t.anonymous(), 'company1');
    told = await notices();
    expect(told).toHaveLength(1);
    expect(told[0].body).toMatch(/（此后又发生过，已合并于此）$/);
    // the owner's own browser locking itself is no stranger's doing
    await failFiveTimes(device, 'company1');
    expect(await notices()).toEqual(told);
  });

  it(`keeps the ${DEVICES_PER_ACCOUNT} most recent browsers per account; an older one counts with the account again`, async () => {
    const oldest = await knownDevice('organizer1');
    for (let i = 0; i < DEVICES_PER_ACCOUNT; i++) await knownDevice('organizer1');
    expect(await devices('organizer1')).toHaveLength(DEVICES_PER_ACCOUNT);
    await failFiveTimes(oldest, 'organizer1');
    expect(await accountLocked('organizer1')).toBe(true);
  });
});
