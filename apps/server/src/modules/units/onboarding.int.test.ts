import { creditCode, uniq } from '../../../test/identifiers';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { encryptPii, idHash } from '../../common/pii';
import { activityInput, CREATE_ACTIVITY, unitIdOf } from '../../../test/activity-fixtures';
import { generateInitialPassword } from '../users/initial-password';

const CREATE_UNIT = /* GraphQL */ `
  mutation ($input: CreateUnitInput!) {
    createUnit(input: $input) {
      unit { id name kind district creditCode contactName contactPhone active }
      account { initialPassword account { id username displayName role mustChangePassword unit { id } } }
    }
  }
`;
const ISSUE = /* GraphQL */ `
  mutation ($unitId: ID!, $input: NewAccountInput!) {
    issueUnitAccount(unitId: $unitId, input: $input) { initialPassword account { id username role mustChangePassword unit { id } } }
  }
`;
const UNITS = /* GraphQL */ `
  query ($kind: UnitKind, $all: Boolean) { units(kind: $kind, includeInactive: $all) { id name kind active mergedIntoId } }
`;
const UNIT_ACCOUNTS = /* GraphQL */ `query ($id: ID!) { unitAccounts(unitId: $id) { username role active } }`;
const SET_ACTIVE = /* GraphQL */ `
  mutation ($id: ID!, $active: Boolean!, $reason: String) { setUnitActive(id: $id, active: $active, reason: $reason) { id active deactivatedReason } }
`;
const MERGE = /* GraphQL */ `
  mutation ($s: ID!, $t: ID!) {
    mergeOrganizerUnits(sourceId: $s, targetId: $t) { unit { id creditCode } accounts activities guards rosterEntries notifications }
  }
`;
const LOGIN = /* GraphQL */ `mutation ($input: LoginInput!) { login(input: $input) { username mustChangePassword } }`;
const CHANGE = /* GraphQL */ `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { mustChangePassword } }`;
const MY_ACTIVITIES = /* GraphQL */ `query { activities { total items { id name } } }`;


function organizerInput(overrides: Record<string, unknown> = {}) {
  const n = uniq();
  return {
    kind: 'ORGANIZER',
    name: `盘锦测试文化传媒有限公司${n}`,
    creditCode: creditCode(),
    contactName: '周联系',
    contactPhone: '13904271234',
    account: { username: `org${n}`, displayName: '周联系' },
    ...overrides,
  };
}

