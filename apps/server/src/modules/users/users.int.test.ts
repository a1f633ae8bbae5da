import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { SECOND_FACTOR_NEEDED } from '../auth/auth.service';

const USERS = /* GraphQL */ `query ($s: String) { users(search: $s, page: { pageSize: 100 }) { total items { id username role active unit { name } } } }`;
const CREATE = /* GraphQL */ `
  mutation ($input: CreateUserInput!) { createUser(input: $input) { id username role mustChangePassword unit { kind } } }
`;
const SET_ACTIVE = /* GraphQL */ `mutation ($id: ID!, $a: Boolean!) { setUserActive(id: $id, active: $a) { id active } }`;
const RESET = /* GraphQL */ `mutation ($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id mustChangePassword } }`;
const ME = /* GraphQL */ `query { me { username mustChangePassword } }`;

describe('user accounts (ADMIN)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const unitOf = async (username: string) =>
    (await t.sql(`SELECT unit_id FROM users WHERE username = $1`, [username]))[0].unit_id as string;

  it('lists every account with role and unit for the administrator only', async () => {
    const admin = await t.login('admin');
    const { users } = expectData(await admin.gql(USERS));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM users`);
    expect(users.total).toBe(n);
    expect(users.items.find((u: { username: string }) => u.username === 'baoan').unit.name).toBe('市公安局保安管理支队');
    for (const refused of ['baoan', 'office', 'leader', 'company1', 'organizer1']) {
      expectErrorCode(await (await t.login(refused)).gql(USERS), 'FORBIDDEN');
    }
  });

  it('creates an account whose role matches its unit; it must change its password first', async () => {
    const admin = await t.login('admin');
    const input = { username: 'panshan2', displayName: '王警官', role: 'DISTRICT_BUREAU', unitId: await unitOf('panshan'), initialPassword: 'Start2026a' };
    const { createUser } = expectData(await admin.gql(CREATE, { input }));
    expect(createUser).toMatchObject({ username: 'panshan2', role: 'DISTRICT_BUREAU', mustChangePassword: true });
    const [entry] = await t.sql(`SELECT summary, after FROM audit_log WHERE entity_id = $1 AND action = 'CREATE'`, [createUser.id]);
    expect(entry.summary).toContain('panshan2');
    expect(JSON.stringify(entry.after)).not.toContain('password');
    const fresh = await t.login('panshan2', 'Start2026a');
    expect(expectData(await fresh.gql(ME)).me.mustChangePassword).toBe(true);
    expectErrorCode(await fresh.gql(`query { activities { total } }`), 'FORBIDDEN');
  });

  it('refuses a role that does not match the unit, a taken username and a weak password, storing nothing', async () => {
    const admin = await t.login('admin');
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM users`);
    const base = { username: 'wrongunit', displayName: '某人', role: 'COMPANY', unitId: await unitOf('panshan'), initialPassword: 'Start2026a' };
    const wrongUnit = expectErrorCode(await admin.gql(CREATE, { input: base }), 'BAD_USER_INPUT');
    expect(wrongUnit.message).toContain('保安服务公司');
    expect(wrongUnit.extensions?.fields?.[0].field).toBe('unitId');
    const taken = { ...base, username: 'baoan', role: 'SECURITY_DETACHMENT', unitId: await unitOf('baoan') };
    expectErrorCode(await admin.gql(CREATE, { input: taken }), 'CONFLICT');
    const weak = { ...taken, username: 'weakpw', initialPassword: 'short' };
    const weakError = expectErrorCode(await admin.gql(CREATE, { input: weak }), 'BAD_USER_INPUT');
    expect(weakError.extensions?.fields?.[0].field).toBe('initialPassword');
    const badName = { ...taken, username: 'Bad Name' };
    expectErrorCode(await admin.gql(CREATE, { input: badName }), 'BAD_USER_INPUT');
    const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM users`);
    expect(after).toBe(before);
  });

  it('disabling an account ends its sessions; resetting a password unlocks it and forces a change', async () => {
    const admin = await t.login('admin');
    const dahuo = await t.login('dahuo');
    const [{ id }] = await t.sql(`SELECT id FROM users WHERE username = 'dahuo'`);
    expect(expectData(await admin.gql(SET_ACTIVE, { id, a: false })).setUserActive.active).toBe(false);
    expectErrorCode(await dahuo.gql(ME), 'UNAUTHENTICATED');
    // A disabled account answers like an unknown name (which may be asked for a code, see decoyNeedsCode).
    const disabled = await t.anonymous().gql(`mutation { login(input: { username: "dahuo", password: "Demo@2026" }) { username } }`);
    expect(['用户名或密码错误', SECOND_FACTOR_NEEDED]).toContain(expectErrorCode(disabled, 'UNAUTHENTICATED').message);
    expectData(await admin.gql(SET_ACTIVE, { id, a: true }));
    await t.sql(`UPDATE users SET locked_until = now() + interval '10 minutes' WHERE id = $1`, [id]);
    expect(expectData(await admin.gql(RESET, { id, p: 'Reset2026b' })).resetUserPassword.mustChangePassword).toBe(true);
    const again = await t.login('dahuo', 'Reset2026b');
    expect(expectData(await again.gql(ME)).me.mustChangePassword).toBe(true);
    const [{ id: adminId }] = await t.sql(`SELECT id FROM users WHERE username = 'admin'`);
    expectErrorCode(await admin.gql(SET_ACTIVE, { id: adminId, a: false }), 'CONFLICT');
    expectErrorCode(await (await t.login('office')).gql(RESET, { id, p: 'Reset2026c' }), 'FORBIDDEN');
  });

  it('a password reset ends every session of the account, also one whose login was checking the old password at that moment (review 5 B-F9)', async () => {
    const admin = await t.login('admin');
    const [{ id }] = await t.sql(`SELECT id FROM users WHERE username = 'leader_dahuo'`);
    for (let round = 0; round < 3; round++) {
      const logins = Array.from({ length: 12 }, () =>
        t.anonymous().gql(`mutation { login(input: { username: "leader_dahuo", password: "Demo@2026" }) { id } }`));
      await new Promise((r) => setTimeout(r, 15 * round));
      const reset = admin.gql(RESET, { id, p: `Reset2026r${round}` });
      await Promise.all([...logins, reset]);
      expectData(await reset);
      // whatever the order, no session opened with the old password outlives the reset
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [id]);
      expect(n).toBe(0);
      await t.sql(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'leader'), must_change_password = false,
                          failed_login_count = 0, locked_until = NULL WHERE id = $1`, [id]);
    }
  });

  it('20 resets of one account with 20 passwords at once: one is in force and answered OK, the others CONFLICT; one audit entry; a reset also lifts the locks of its browsers (red team 7, L2)', async () => {
    const admin = await t.login('admin');
    const [{ id }] = await t.sql(`SELECT id FROM users WHERE username = 'chengjiao'`);
    const before = (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND summary LIKE '重置账号%'`, [id.toString()]))[0].n;
    const passwords = Array.from({ length: 20 }, (_, i) => `Reset#2026n${i}`);
    const answers = await Promise.all(passwords.map((p) => admin.gql(RESET, { id, p })));
    const won = answers.flatMap((a, i) => (a.errors ? [] : [passwords[i]]));
    expect(won).toHaveLength(1);
    for (const a of answers.filter((x) => x.errors)) {
      expect(expectErrorCode(a, 'CONFLICT').message).toBe('账号 chengjiao 的密码刚刚已被修改或重置，本次未重置（以免告知本人的密码不是生效的那个）；如仍需重置，请刷新后重试');
    }
    const after = (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND summary LIKE '重置账号%'`, [id.toString()]))[0].n;
    expect(after - before).toBe(1);
    // the password answered OK is the one in force
    expectData(await (await t.login('chengjiao', won[0])).gql(ME));
    // a browser of the account locked by its own failures logs in again after a reset
    await t.sql(`INSERT INTO login_devices (user_id, token_hash, failed_count, locked_until) VALUES ($1, $2, 0, now() + interval '10 minutes')`, [id, 'a'.repeat(64)]);
    expectData(await admin.gql(RESET, { id, p: 'Reset#2026m' }));
    const [device] = await t.sql(`SELECT failed_count, locked_until FROM login_devices WHERE user_id = $1 AND token_hash = $2`, [id, 'a'.repeat(64)]);
    expect(device).toEqual({ failed_count: 0, locked_until: null });
  });

  describe('separation of duties (三员分立)', () => {
    const auditorInput = async (username: string) => ({
      username,
      displayName: '审计员乙',
      role: 'AUDITOR',
      unitId: await unitOf('auditor'),
      initialPassword: 'Start#2026a',
    });

    it('the administrator cannot create an auditor, nor reset, disable or take over one', async () => {
      const admin = await t.login('admin');
      const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM users`);
      const created = expectErrorCode(await admin.gql(CREATE, { input: await auditorInput('auditor2') }), 'FORBIDDEN');
      expect(created.message).toContain('三员分立');
      const [{ id }] = await t.sql(`SELECT id FROM users WHERE username = 'auditor'`);
      expectErrorCode(await admin.gql(RESET, { id, p: 'Taken#2026x' }), 'FORBIDDEN');
      expectErrorCode(await admin.gql(SET_ACTIVE, { id, a: false }), 'FORBIDDEN');
      const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM users`);
      expect(after).toBe(before);
      await t.login('auditor');
    });

    it('an auditor manages auditors only; it reads the account list but manages no other account', async () => {
      const auditor = await t.login('auditor');
      expect(expectData(await auditor.gql(USERS)).users.total).toBeGreaterThan(10);
      const { createUser } = expectData(await auditor.gql(CREATE, { input: await auditorInput('auditor3') }));
      expect(createUser).toMatchObject({ role: 'AUDITOR', mustChangePassword: true, unit: { kind: 'INSPECTORATE' } });
      const office = { username: 'office9', displayName: '某人', role: 'OFFICE', unitId: await unitOf('office'), initialPassword: 'Start#2026a' };
      expectErrorCode(await auditor.gql(CREATE, { input: office }), 'FORBIDDEN');
      const admin = { ...office, username: 'admin9', role: 'ADMIN', unitId: await unitOf('admin') };
      expectErrorCode(await auditor.gql(CREATE, { input: admin }), 'FORBIDDEN');
      const [{ id: baoanId }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
      expectErrorCode(await auditor.gql(RESET, { id: baoanId, p: 'Taken#2026x' }), 'FORBIDDEN');
      expectErrorCode(await auditor.gql(SET_ACTIVE, { id: baoanId, a: false }), 'FORBIDDEN');
      expectData(await auditor.gql(RESET, { id: createUser.id, p: 'Again#2026x' }));
    });

    it('no account ever moves into or out of the administrator or auditor duty, whoever asks the database', async () => {
      await expect(t.sql(`UPDATE users SET role = 'AUDITOR' WHERE username = 'admin'`)).rejects.toThrow(/三员分立/);
      await expect(t.sql(`UPDATE users SET role = 'ADMIN' WHERE username = 'baoan'`)).rejects.toThrow(/三员分立/);
      await expect(t.sql(`UPDATE users SET role = 'OFFICE' WHERE username = 'auditor'`)).rejects.toThrow(/三员分立/);
      const [admin] = await t.sql(`SELECT role FROM users WHERE username = 'admin'`);
      expect(admin.role).toBe('ADMIN');
    });
  });
});
