import bcrypt from 'bcryptjs';
import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { SESSION_COOKIE } from './auth.service';

const CHANGE = /* GraphQL */ `mutation ($i: ChangePasswordInput!) { changePassword(input: $i) { mustChangePassword passwordExpired } }`;
const ME = /* GraphQL */ `query { me { username mustChangePassword passwordExpired } }`;
const SESSIONS = /* GraphQL */ `query { mySessions { id current ip userAgent lastSeenAt expiresAt } }`;
const END = /* GraphQL */ `mutation ($id: ID!) { endSession(id: $id) }`;

describe('passwords (等保 身份鉴别)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it.each([
    ['too short', 'Ab1!', ['密码至少8位']],
    ['only two classes', 'abcdefgh12', ['密码须包含大写字母、小写字母、数字、符号中的至少3类（缺少大写字母、符号中的1类）']],
    ['containing the username (any case)', 'Xx#OFFICE9', ['密码不得包含用户名']],
    ['containing the username spelled with look-alikes', 'Xx#0ff1ce9', ['密码不得包含用户名']],
    ['that is a common one (any case, look-alikes)', 'pASSW0RD!', ['密码过于常见，容易被猜中，请换一个']],
    ['that is a common word with digits and symbols', 'Admin@2026', ['密码过于常见，容易被猜中，请换一个']],
    ['that is a keyboard walk', '1qaz@WSX', ['密码过于常见，容易被猜中，请换一个']],
    // the published demo password: the demo accounts are seeded with it and log in, nobody may set it
    ['that is the published demo password', 'Demo@2026', ['密码过于常见，容易被猜中，请换一个']],
  ])('refuses a new password %s with a reason per rule, and stores nothing', async (_case, password, reasons) => {
    const office = await t.login('office');
    const [before] = await t.sql(`SELECT password_hash FROM users WHERE username = 'office'`);
    const error = expectErrorCode(await office.gql(CHANGE, { i: { currentPassword: 'Demo@2026', newPassword: password } }), 'BAD_USER_INPUT');
    expect(error.extensions?.fields).toEqual(reasons.map((message) => ({ field: 'newPassword', message })));
    const [after] = await t.sql(`SELECT password_hash FROM users WHERE username = 'office'`);
    expect(after.password_hash).toBe(before.password_hash);
  });

  it('accepts 3 of 4 classes, and never one of the last 5 passwords', async () => {
    const client = await t.login('leader');
    const sequence = ['Chief-2026a', 'Second#2026', 'third3THIRD', 'Fourth#4444'];
    let current = 'Demo@2026';
    for (const next of sequence) {
      expect(expectData(await client.gql(CHANGE, { i: { currentPassword: current, newPassword: next } })).changePassword.mustChangePassword).toBe(false);
      current = next;
    }
    // The current one and the four before it are refused (the demo password is refused as common) …
    for (const reused of ['Chief-2026a', 'Second#2026', 'Fourth#4444']) {
      const error = expectErrorCode(await client.gql(CHANGE, { i: { currentPassword: current, newPassword: reused } }), 'BAD_USER_INPUT');
      expect(error.message).toContain('最近5次');
    }
    // … a sixth and a seventh change push the demo password and the first one out of the window.
    expectData(await client.gql(CHANGE, { i: { currentPassword: current, newPassword: 'Fifth#5555' } }));
    expectData(await client.gql(CHANGE, { i: { currentPassword: 'Fifth#5555', newPassword: 'Sixth#6666' } }));
    expectData(await client.gql(CHANGE, { i: { currentPassword: 'Sixth#6666', newPassword: 'Chief-2026a' } }));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM password_history h JOIN users u ON u.id = h.user_id WHERE u.username = 'leader'`);
    expect(n).toBe(5);
  });

  it('expires a password after the setting (90 days): the user must change it before anything else', async () => {
    await t.sql(`UPDATE users SET password_changed_at = now() - interval '91 days' WHERE username = 'dahuo'`);
    const client = await t.login('dahuo');
    expect(expectData(await client.gql(ME)).me).toEqual({ username: 'dahuo', mustChangePassword: true, passwordExpired: true });
    expect(expectErrorCode(await client.gql(`query { activities { total } }`), 'FORBIDDEN').message).toContain('密码已到期');
    const changed = expectData(await client.gql(CHANGE, { i: { currentPassword: 'Demo@2026', newPassword: 'Renewed#2026' } }));
    expect(changed.changePassword).toEqual({ mustChangePassword: false, passwordExpired: false });
    expectData(await client.gql(`query { activities { total } }`));
    // 89 days is still fine.
    await t.sql(`UPDATE users SET password_changed_at = now() - interval '89 days' WHERE username = 'panshan'`);
    expect(expectData(await (await t.login('panshan')).gql(ME)).me.passwordExpired).toBe(false);
  });

  it('hashes with argon2id, and upgrades an old bcrypt hash at the next successful login', async () => {
    const [fresh] = await t.sql(`SELECT password_hash FROM users WHERE username = 'baoan'`);
    expect(fresh.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await t.sql(`UPDATE users SET password_hash = $1 WHERE username = 'company1'`, [await bcrypt.hash('Demo@2026', 10)]);
    expectErrorCode(await t.anonymous().gql(`mutation { login(input: { username: "company1", password: "wrong" }) { id } }`), 'UNAUTHENTICATED');
    const [still] = await t.sql(`SELECT password_hash FROM users WHERE username = 'company1'`);
    expect(still.password_hash).toMatch(/^\$2[ab]\$/);
    await t.login('company1');
    const [upgraded] = await t.sql(`SELECT password_hash FROM users WHERE username = 'company1'`);
    expect(upgraded.password_hash).toMatch(/^\$argon2id\$/);
    await t.login('company1');
  });

  it('applies the same rules to passwords an administrator sets', async () => {
    const admin = await t.login('admin');
    const [{ id }] = await t.sql(`SELECT id FROM users WHERE username = 'organizer2'`);
    const weak = expectErrorCode(await admin.gql(`mutation ($id: ID!) { resetUserPassword(id: $id, newPassword: "organizer2Xy!") { id } }`, { id }), 'BAD_USER_INPUT');
    expect(weak.extensions?.fields).toEqual([{ field: 'newPassword', message: '密码不得包含用户名' }]);
    const common = expectErrorCode(await admin.gql(`mutation ($id: ID!) { resetUserPassword(id: $id, newPassword: "P@ssw0rd1") { id } }`, { id }), 'BAD_USER_INPUT');
    expect(common.extensions?.fields).toEqual([{ field: 'newPassword', message: '密码过于常见，容易被猜中，请换一个' }]);
    const created = await admin.gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username: 'organizer_common_t', displayName: '李雷', role: 'ORGANIZER', unitId: (await t.sql(`SELECT unit_id FROM users WHERE username = 'organizer2'`))[0].unit_id, initialPassword: 'Welcome1!' },
    });
    expect(expectErrorCode(created, 'BAD_USER_INPUT').extensions?.fields).toEqual([{ field: 'initialPassword', message: '密码过于常见，容易被猜中，请换一个' }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM users WHERE username = 'organizer_common_t'`))[0].n).toBe(0);
    expectData(await admin.gql(`mutation ($id: ID!) { resetUserPassword(id: $id, newPassword: "Temp#2026x") { id } }`, { id }));
  });
});