describe('onboarding: units and accounts on a real deployment', () => {
  let t: TestApp;
  const count = async (sql: string, params: unknown[] = []) => (await t.sql(sql, params))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** Logs in with the one-time password and changes it; returns the client (now free to work). */
  async function firstLogin(username: string, initialPassword: string): Promise<TestClient> {
    const client = t.anonymous();
    const login = expectData(await client.gql(LOGIN, { input: { username, password: initialPassword } })).login;
    expect(login.mustChangePassword).toBe(true);
    expectErrorCode(await client.gql(MY_ACTIVITIES), 'FORBIDDEN');
    expectData(await client.gql(CHANGE, { input: { currentPassword: initialPassword, newPassword: 'Changed@2026x' } }));
    return client;
  }

  describe('organizers on the spot (createUnit by the police who register activities)', () => {
    it('a district bureau creates an organizer in its district with its contact account; the one-time password works once and must be changed', async () => {
      const dawa = await t.login('dawa');
      const input = organizerInput();
      const { createUnit } = expectData(await dawa.gql(CREATE_UNIT, { input }));
      expect(createUnit.unit).toMatchObject({ kind: 'ORGANIZER', district: 'DAWA', creditCode: input.creditCode, active: true });
      const { initialPassword, account } = createUnit.account;
      expect(account).toMatchObject({ username: input.account.username, role: 'ORGANIZER', mustChangePassword: true, unit: { id: createUnit.unit.id } });
      expect(initialPassword).toHaveLength(12);
      const [{ password_hash }] = await t.sql(`SELECT password_hash FROM users WHERE id = $1`, [account.id]);
      expect(password_hash).not.toContain(initialPassword);
      const audit = await t.sql(
        `SELECT entity_type, action, summary, after::text AS after FROM audit_log WHERE entity_id = ANY($1) ORDER BY id`,
        [[createUnit.unit.id, account.id]],
      );
      expect(audit.map((a: { entity_type: string }) => a.entity_type)).toEqual(['Unit', 'User']);
      for (const a of audit) expect(`${a.summary}${a.after}`).not.toContain(initialPassword);
      expect(audit[1].after).not.toContain('password');

      const organizer = await firstLogin(input.account.username, initialPassword);
      expect(expectData(await organizer.gql(MY_ACTIVITIES)).activities.total).toBe(0);
      // The initial password is gone with the change.
      expectErrorCode(await t.anonymous().gql(LOGIN, { input: { username: input.account.username, password: initialPassword } }), 'UNAUTHENTICATED');
    });

    it('the event detachment creates organizers in any district; the organizer can be picked when registering', async () => {
      const dahuo = await t.login('dahuo');
      const { createUnit } = expectData(await dahuo.gql(CREATE_UNIT, { input: organizerInput({ district: 'PANSHAN' }) }));
      expect(createUnit.unit.district).toBe('PANSHAN');
      const a = expectData(
        await dahuo.gql(CREATE_ACTIVITY, { input: activityInput({ district: 'PANSHAN', organizerUnitId: createUnit.unit.id }) }),
      ).createActivity;
      expect(a.organizerUnitId).toBe(createUnit.unit.id);
    });

    it('refuses a bureau creating an organizer of another district, or any other kind of unit; nothing is stored', async () => {
      const dawa = await t.login('dawa');
      const before = await count(`SELECT count(*)::int AS n FROM units`);
      const other = expectErrorCode(await dawa.gql(CREATE_UNIT, { input: organizerInput({ district: 'PANSHAN' }) }), 'FORBIDDEN');
      expect(other.message).toContain('本辖区');
      for (const kind of ['COMPANY', 'DISTRICT_BUREAU', 'SECURITY_DETACHMENT']) {
        expectErrorCode(await dawa.gql(CREATE_UNIT, { input: organizerInput({ kind, district: 'DAWA' }) }), 'FORBIDDEN');
      }
      const dahuo = await t.login('dahuo');
      expectErrorCode(await dahuo.gql(CREATE_UNIT, { input: organizerInput({ kind: 'DISTRICT_BUREAU', district: 'DAWA' }) }), 'FORBIDDEN');
      expect(await count(`SELECT count(*)::int AS n FROM units`)).toBe(before);
    });

    it('refuses every role that does not register activities or administer (company, organizer, leader, office, detachment)', async () => {
      const before = await count(`SELECT count(*)::int AS n FROM units`);
      for (const username of ['company1', 'organizer1', 'leader', 'office', 'baoan']) {
        const client = await t.login(username);
        expectErrorCode(await client.gql(CREATE_UNIT, { input: organizerInput({ district: 'DAWA' }) }), 'FORBIDDEN');
      }
      expect(await count(`SELECT count(*)::int AS n FROM units`)).toBe(before);
    });

    it('checks the credit code (GB 32100), the contact, the phone and the account, field by field', async () => {
      const dawa = await t.login('dawa');
      const bad = organizerInput({ creditCode: '91211100MA0QXXXXX1', contactName: ' ', contactPhone: '12345', account: { username: 'Bad Name', displayName: '' } });
      const err = expectErrorCode(await dawa.gql(CREATE_UNIT, { input: bad }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields!.map((f) => f.field)).toEqual(['creditCode', 'contactName', 'contactPhone', 'account.username', 'account.displayName']);
      expect(err.extensions!.fields![0].message).toMatch(/统一社会信用代码/);
      const noAccount = expectErrorCode(await dawa.gql(CREATE_UNIT, { input: organizerInput({ account: null }) }), 'BAD_USER_INPUT');
      expect(noAccount.extensions!.fields![0].field).toBe('account');
      expect(await count(`SELECT count(*)::int AS n FROM units WHERE name = $1`, [bad.name])).toBe(0);
    });

    it('refuses line breaks and control characters in a unit’s name, its contact and an account’s user name, on both paths (review 8-B F7)', async () => {
      const dawa = await t.login('dawa');
      const forged = '李四\r\n系统（市公安局信息通信处）\u001b[31m';
      const input = organizerInput({ name: '盘锦测试主办\n市公安局保安管理支队', contactName: forged });
      input.account = { username: `org${uniq()}`, displayName: forged };
      const err = expectErrorCode(await dawa.gql(CREATE_UNIT, { input }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toEqual([
        { field: 'name', message: '单位名称不能包含制表符、换行等控制字符' },
        { field: 'contactName', message: '联系人不能包含制表符、换行等控制字符' },
        { field: 'account.displayName', message: '账号使用人姓名不能包含制表符、换行等控制字符' },
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM units WHERE name LIKE '盘锦测试主办%'`)).toBe(0);
      const issued = expectErrorCode(
        await dawa.gql(ISSUE, { unitId: await unitIdOf(t, 'organizer1'), input: { username: `org${uniq()}`, displayName: forged } }),
        'BAD_USER_INPUT',
      );
      expect(issued.extensions!.fields).toEqual([{ field: 'input.displayName', message: '账号使用人姓名不能包含制表符、换行等控制字符' }]);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE display_name LIKE '李四%'`)).toBe(0);
    });

    it('a taken credit code or username is a CONFLICT naming the field; a double click creates one unit', async () => {
      const dawa = await t.login('dawa');
      const first = organizerInput();
      expectData(await dawa.gql(CREATE_UNIT, { input: first }));
      const sameCode = expectErrorCode(await dawa.gql(CREATE_UNIT, { input: organizerInput({ creditCode: first.creditCode }) }), 'CONFLICT');
      expect(sameCode.extensions!.fields![0]).toMatchObject({ field: 'creditCode', message: expect.stringContaining(first.name) });
      const sameUser = expectErrorCode(await dawa.gql(CREATE_UNIT, { input: organizerInput({ account: { username: 'organizer1', displayName: '某某' } }) }), 'CONFLICT');
      expect(sameUser.extensions!.fields![0].field).toBe('account.username');

      // Eight identical requests at once (a double click, a retry): one unit, one account, the rest CONFLICT.
      const twice = organizerInput();
      const results = await Promise.all(Array.from({ length: 8 }, () => dawa.gql(CREATE_UNIT, { input: twice })));
      expect(results.filter((r) => !r.errors).length).toBe(1);
      for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions!.code).toBe('CONFLICT');
      expect(await count(`SELECT count(*)::int AS n FROM units WHERE credit_code = $1`, [twice.creditCode])).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE username = $1`, [twice.account.username])).toBe(1);
    });
  });

  describe('more accounts for a unit (issueUnitAccount)', () => {
    it('an organizer may have several accounts; each sees the unit’s activities', async () => {
      const dahuo = await t.login('dahuo');
      const organizer1 = await unitIdOf(t, 'organizer1');
      const { issueUnitAccount } = expectData(await dahuo.gql(ISSUE, { unitId: organizer1, input: { username: `org1b${uniq()}`, displayName: '赵敏助理' } }));
      expect(issueUnitAccount.account).toMatchObject({ role: 'ORGANIZER', mustChangePassword: true, unit: { id: organizer1 } });
      const second = await firstLogin(issueUnitAccount.account.username, issueUnitAccount.initialPassword);
      const first = await t.login('organizer1');
      const mine = expectData(await second.gql(MY_ACTIVITIES)).activities;
      expect(mine.total).toBeGreaterThan(0);
      expect(mine).toEqual(expectData(await first.gql(MY_ACTIVITIES)).activities);
      const { unitAccounts } = expectData(await dahuo.gql(UNIT_ACCOUNTS, { id: organizer1 }));
      expect(unitAccounts.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['organizer1', issueUnitAccount.account.username]));
    });

    it('a district bureau: organizers of its district only, even after registering an activity of another district’s organizer', async () => {
      const dawa = await t.login('dawa');
      const organizer1 = await unitIdOf(t, 'organizer1'); // DAWA
      expectData(await dawa.gql(ISSUE, { unitId: organizer1, input: { username: `dawaorg${uniq()}`, displayName: '某甲' } }));
      const organizer2 = await unitIdOf(t, 'organizer2'); // XINGLONGTAI
      const panshan = await t.login('panshan');
      const before = await count(`SELECT count(*)::int AS n FROM users`);
      const refused = expectErrorCode(await panshan.gql(ISSUE, { unitId: organizer2, input: { username: `psorg${uniq()}`, displayName: '某乙' } }), 'FORBIDDEN');
      expect(refused.message).toContain('本辖区');
      expectErrorCode(await panshan.gql(UNIT_ACCOUNTS, { id: organizer2 }), 'FORBIDDEN');
      expect(await count(`SELECT count(*)::int AS n FROM users`)).toBe(before);
      // A draft 盘山县公安局 registers itself for organizer2 opens nothing: an account of organizer2 would
      // read its activities in every district. 大型活动安全保卫支队 opens it.
      expectData(await panshan.gql(CREATE_ACTIVITY, { input: activityInput({ district: 'PANSHAN', organizerUnitId: organizer2 }) }));
      const still = expectErrorCode(await panshan.gql(ISSUE, { unitId: organizer2, input: { username: `psorg${uniq()}`, displayName: '某乙' } }), 'FORBIDDEN');
      expect(still.message).toContain('大型活动安全保卫支队');
      expectErrorCode(await panshan.gql(UNIT_ACCOUNTS, { id: organizer2 }), 'FORBIDDEN');
      expect(await count(`SELECT count(*)::int AS n FROM users`)).toBe(before);
    });

    it('the security detachment opens accounts for companies only; companies, organizers and the leader none', async () => {
      const baoan = await t.login('baoan');
      const company1 = await unitIdOf(t, 'company1');
      const organizer1 = await unitIdOf(t, 'organizer1');
      const { issueUnitAccount } = expectData(await baoan.gql(ISSUE, { unitId: company1, input: { username: `co1b${uniq()}`, displayName: '张伟副手' } }));
      expect(issueUnitAccount.account.role).toBe('COMPANY');
      expectErrorCode(await baoan.gql(ISSUE, { unitId: organizer1, input: { username: `x${uniq()}`, displayName: '某某' } }), 'FORBIDDEN');
      const dawa = await t.login('dawa');
      expectErrorCode(await dawa.gql(ISSUE, { unitId: company1, input: { username: `x${uniq()}`, displayName: '某某' } }), 'FORBIDDEN');
      for (const username of ['company1', 'organizer1', 'leader', 'office']) {
        const client = await t.login(username);
        expectErrorCode(await client.gql(ISSUE, { unitId: username === 'company1' ? company1 : organizer1, input: { username: `x${uniq()}`, displayName: '某某' } }), 'FORBIDDEN');
        expectErrorCode(await client.gql(UNIT_ACCOUNTS, { id: company1 }), 'FORBIDDEN');
      }
    });

    it('the administrator opens an account in any unit; the role must fit the unit', async () => {
      const admin = await t.login('admin');
      const baoanUnit = await unitIdOf(t, 'baoan');
      const wrong = expectErrorCode(await admin.gql(ISSUE, { unitId: baoanUnit, input: { username: `sd${uniq()}`, displayName: '某某', role: 'COMPANY' } }), 'BAD_USER_INPUT');
      expect(wrong.extensions!.fields![0].field).toBe('input.role');
      const taken = expectErrorCode(await admin.gql(ISSUE, { unitId: baoanUnit, input: { username: 'baoan', displayName: '某某' } }), 'CONFLICT');
      expect(taken.extensions!.fields![0].field).toBe('input.username');
      const { issueUnitAccount } = expectData(await admin.gql(ISSUE, { unitId: baoanUnit, input: { username: `sd${uniq()}`, displayName: '新民警' } }));
      expect(issueUnitAccount.account.role).toBe('SECURITY_DETACHMENT');
      // 三员分立: never an auditor's account.
      const [inspectorate] = await t.sql(`SELECT id FROM units WHERE kind = 'INSPECTORATE'`);
      const auditorRefused = expectErrorCode(await admin.gql(ISSUE, { unitId: inspectorate.id, input: { username: `au${uniq()}`, displayName: '某某' } }), 'FORBIDDEN');
      expect(auditorRefused.message).toContain('三员分立');
    });
  });

  describe('administration', () => {
    it('the administrator creates units of every kind, each checked for what its kind needs', async () => {
      const admin = await t.login('admin');
      const bad = [
        [{ kind: 'DISTRICT_BUREAU', name: '新区公安分局' }, 'district'],
        [{ kind: 'SECURITY_DETACHMENT', name: '第二保安管理支队', district: 'DAWA' }, 'district'],
        [{ kind: 'LEADING_GROUP_OFFICE', name: '办公室二', creditCode: creditCode() }, 'creditCode'],
        [{ kind: 'COMPANY', name: '盘锦新设保安服务有限公司', district: 'DAWA', creditCode: creditCode(), contactName: '某', contactPhone: '13900000001' }, 'company'],
        [{ kind: 'ORGANIZER', name: '某主办单位', district: 'DAWA', contactName: '某', contactPhone: '13900000001' }, 'creditCode'],
      ] as const;
      for (const [input, field] of bad) {
        const err = expectErrorCode(await admin.gql(CREATE_UNIT, { input }), 'BAD_USER_INPUT');
        expect(err.extensions!.fields!.map((f) => f.field)).toContain(field);
      }
      // A second bureau for a district that has one is a CONFLICT (one active bureau per district).
      const second = expectErrorCode(await admin.gql(CREATE_UNIT, { input: { kind: 'DISTRICT_BUREAU', name: '大洼第二分局', district: 'DAWA' } }), 'CONFLICT');
      expect(second.extensions!.fields![0].field).toBe('district');
      // One 保安管理支队 and one 警务督察部门 in the city, whatever the name (reviews 6 A-F1, 8-B F1)
      for (const [kind, name, label] of [
        ['SECURITY_DETACHMENT', '市公安局保安管理支队', '保安管理支队'],
        ['INSPECTORATE', '市公安局警务督察支队二', '警务督察部门'],
      ]) {
        const again = expectErrorCode(await admin.gql(CREATE_UNIT, { input: { kind, name } }), 'CONFLICT');
        expect(again.extensions!.fields![0]).toEqual({ field: 'kind', message: `全市只有一个${label}（首次启动时已建立），不能另建` });
        expect(await count(`SELECT count(*)::int AS n FROM units WHERE kind = $1`, [kind])).toBe(1);
      }

      const office = expectData(await admin.gql(CREATE_UNIT, { input: { kind: 'LEADING_GROUP_OFFICE', name: '领导小组办公室（东港）', account: { username: `office${uniq()}`, displayName: '值班员' } } }));
      expect(office.createUnit.account.account.role).toBe('OFFICE');
      const code = creditCode();
      const company = expectData(
        await admin.gql(CREATE_UNIT, {
          input: {
            kind: 'COMPANY', name: `盘锦新设保安服务有限公司${uniq()}`, district: 'DAWA', creditCode: code, contactName: '钱经理', contactPhone: '13900000002',
            company: { licenseNo: '辽公保服99999', licenseExpiry: '2030-12-31', registeredCapital: 2_000_000, address: '盘锦市大洼区新区路1号' },
            account: { username: `co${uniq()}`, displayName: '钱经理' },
          },
        }),
      ).createUnit;
      const [row] = await t.sql(`SELECT credit_code, license_no, status FROM companies WHERE id = $1`, [company.unit.id]);
      expect(row).toEqual({ credit_code: code, license_no: '辽公保服99999', status: 'ACTIVE' });
      expect(company.account.account.role).toBe('COMPANY');
    });

    it('deactivating a unit ends its sessions and keeps its accounts out (same answer as a wrong password); reactivating restores them', async () => {
      const admin = await t.login('admin');
      const dawa = await t.login('dawa');
      const made = expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput() })).createUnit;
      const org = await firstLogin(made.account.account.username, made.account.initialPassword);
      expectData(await org.gql(MY_ACTIVITIES));

      const noReason = expectErrorCode(await admin.gql(SET_ACTIVE, { id: made.unit.id, active: false }), 'BAD_USER_INPUT');
      expect(noReason.extensions!.fields![0].field).toBe('reason');
      expectErrorCode(await dawa.gql(SET_ACTIVE, { id: made.unit.id, active: false, reason: '重复' }), 'FORBIDDEN');
      const off = expectData(await admin.gql(SET_ACTIVE, { id: made.unit.id, active: false, reason: '单位注销' })).setUnitActive;
      expect(off).toMatchObject({ active: false, deactivatedReason: '单位注销' });
      expectErrorCode(await org.gql(MY_ACTIVITIES), 'UNAUTHENTICATED');
      const login = () => t.anonymous().gql(LOGIN, { input: { username: made.account.account.username, password: 'Changed@2026x' } });
      const refused = expectErrorCode(await login(), 'UNAUTHENTICATED');
      // Nobody picks it for an activity, and nobody opens accounts in it.
      const pick = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId: made.unit.id }) }), 'BAD_USER_INPUT');
      expect(pick.extensions!.fields![0]).toMatchObject({ field: 'organizerUnitId', message: expect.stringContaining('已停用') });
      expectErrorCode(await admin.gql(ISSUE, { unitId: made.unit.id, input: { username: `x${uniq()}`, displayName: '某某' } }), 'CONFLICT');
      expect(expectData(await dawa.gql(UNITS, { kind: 'ORGANIZER' })).units.map((u: { id: string }) => u.id)).not.toContain(made.unit.id);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [made.unit.id])).toBe(1);

      expectData(await admin.gql(SET_ACTIVE, { id: made.unit.id, active: true, reason: '误停用' }));
      expectData(await login());
      // The refusal said no more than a disabled (or unknown) account's does.
      const SET_USER = `mutation ($id: ID!, $a: Boolean!) { setUserActive(id: $id, active: $a) { id } }`;
      expectData(await admin.gql(SET_USER, { id: made.account.account.id, a: false }));
      expect(expectErrorCode(await login(), 'UNAUTHENTICATED').message).toBe(refused.message);
      expectData(await admin.gql(SET_USER, { id: made.account.account.id, a: true }));
    });

    it('refuses to deactivate a unit an open activity still needs, or the administrator’s own unit', async () => {
      const admin = await t.login('admin');
      const organizer1 = await unitIdOf(t, 'organizer1');
      const open = expectErrorCode(await admin.gql(SET_ACTIVE, { id: organizer1, active: false, reason: '测试' }), 'CONFLICT');
      expect(open.message).toContain('未结束的活动');
      const company1 = await unitIdOf(t, 'company1');
      const candidate = expectErrorCode(await admin.gql(SET_ACTIVE, { id: company1, active: false, reason: '测试' }), 'CONFLICT');
      // the administrator reads no activity: the refusal gives codes, not names (which would show where the company is a candidate)
      const names: { name: string }[] = await t.sql(`SELECT DISTINCT a.name FROM activities a JOIN activity_candidates c ON c.activity_id = a.id JOIN users u ON u.unit_id = c.company_id WHERE u.username = 'company1'`);
      expect(names.length).toBeGreaterThan(0);
      for (const { name } of names) expect(candidate.message).not.toContain(name);
      expect(candidate.message).toMatch(/活动编号 \d{4}-\d{4}/);
      const baoan = await unitIdOf(t, 'baoan');
      expectErrorCode(await admin.gql(SET_ACTIVE, { id: baoan, active: false, reason: '测试' }), 'CONFLICT');
      expectErrorCode(await admin.gql(SET_ACTIVE, { id: await unitIdOf(t, 'admin'), active: false, reason: '测试' }), 'CONFLICT');
      // the security auditor's unit, even with no open activity: the auditor watches the administrator (review 8-B F1)
      const auditors = await unitIdOf(t, 'auditor');
      const inspectorate = expectErrorCode(await admin.gql(SET_ACTIVE, { id: auditors, active: false, reason: '机构调整' }), 'FORBIDDEN');
      expect(inspectorate.message).toContain('三员分立');
      expectData(await (await t.login('auditor')).gql(`{ currentSession { id } }`));
      expect(await count(`SELECT count(*)::int AS n FROM units WHERE NOT active AND id = ANY($1)`, [[organizer1, company1, baoan, auditors]])).toBe(0);
    });

    it('units: police roles see all, an organizer or a company only its own', async () => {
      const organizer = await t.login('organizer1');
      const own = expectData(await organizer.gql(UNITS, {})).units;
      expect(own).toEqual([expect.objectContaining({ id: await unitIdOf(t, 'organizer1') })]);
      const company = await t.login('company1');
      expect(expectData(await company.gql(UNITS, { kind: 'ORGANIZER' })).units).toEqual([]);
      const dawa = await t.login('dawa');
      expect(expectData(await dawa.gql(UNITS, { kind: 'ORGANIZER' })).units.length).toBeGreaterThanOrEqual(2);
      expectErrorCode(await organizer.gql(`query { units { id accountCount } }`), 'FORBIDDEN');
      expectErrorCode(await organizer.gql(`query { me { unit { deactivatedReason } } }`), 'FORBIDDEN');
      const admin = await t.login('admin');
      const counted = expectData(await admin.gql(`query { units(kind: DISTRICT_BUREAU) { name accountCount } }`)).units;
      expect(counted.find((u: { name: string }) => u.name === '大洼公安分局').accountCount).toBeGreaterThanOrEqual(1);
    });
  });

  describe('merging duplicate organizers', () => {
    /** An organizer made by 大洼, with an account, an activity and a self-recruited register of one guard. */
    async function organizerWithEverything(idBody: string) {
      const dawa = await t.login('dawa');
      const made = expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput() })).createUnit;
      const activity = expectData(
        await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId: made.unit.id, securityMode: 'SELF_RECRUITED' }) }),
      ).createActivity;
      await t.sql(
        `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone)
         VALUES ($1, $2, $3, '自招', '9999-12-31', 0, '', 'DAWA', '', '')`,
        [made.unit.id, made.unit.name, `SELF-${made.unit.id.replace(/-/g, '')}`],
      );
      await t.sql(
        `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, education) VALUES ($1, '自招保安', $2, $3, '1990-01-01', 'MALE', 'SENIOR_MIDDLE')`,
        [made.unit.id, encryptPii(idBody), idHash(idBody)],
      );
      await t.sql(`INSERT INTO notifications (unit_id, title, body) VALUES ($1, '测试通知', '测试')`, [made.unit.id]);
      return { unit: made.unit, username: made.account.account.username, password: made.account.initialPassword, activity };
    }

    it('moves accounts, activities, notifications and the self-recruited register in one audited step', async () => {
      const source = await organizerWithEverything(`M1${uniq()}`.padEnd(18, '0'));
      const target = await organizerWithEverything(`M2${uniq()}`.padEnd(18, '0'));
      const sourceUser = await firstLogin(source.username, source.password);
      const admin = await t.login('admin');
      const { mergeOrganizerUnits: m } = expectData(await admin.gql(MERGE, { s: source.unit.id, t: target.unit.id }));
      expect(m).toEqual({ unit: { id: target.unit.id, creditCode: target.unit.creditCode }, accounts: 1, activities: 1, guards: 1, rosterEntries: 0, notifications: 1 });
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE unit_id = $1`, [target.unit.id])).toBe(2);
      expect(await count(`SELECT count(*)::int AS n FROM activities WHERE organizer_unit_id = $1`, [target.unit.id])).toBe(2);
      expect(await count(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1`, [target.unit.id])).toBe(2);
      expect(await count(`SELECT count(*)::int AS n FROM companies WHERE id = $1`, [source.unit.id])).toBe(0);
      const [gone] = await t.sql(`SELECT active, merged_into_id FROM units WHERE id = $1`, [source.unit.id]);
      expect(gone).toEqual({ active: false, merged_into_id: target.unit.id });
      // The duplicate's account keeps working, now for the surviving unit and both activities.
      const mine = expectData(await sourceUser.gql(MY_ACTIVITIES)).activities;
      expect(mine.items.map((a: { id: string }) => a.id).sort()).toEqual([source.activity.id, target.activity.id].sort());
      const [entry] = await t.sql(`SELECT summary FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`, [target.unit.id]);
      expect(entry.summary).toContain(`“${source.unit.name}”并入“${target.unit.name}”`);
      expectErrorCode(await admin.gql(MERGE, { s: source.unit.id, t: target.unit.id }), 'CONFLICT');
      // Merged units stay out of the lists, but the administrator sees them with their destination.
      const all = expectData(await admin.gql(UNITS, { kind: 'ORGANIZER', all: true })).units;
      expect(all.find((u: { id: string }) => u.id === source.unit.id)).toMatchObject({ active: false, mergedIntoId: target.unit.id });
    });

    it('moves a register into a survivor that has none, and takes over the credit code the survivor lacks', async () => {
      const source = await organizerWithEverything(`M3${uniq()}`.padEnd(18, '0'));
      const [plain] = await t.sql(`INSERT INTO units (name, kind, district) VALUES ($1, 'ORGANIZER', 'DAWA') RETURNING id`, [`历史主办单位${uniq()}`]);
      const admin = await t.login('admin');
      const { mergeOrganizerUnits: m } = expectData(await admin.gql(MERGE, { s: source.unit.id, t: plain.id }));
      expect(m).toMatchObject({ unit: { id: plain.id, creditCode: source.unit.creditCode }, guards: 1 });
      expect(await count(`SELECT count(*)::int AS n FROM companies WHERE id = $1`, [plain.id])).toBe(1);
    });

    it('refuses non-organizers, merging a unit into itself, and every role but the administrator', async () => {
      const admin = await t.login('admin');
      const organizer1 = await unitIdOf(t, 'organizer1');
      const company1 = await unitIdOf(t, 'company1');
      expectErrorCode(await admin.gql(MERGE, { s: company1, t: organizer1 }), 'BAD_USER_INPUT');
      expectErrorCode(await admin.gql(MERGE, { s: organizer1, t: organizer1 }), 'BAD_USER_INPUT');
      for (const username of ['dahuo', 'dawa', 'baoan', 'organizer1']) {
        expectErrorCode(await (await t.login(username)).gql(MERGE, { s: organizer1, t: await unitIdOf(t, 'organizer2') }), 'FORBIDDEN');
      }
    });

    it('every column that can hold a unit id is one the merge (or the unit itself) handles', async () => {
      const columns: { c: string }[] = await t.sql(
        `SELECT table_name || '.' || column_name AS c FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type = 'uuid'
            AND (column_name LIKE '%unit_id' OR column_name LIKE '%company_id' OR column_name = 'merged_into_id')
          ORDER BY 1`,
      );
      expect(columns.map((r) => r.c)).toEqual([
        'activities.organizer_unit_id',
        'activities.reporter_unit_id',
        'activities.selected_company_id',
        'activity_candidates.company_id',
        'activity_roster_stats.company_id',
        'findings.company_id',
        'guards.company_id',
        'notifications.unit_id',
        'roster_entries.company_id',
        'supervision_notices.unit_id',
        'supervision_reminders.unit_id',
        'units.merged_into_id',
        'users.unit_id',
      ]);
    });
  });

  it('generated initial passwords are 12 characters with every class, and differ', () => {
    const many = Array.from({ length: 200 }, generateInitialPassword);
    expect(new Set(many).size).toBe(200);
    for (const p of many) {
      expect(p).toHaveLength(12);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
      expect(p).toMatch(/[@#%+=?!]/);
    }
  });
});
