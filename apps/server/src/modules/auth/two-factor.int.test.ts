import { createTestApp, expectData, expectErrorCode, TestApp, TestClient, totpCode, unknownUsername } from '../../../test/harness';
import { newTotpSecret } from './totp';
import { SECOND_FACTOR_NEEDED, SESSION_COOKIE, WRONG_CREDENTIALS, WRONG_SECOND_STEP } from './auth.service';

const LOGIN = /* GraphQL */ `mutation ($u: String!, $p: String!, $c: String) { login(input: { username: $u, password: $p, code: $c }) { username } }`;
const ME = /* GraphQL */ `query { me { username totpEnabled mustEnrolTotp } }`;
const BEGIN = /* GraphQL */ `mutation { beginTotpEnrolment { secret otpauthUrl qrCodeDataUrl } }`;
const CONFIRM = /* GraphQL */ `mutation ($c: String!) { confirmTotpEnrolment(code: $c) { codes } }`;
const RESET = /* GraphQL */ `mutation ($id: ID!) { resetUserTotp(id: $id) }`;
const POLICY = /* GraphQL */ `mutation ($c: [SettingChangeInput!]!) { updateSecuritySettings(changes: $c) { key value } }`;

/** Enrols `client`'s account; answers the secret and the recovery codes. */
async function enrol(client: TestClient): Promise<{ secret: string; codes: string[] }> {
  const { beginTotpEnrolment } = expectData(await client.gql(BEGIN));
  const { confirmTotpEnrolment } = expectData(await client.gql(CONFIRM, { c: await totpCode(beginTotpEnrolment.secret) }));
  return { secret: beginTotpEnrolment.secret, codes: confirmTotpEnrolment.codes };
}