describe('sessions (idle timeout, own sessions)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { sessionIdleMinutes: 30 } });
  });
  afterAll(() => t?.close());

  it('ends a session idle for longer than SESSION_IDLE_MINUTES, audited; an active one lives on', async () => {
    const idle = await t.login('xinglongtai');
    const active = await t.login('xinglongtai');
    const { currentSession } = expectData(await active.gql(`query { currentSession { id idleTimeoutMinutes expiresAt } }`));
    expect(currentSession.idleTimeoutMinutes).toBe(30);
    await t.sql(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [idle.cookie(SESSION_COOKIE)]);
    await t.sql(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1`, [currentSession.id]);
    expectErrorCode(await idle.gql(ME), 'UNAUTHENTICATED');
    expect(expectData(await active.gql(ME)).me.username).toBe('xinglongtai');
    const [entry] = await t.sql(`SELECT action, summary FROM audit_log WHERE summary LIKE '%空闲超过30分钟%'`);
    expect(entry.action).toBe('LOGOUT');
  });

  it('does not count background polling as activity', async () => {
    const client = await t.login('dawa');
    const { currentSession } = expectData(await client.gql(`query { currentSession { id } }`));
    await t.sql(`UPDATE sessions SET last_seen_at = now() - interval '10 minutes' WHERE id = $1`, [currentSession.id]);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-evs-background': '1', cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
      body: JSON.stringify({ query: '{ unreadNotificationCount }' }),
    });
    expect(res.status).toBe(200);
    const [polled] = await t.sql(`SELECT extract(epoch FROM now() - last_seen_at) AS s FROM sessions WHERE id = $1`, [currentSession.id]);
    expect(Number(polled.s)).toBeGreaterThan(590);
    await client.gql(ME);
    const [used] = await t.sql(`SELECT extract(epoch FROM now() - last_seen_at) AS s FROM sessions WHERE id = $1`, [currentSession.id]);
    expect(Number(used.s)).toBeLessThan(60);
  });

  it('lists the own sessions and ends one of them; another user\'s session is NOT_FOUND', async () => {
    const phone = await t.login('liaodongwan');
    const desk = await t.login('liaodongwan');
    const other = await t.login('chengjiao');
    const { mySessions } = expectData(await desk.gql(SESSIONS));
    expect(mySessions).toHaveLength(2);
    expect(mySessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(mySessions[0].ip).toMatch(/127\.0\.0\.1/);
    const phoneSession = mySessions.find((s: { current: boolean }) => !s.current);
    // Nobody ends a session that is not theirs.
    const { mySessions: others } = expectData(await other.gql(SESSIONS));
    expectErrorCode(await desk.gql(END, { id: others[0].id }), 'NOT_FOUND');
    expect(expectData(await other.gql(ME)).me.username).toBe('chengjiao');
    expect(expectData(await desk.gql(END, { id: phoneSession.id })).endSession).toBe(true);
    expectErrorCode(await phone.gql(ME), 'UNAUTHENTICATED');
    expect(expectData(await desk.gql(ME)).me.username).toBe('liaodongwan');
  });
});
