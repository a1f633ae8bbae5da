import { createTestApp, expectData, expectErrorCode, GqlResult, TestApp, TestClient, totpCode } from '../../../test/harness';
import crypto from 'node:crypto';
import { DEVICE_COOKIE, LOCK_MINUTES, LOCKED_IN_SESSION, MAX_FAILED_LOGINS, SESSION_COOKIE } from './auth.service';

const CHANGE = /* GraphQL */ `mutation ($i: ChangePasswordInput!) { changePassword(input: $i) { mustChangePassword } }`;
const REGENERATE = /* GraphQL */ `mutation ($c: String!) { regenerateRecoveryCodes(code: $c) { codes } }`;
const DISABLE = /* GraphQL */ `mutation ($p: String!) { disableTotp(password: $p) { totpEnabled } }`;
const BEGIN = /* GraphQL */ `mutation { beginTotpEnrolment { secret } }`;
const CONFIRM = /* GraphQL */ `mutation ($c: String!) { confirmTotpEnrolment(code: $c) { codes } }`;
const LOGIN = /* GraphQL */ `mutation ($u: String!, $p: String!, $c: String) { login(input: { username: $u, password: $p, code: $c }) { username } }`;
const ME = /* GraphQL */ `query { me { username } }`;
const WRONG_CODE = '动态验证码不正确或已使用过，请核对手机时间后输入最新的验证码';

/**
 * Secrets asked for again inside a session (review 8-B F8): the current password of changePassword, the code of
 * regenerateRecoveryCodes, the password of disableTotp. A wrong one counts toward the login's lockout and is
 * audited; the limit locks the account and ends its sessions; a burst is taken one at a time under the row lock.
 * A session's browser is a known device of its account (it logged in there): its checks count on the device's own
 * count and lock (login-devices.int.test.ts); `state` adds the two up.
 */