describe('two-factor login (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const idOf = async (username: string) => (await t.sql(`SELECT id FROM users WHERE username = $1`, [username]))[0].id as string;
  const failures = async (username: string) =>
    (await t.sql(`SELECT failed_login_count AS n FROM users WHERE username = $1`, [username]))[0].n as number;
  /** Lets the next code of the same 30 s period be accepted again (tests log in several times a period). */
  const forgetLastStep = (username: string) => t.sql(`UPDATE users SET totp_last_step = NULL WHERE username = $1`, [username]);

  it('demo data leaves the requirement off: police accounts log in with the password alone', async () => {
    const baoan = await t.login('baoan');
    expect(expectData(await baoan.gql(ME)).me).toEqual({ username: 'baoan', totpEnabled: false, mustEnrolTotp: false });
    const admin = await t.login('admin');
    expect(expectData(await admin.gql(ME)).me.mustEnrolTotp).toBe(false);
  });

  it('enrols by QR code: a wrong code is refused and nothing changes; the right one turns it on with 10 recovery codes', async () => {
    const client = await t.login('panshan');
    const { beginTotpEnrolment } = expectData(await client.gql(BEGIN));
    expect(beginTotpEnrolment.otpauthUrl).toContain('panshan');
    expect(beginTotpEnrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = expectErrorCode(await client.gql(CONFIRM, { c: '000000' }), 'BAD_USER_INPUT');
    expect(wrong.extensions?.fields?.[0].field).toBe('code');
    expect(expectData(await client.gql(ME)).me.totpEnabled).toBe(false);
    const { confirmTotpEnrolment } = expectData(await client.gql(CONFIRM, { c: await totpCode(beginTotpEnrolment.secret) }));
    expect(confirmTotpEnrolment.codes).toHaveLength(10);
    expect(new Set(confirmTotpEnrolment.codes).size).toBe(10);
    expect(confirmTotpEnrolment.codes[0]).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(expectData(await client.gql(ME)).me.totpEnabled).toBe(true);
    // Recovery codes are stored hashed, never as typed.
    const stored = await t.sql(`SELECT code_hash FROM recovery_codes WHERE user_id = $1`, [await idOf('panshan')]);
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(confirmTotpEnrolment.codes[0].replace(/-/g, ''));
    expect(expectErrorCode(await client.gql(BEGIN), 'CONFLICT').message).toContain('已启用');
  });

  it('keeps the secret encrypted at rest (pending and enabled): the database never holds it, and its codes still log in', async () => {
    const client = await t.login('leader');
    const { beginTotpEnrolment } = expectData(await client.gql(BEGIN));
    const secret = beginTotpEnrolment.secret as string;
    const [pending] = await t.sql(`SELECT totp_pending_secret AS p, totp_secret AS s FROM users WHERE username = 'leader'`);
    expect(pending.p).toMatch(/^v1:[^:]+:/);
    expect(pending.p).not.toContain(secret);
    expect(pending.s).toBeNull();
    expectData(await client.gql(CONFIRM, { c: await totpCode(secret) }));
    const [enabled] = await t.sql(`SELECT totp_pending_secret AS p, totp_secret AS s FROM users WHERE username = 'leader'`);
    expect(enabled.p).toBeNull();
    expect(enabled.s).toMatch(/^v1:[^:]+:/);
    expect(enabled.s).not.toContain(secret);
    await forgetLastStep('leader');
    const login = await t.anonymous().gql(LOGIN, { u: 'leader', p: 'Demo@2026', c: await totpCode(secret) });
    expect(expectData(login).login.username).toBe('leader');
  });

  it('encrypts the secrets written before encryption at rest (the migration), and logs in with them afterwards', async () => {
    const { TotpSecretEncryption1766900000000 } = await import('../../database/migrations/1766900000000-TotpSecretEncryption');
    const legacy = newTotpSecret();
    await t.sql(`UPDATE users SET totp_secret = $1, totp_last_step = NULL WHERE username = 'dawa'`, [legacy]);
    const runner = t.ds.createQueryRunner();
    try {
      await new TotpSecretEncryption1766900000000().up(runner);
    } finally {
      await runner.release();
    }
    const [row] = await t.sql(`SELECT totp_secret AS s FROM users WHERE username = 'dawa'`);
    expect(row.s).toMatch(/^v1:[^:]+:/);
    expect(row.s).not.toContain(legacy);
    const login = await t.anonymous().gql(LOGIN, { u: 'dawa', p: 'Demo@2026', c: await totpCode(legacy) });
    expect(expectData(login).login.username).toBe('dawa');
  });

  it('asks for the second factor whatever the password, without moving the lockout counter, and the second step never says which part was wrong', async () => {
    const { secret } = await enrol(await t.login('shuangtaizi'));
    const right = await t.anonymous().gql(LOGIN, { u: 'shuangtaizi', p: 'Demo@2026' });
    const wrong = await t.anonymous().gql(LOGIN, { u: 'shuangtaizi', p: 'not-the-password' });
    for (const answer of [right, wrong]) {
      const error = expectErrorCode(answer, 'UNAUTHENTICATED');
      expect(error.message).toBe(SECOND_FACTOR_NEEDED);
      expect(error.extensions?.secondFactor).toBe(true);
    }
    expect(await failures('shuangtaizi')).toBe(0);

    // Second step: a wrong password with the right code, and the right password with a wrong code,
    // get one answer, and each moves the counter.
    const a = await t.anonymous().gql(LOGIN, { u: 'shuangtaizi', p: 'not-the-password', c: await totpCode(secret) });
    const b = await t.anonymous().gql(LOGIN, { u: 'shuangtaizi', p: 'Demo@2026', c: '123456' });
    expect(expectErrorCode(a, 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
    expect(expectErrorCode(b, 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
    expect(await failures('shuangtaizi')).toBe(2);

    const client = t.anonymous();
    // (the code of the current period was used up by the enrolment: the next period's is valid too)
    expectData(await client.gql(LOGIN, { u: 'shuangtaizi', p: 'Demo@2026', c: await totpCode(secret, 1) }));
    expect(client.cookie(SESSION_COOKIE)).toBeTruthy();
    expect(await failures('shuangtaizi')).toBe(0);
    const [entry] = await t.sql(`SELECT summary FROM audit_log WHERE action = 'LOGIN' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [await idOf('shuangtaizi')]);
    expect(entry.summary).toContain('动态验证码');
  });

  it('accepts a code once: replaying it is refused like a wrong code', async () => {
    const { secret } = await enrol(await t.login('xinglongtai'));
    const code = await totpCode(secret, 1);
    expectData(await t.anonymous().gql(LOGIN, { u: 'xinglongtai', p: 'Demo@2026', c: code }));
    const replay = await t.anonymous().gql(LOGIN, { u: 'xinglongtai', p: 'Demo@2026', c: code });
    expect(expectErrorCode(replay, 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
  });

  it('locks after 5 second-step failures; while locked the right password and code answer the same text', async () => {
    const { secret } = await enrol(await t.login('liaodongwan'));
    for (let i = 0; i < 5; i++) {
      const r = await t.anonymous().gql(LOGIN, { u: 'liaodongwan', p: 'Demo@2026', c: `00000${i}` });
      expect(expectErrorCode(r, 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
    }
    await forgetLastStep('liaodongwan');
    const locked = await t.anonymous().gql(LOGIN, { u: 'liaodongwan', p: 'Demo@2026', c: await totpCode(secret) });
    expect(expectErrorCode(locked, 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
    const [lock] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'LOCKOUT' AND entity_id = $1`, [await idOf('liaodongwan')]);
    expect(lock.n).toBe(1);
  });

  it('lets a recovery code in once, only with the right password', async () => {
    const { codes } = await enrol(await t.login('chengjiao'));
    const wrongPassword = await t.anonymous().gql(LOGIN, { u: 'chengjiao', p: 'nope-nope', c: codes[0] });
    expect(expectErrorCode(wrongPassword, 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
    // The failed attempt did not use the code up.
    expectData(await t.anonymous().gql(LOGIN, { u: 'chengjiao', p: 'Demo@2026', c: codes[0].toLowerCase() }));
    const again = await t.anonymous().gql(LOGIN, { u: 'chengjiao', p: 'Demo@2026', c: codes[0] });
    expect(expectErrorCode(again, 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
    const [{ left }] = await t.sql(`SELECT count(*)::int AS left FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [await idOf('chengjiao')]);
    expect(left).toBe(9);
  });

  it('answers unknown users like accounts: some ask for a code, and their second step fails like a real one', async () => {
    const decoy = await unknownUsername(t, true);
    const plain = await unknownUsername(t, false);
    expect(expectErrorCode(await t.anonymous().gql(LOGIN, { u: decoy, p: 'Demo@2026' }), 'UNAUTHENTICATED').message).toBe(SECOND_FACTOR_NEEDED);
    expect(expectErrorCode(await t.anonymous().gql(LOGIN, { u: decoy, p: 'Demo@2026', c: '123456' }), 'UNAUTHENTICATED').message).toBe(WRONG_SECOND_STEP);
    expect(expectErrorCode(await t.anonymous().gql(LOGIN, { u: plain, p: 'Demo@2026' }), 'UNAUTHENTICATED').message).toBe(WRONG_CREDENTIALS);
  });

  it('requires enrolment where the role requires it (ADMIN turns it on), and only ADMIN changes the policy', async () => {
    const admin = await t.login('admin');
    for (const refused of ['baoan', 'office', 'auditor']) {
      expectErrorCode(await (await t.login(refused)).gql(POLICY, { c: [{ key: 'security.totpRequired.EVENT_DETACHMENT', value: true }] }), 'FORBIDDEN');
    }
    const bad = await admin.gql(POLICY, { c: [{ key: 'security.passwordMaxAgeDays', value: 5 }] });
    expect(expectErrorCode(bad, 'BAD_USER_INPUT').message).toContain('30 到 365');
    expectData(await admin.gql(POLICY, { c: [{ key: 'security.totpRequired.EVENT_DETACHMENT', value: true }] }));
    const dahuo = await t.login('dahuo');
    expect(expectData(await dahuo.gql(ME)).me.mustEnrolTotp).toBe(true);
    expect(expectErrorCode(await dahuo.gql(`query { activities { total } }`), 'FORBIDDEN').message).toContain('两步验证');
    await enrol(dahuo);
    expectData(await dahuo.gql(`query { activities { total } }`));
    // Where it is required it cannot be turned off.
    const off = await dahuo.gql(`mutation { disableTotp(password: "Demo@2026") { totpEnabled } }`);
    expectErrorCode(off, 'FORBIDDEN');
    const [entry] = await t.sql(`SELECT actor_role FROM audit_log WHERE entity_type = 'SecuritySettings' ORDER BY id DESC LIMIT 1`);
    expect(entry.actor_role).toBe('ADMIN');
  });

  it('turns off for the own account where the role allows it, with the password', async () => {
    const client = await t.login('company2');
    await enrol(client);
    expectErrorCode(await client.gql(`mutation { disableTotp(password: "wrong") { totpEnabled } }`), 'BAD_USER_INPUT');
    expect(expectData(await client.gql(`mutation { disableTotp(password: "Demo@2026") { totpEnabled } }`)).disableTotp.totpEnabled).toBe(false);
    await t.login('company2');
  });

  it('is reset by the administrator for a lost phone (sessions end); never by the refused roles, never for an auditor', async () => {
    const user = await t.login('organizer1');
    await enrol(user);
    const id = await idOf('organizer1');
    for (const refused of ['baoan', 'office', 'organizer2']) {
      expectErrorCode(await (await t.login(refused)).gql(RESET, { id }), 'FORBIDDEN');
    }
    expect(expectData(await (await t.login('admin')).gql(RESET, { id })).resetUserTotp).toBe(true);
    expectErrorCode(await user.gql(ME), 'UNAUTHENTICATED');
    await t.login('organizer1');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1`, [id]);
    expect(n).toBe(0);

    // 三员分立: the administrator cannot take over an auditor's second factor; an auditor can.
    const auditorId = await idOf('auditor');
    const refused = expectErrorCode(await (await t.login('admin')).gql(RESET, { id: auditorId }), 'FORBIDDEN');
    expect(refused.message).toContain('三员分立');
    expectData(await (await t.login('auditor')).gql(RESET, { id: auditorId }));
  });
});