describe('secrets checked inside a session count like login attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const state = async (username: string) =>
    (
      await t.sql(
        `SELECT u.id, u.failed_login_count + coalesce(sum(d.failed_count), 0)::int AS failures,
                coalesce(u.locked_until > now(), false) OR coalesce(bool_or(d.locked_until > now()), false) AS locked,
                (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id) AS sessions
           FROM users u LEFT JOIN login_devices d ON d.user_id = u.id WHERE u.username = $1 GROUP BY u.id`,
        [username],
      )
    )[0] as { id: string; failures: number; locked: boolean; sessions: number };
  const lastAuditId = async () => (await t.sql(`SELECT coalesce(max(id), 0)::bigint AS id FROM audit_log`))[0].id as string;
  /** The failures and lockouts audited for `username` since `after`, oldest first. */
  const securityEvents = async (username: string, after: string) =>
    (await t.sql(
      `SELECT a.action, a.result, a.actor_role, a.ip, a.summary FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE u.username = $1 AND a.id > $2 AND a.action IN ('LOGIN_FAILED', 'LOCKOUT') ORDER BY a.id`,
      [username, after],
    )) as { action: string; result: string; actor_role: string | null; ip: string; summary: string }[];
  /** Of those, the attempts whose secret was verified: counted failures and the lockout (not the refusals while locked). */
  const verified = (events: { action: string; summary: string }[]) => events.filter((e) => e.action === 'LOCKOUT' || e.summary.includes('连续第'));
  const unlock = (username: string) => t.sql(`UPDATE users SET locked_until = NULL, failed_login_count = 0 WHERE username = $1`, [username]);

  async function enrol(client: TestClient): Promise<string> {
    const { beginTotpEnrolment } = expectData(await client.gql(BEGIN));
    expectData(await client.gql(CONFIRM, { c: await totpCode(beginTotpEnrolment.secret) }));
    return beginTotpEnrolment.secret;
  }
  /** Six-digit codes the app does not show now (nor one period before or after). */
  async function wrongCodes(secret: string, n: number): Promise<string[]> {
    const valid = new Set(await Promise.all([-1, 0, 1].map((s) => totpCode(secret, s))));
    return Array.from({ length: n + 3 }, (_, i) => String(100_000 + i * 7919)).filter((c) => !valid.has(c)).slice(0, n);
  }
  /** Each answer as its code and message (data answers as OK). */
  const outcomes = (answers: GqlResult[]) =>
    answers.map((a) => (a.errors?.length ? `${a.errors[0].extensions?.code}:${a.errors[0].message}` : 'OK'));

  it('changePassword: a wrong current password keeps its message and field, counts and is audited; the fifth locks the account and ends every session of it', async () => {
    const client = await t.login('dawa');
    const other = await t.login('dawa');
    const before = await lastAuditId();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const error = expectErrorCode(await client.gql(CHANGE, { i: { currentPassword: `wrong-${i}`, newPassword: 'Better#2026x' } }), 'BAD_USER_INPUT');
      expect(error.message).toBe('当前密码不正确');
      expect(error.extensions?.fields).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
      expect((await state('dawa')).failures).toBe(i);
    }
    const last = await client.gql(CHANGE, { i: { currentPassword: 'wrong-5', newPassword: 'Better#2026x' } });
    expect(expectErrorCode(last, 'UNAUTHENTICATED').message).toBe(LOCKED_IN_SESSION);
    expect(await state('dawa')).toMatchObject({ locked: true, sessions: 0 });
    expectErrorCode(await client.gql(ME), 'UNAUTHENTICATED');
    expectErrorCode(await other.gql(ME), 'UNAUTHENTICATED');
    // Locked as after five failed logins there: the right password does not log in from that browser.
    expectErrorCode(await client.gql(LOGIN, { u: 'dawa', p: 'Demo@2026' }), 'UNAUTHENTICATED');

    const events = await securityEvents('dawa', before);
    expect(events.map((e) => e.action)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOCKOUT', 'LOGIN_FAILED']);
    expect(events.slice(0, 5).every((e) => e.result === 'FAILURE' && e.actor_role === 'DISTRICT_BUREAU' && /127\.0\.0\.1/.test(e.ip))).toBe(true);
    expect(events[0].summary).toBe('账号 dawa 在此前登录过的一台设备上修改密码时当前密码错误（连续第1次失败，已登录的会话中）');
    expect(events[4].summary).toContain(`该设备对此账号锁定${LOCK_MINUTES}分钟（其他设备不受影响），其会话全部结束`);
    // (the last one: the login refused while locked)
    expect(events[5].summary).toContain('锁定期间');
    const [{ changed }] = await t.sql(`SELECT count(*)::int AS changed FROM audit_log WHERE id > $1 AND summary LIKE '%修改密码' AND action = 'UPDATE'`, [before]);
    expect(changed).toBe(0);
    await unlock('dawa');
  });

  it('changePassword: of a burst of wrong current passwords sent at once, the limit are verified, the account locks once, the rest are refused unverified', async () => {
    const client = await t.login('liaodongwan');
    const before = await lastAuditId();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.gql(CHANGE, { i: { currentPassword: `guess-${i}`, newPassword: 'Better#2026x' } })),
    );
    const seen = outcomes(answers);
    expect(seen.filter((o) => o === 'BAD_USER_INPUT:当前密码不正确')).toHaveLength(MAX_FAILED_LOGINS - 1);
    // the others: the lockout, refusals while locked, and (once the session was gone) the gate's answer
    expect(seen.filter((o) => o.startsWith('UNAUTHENTICATED:'))).toHaveLength(12 - (MAX_FAILED_LOGINS - 1));
    expect(seen).toContain(`UNAUTHENTICATED:${LOCKED_IN_SESSION}`);
    const events = await securityEvents('liaodongwan', before);
    expect(verified(events)).toHaveLength(MAX_FAILED_LOGINS);
    expect(events.filter((e) => e.action === 'LOCKOUT')).toHaveLength(1);
    expect(events.filter((e) => e.summary.includes('锁定期间修改密码'))).toHaveLength(12 - MAX_FAILED_LOGINS - seen.filter((o) => o === 'UNAUTHENTICATED:请先登录').length);
    expect(await state('liaodongwan')).toMatchObject({ locked: true, sessions: 0 });
    await unlock('liaodongwan');
  });

  it('changePassword: the right current password resets the count of an account without a second factor, as a login does', async () => {
    const client = await t.login('chengjiao');
    for (let i = 0; i < MAX_FAILED_LOGINS - 2; i++) {
      expectErrorCode(await client.gql(CHANGE, { i: { currentPassword: `wrong-${i}`, newPassword: 'Better#2026x' } }), 'BAD_USER_INPUT');
    }
    expect((await state('chengjiao')).failures).toBe(MAX_FAILED_LOGINS - 2);
    // A new password that breaks a rule is refused before the current one is checked: no attempt spent.
    expectErrorCode(await client.gql(CHANGE, { i: { currentPassword: 'wrong-again', newPassword: 'short' } }), 'BAD_USER_INPUT');
    expect((await state('chengjiao')).failures).toBe(MAX_FAILED_LOGINS - 2);
    expectData(await client.gql(CHANGE, { i: { currentPassword: 'Demo@2026', newPassword: 'Better#2026x' } }));
    expect(await state('chengjiao')).toMatchObject({ failures: 0, locked: false, sessions: 1 });
    expect(expectData(await client.gql(ME)).me.username).toBe('chengjiao');
  });

  it('a session on a browser that is no known device of an account locked by failed logins cannot check a secret: refused unverified, audited, its sessions end', async () => {
    const client = await t.login('xinglongtai');
    // (the device cookie gone; on its known device the owner's session is not stopped by others' lock: login-devices.int.test.ts)
    client.setCookie(DEVICE_COOKIE, crypto.randomBytes(32).toString('base64url'));
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await t.anonymous().gql(LOGIN, { u: 'xinglongtai', p: `wrong-${i}` });
    expect(await state('xinglongtai')).toMatchObject({ locked: true, sessions: 1 });
    const before = await lastAuditId();
    const answer = await client.gql(CHANGE, { i: { currentPassword: 'Demo@2026', newPassword: 'Better#2026x' } });
    expect(expectErrorCode(answer, 'UNAUTHENTICATED').message).toBe(LOCKED_IN_SESSION);
    expect(await state('xinglongtai')).toMatchObject({ locked: true, sessions: 0 });
    const events = await securityEvents('xinglongtai', before);
    expect(events).toEqual([expect.objectContaining({ action: 'LOGIN_FAILED', actor_role: 'DISTRICT_BUREAU', summary: expect.stringContaining('锁定期间修改密码') })]);
    await unlock('xinglongtai');
    expectData(await (await t.login('xinglongtai')).gql(ME));
  });

  it('regenerateRecoveryCodes: a burst of wrong codes is taken one at a time, the limit are verified, the account locks, the codes stay as they were', async () => {
    const client = await t.login('panshan');
    const secret = await enrol(client);
    const { id } = await state('panshan');
    const codesBefore = await t.sql(`SELECT code_hash FROM recovery_codes WHERE user_id = $1 ORDER BY code_hash`, [id]);
    const before = await lastAuditId();
    const answers = await Promise.all((await wrongCodes(secret, 10)).map((c) => client.gql(REGENERATE, { c })));
    const seen = outcomes(answers);
    expect(seen.filter((o) => o === `BAD_USER_INPUT:${WRONG_CODE}`)).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(answers.find((a) => a.errors?.[0].extensions?.code === 'BAD_USER_INPUT')!.errors![0].extensions?.fields).toEqual([{ field: 'code', message: WRONG_CODE }]);
    expect(seen.filter((o) => o.startsWith('UNAUTHENTICATED:'))).toHaveLength(10 - (MAX_FAILED_LOGINS - 1));
    const events = await securityEvents('panshan', before);
    expect(verified(events)).toHaveLength(MAX_FAILED_LOGINS);
    expect(events.filter((e) => e.action === 'LOCKOUT')).toHaveLength(1);
    expect(events[0].summary).toContain('重新生成恢复码时动态验证码错误');
    expect(await state('panshan')).toMatchObject({ locked: true, sessions: 0 });
    expect(await t.sql(`SELECT code_hash FROM recovery_codes WHERE user_id = $1 ORDER BY code_hash`, [id])).toEqual(codesBefore);
    // Once the lock has passed, a login needs both factors again.
    await t.sql(`UPDATE users SET locked_until = now() - interval '1 second', totp_last_step = NULL WHERE id = $1`, [id]);
    await t.sql(`UPDATE login_devices SET locked_until = now() - interval '1 second' WHERE user_id = $1`, [id]);
    const again = new TestClient(t.url);
    expectData(await again.gql(LOGIN, { u: 'panshan', p: 'Demo@2026', c: await totpCode(secret, 1) }));
    expect(again.cookie(SESSION_COOKIE)).toBeTruthy();
    expect((await state('panshan')).failures).toBe(0);
  });

  it('disableTotp and regenerateRecoveryCodes share the count; one factor proved does not reset the guesses at the other', async () => {
    const client = await t.login('company2');
    const secret = await enrol(client);
    const before = await lastAuditId();
    for (let i = 0; i < 2; i++) {
      const error = expectErrorCode(await client.gql(DISABLE, { p: `wrong-${i}` }), 'BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual([{ field: 'password', message: '当前密码不正确' }]);
    }
    expect((await state('company2')).failures).toBe(2);
    // The right code (someone holding the phone, not the password) leaves the password guesses counted.
    expect(expectData(await client.gql(REGENERATE, { c: await totpCode(secret, 1) })).regenerateRecoveryCodes.codes).toHaveLength(10);
    expect((await state('company2')).failures).toBe(2);
    for (let i = 2; i < MAX_FAILED_LOGINS - 1; i++) expectErrorCode(await client.gql(DISABLE, { p: `wrong-${i}` }), 'BAD_USER_INPUT');
    const [code] = await wrongCodes(secret, 1);
    expect(expectErrorCode(await client.gql(REGENERATE, { c: code }), 'UNAUTHENTICATED').message).toBe(LOCKED_IN_SESSION);
    expect(await state('company2')).toMatchObject({ locked: true, sessions: 0 });
    const events = await securityEvents('company2', before);
    expect(events.map((e) => e.action)).toEqual([...Array(MAX_FAILED_LOGINS - 1).fill('LOGIN_FAILED'), 'LOCKOUT']);
    expect(events[0].summary).toContain('停用两步验证时密码错误');
    expect(events[4].summary).toContain('重新生成恢复码时动态验证码错误');
    const [{ enabled }] = await t.sql(`SELECT totp_secret IS NOT NULL AS enabled FROM users WHERE username = 'company2'`);
    expect(enabled).toBe(true);
  });
});
