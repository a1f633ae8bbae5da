import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { unitOf } from '../../../test/vetting-fixtures';

/**
 * The administrator sees no vetting detail (SPEC §1), yet opens and resets accounts. Whenever it opens
 * an account of a role that reads vetting detail, or resets one's password or second factor, the unit
 * holding the role is told in its own inbox, which the administrator cannot read.
 */
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id username } }`;
const ISSUE = `mutation ($unitId: ID!, $input: NewAccountInput!) { issueUnitAccount(unitId: $unitId, input: $input) { account { id username } } }`;
const RESET_PASSWORD = `mutation ($id: ID!) { resetUserPassword(id: $id, newPassword: "Reset@2026abc") { id } }`;
const RESET_TOTP = `mutation ($id: ID!) { resetUserTotp(id: $id) }`;
const INBOX = `{ notifications(page: { pageSize: 100 }) { items { title body } } }`;

describe('the administrator’s hand on accounts that read vetting detail is seen by their unit', () => {
  let t: TestApp;
  let admin: TestClient;
  let baoan: TestClient;
  const titles = async (client: TestClient) => (expectData(await client.gql(INBOX)).notifications.items as { title: string }[]).map((n) => n.title);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    baoan = await t.login('baoan');
  });
  afterAll(() => t?.close());

  it('tells 保安管理支队 of a new account, an issued account, a password reset and a second-factor reset by the administrator', async () => {
    const unitId = await unitOf(t, 'baoan');
    const created = expectData(
      await admin.gql(CREATE_USER, { input: { username: 'watch_sd1', displayName: '新警官', role: 'SECURITY_DETACHMENT', unitId, initialPassword: 'Start@2026abc' } }),
    ).createUser;
    const issued = expectData(await admin.gql(ISSUE, { unitId, input: { username: 'watch_sd2', displayName: '另一警官' } })).issueUnitAccount.account;
    expectData(await admin.gql(RESET_PASSWORD, { id: created.id }));
    expectData(await admin.gql(RESET_TOTP, { id: issued.id }));
    const seen = await titles(baoan);
    for (const title of ['系统管理员新建账号：watch_sd1', '系统管理员开设账号：watch_sd2', '系统管理员重置密码：watch_sd1', '系统管理员重置两步验证：watch_sd2']) {
      expect(seen).toContain(title);
    }
    const [body] = (expectData(await baoan.gql(INBOX)).notifications.items as { title: string; body: string }[]).filter((n) => n.title.endsWith('watch_sd1'));
    expect(body.body).toContain('报告安全审计员');
    // Not in the administrator's own inbox: it cannot read or clear the warning.
    expect((await titles(admin)).some((x) => x.includes('watch_sd'))).toBe(false);
  });

  it('tells the auditor of every account the administrator opens or resets, whatever its role; and the holder unit’s accounts of that role only (review 8-B F2, F3)', async () => {
    const auditor = await t.login('auditor');
    const officeUnit = await unitOf(t, 'office');
    const office = expectData(await admin.gql(ISSUE, { unitId: officeUnit, input: { username: 'watch_office', displayName: '办公室新人' } })).issueUnitAccount.account;
    expectData(await admin.gql(RESET_PASSWORD, { id: office.id }));
    expect(await titles(auditor)).toEqual(expect.arrayContaining(['系统管理员开设账号：watch_office', '系统管理员重置密码：watch_office']));
    const officer = await t.login('office');
    const [told] = (expectData(await officer.gql(INBOX)).notifications.items as { title: string; body: string }[]).filter((n) => n.title === '系统管理员开设账号：watch_office');
    expect(told.body).toContain('该账号可以本单位名义查阅和办理领导小组办公室的业务');

    // A leader account the administrator opens in the detachment can neither read nor clear the detachment's warning
    const sdUnit = await unitOf(t, 'baoan');
    expectData(await admin.gql(CREATE_USER, { input: { username: 'watch_leader', displayName: '支队领导', role: 'LEADER', unitId: sdUnit, initialPassword: 'Start@2026abc' } }));
    const issued = expectData(await admin.gql(ISSUE, { unitId: sdUnit, input: { username: 'watch_sd4', displayName: '第四警官' } })).issueUnitAccount.account;
    const [warning] = await t.sql(`SELECT id FROM notifications WHERE title = $1 AND unit_id = $2`, ['系统管理员开设账号：watch_sd4', sdUnit]);
    const leader = await t.login('watch_leader', 'Start@2026abc');
    expectData(await leader.gql(`mutation { changePassword(input: { currentPassword: "Start@2026abc", newPassword: "Start@2026xyz" }) { id } }`));
    expect(await titles(leader)).not.toContain('系统管理员开设账号：watch_sd4');
    expect(expectData(await leader.gql(`mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: [warning.id] })).markNotificationsRead).toBe(0);
    expect(expectData(await leader.gql(`mutation { markNotificationsRead(ids: []) }`)).markNotificationsRead).toBeGreaterThanOrEqual(0);
    expect((await t.sql(`SELECT read_at FROM notifications WHERE id = $1`, [warning.id]))[0].read_at).toBeNull();
    expect(await titles(baoan)).toContain('系统管理员开设账号：watch_sd4');
    expect(issued.username).toBe('watch_sd4');
  });

  it('says nothing when the detachment opens a company’s first account; tells the company when the police add another to it (review 8-B F4)', async () => {
    const before = (await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE title LIKE '系统管理员%'`))[0].n;
    expectData(await baoan.gql(ISSUE, { unitId: await unitOf(t, 'company1'), input: { username: 'watch_co', displayName: '公司新人' } }));
    expect((await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE title LIKE '系统管理员%'`))[0].n).toBe(before);
    const company = await t.login('company1');
    const [told] = (expectData(await company.gql(INBOX)).notifications.items as { title: string; body: string }[]).filter((n) => n.title.endsWith('watch_co'));
    expect(told.title).toBe('市公安局保安管理支队为本单位开设账号：watch_co');
    expect(told.body).toContain('使用人 公司新人');
    expect(told.body).toContain('如非本单位申请');
    // and the company sees every account in its name, with who opened it
    const accounts = expectData(await company.gql(`{ myUnitAccounts { username displayName role active openedBy } }`)).myUnitAccounts;
    expect(accounts).toContainEqual({ username: 'watch_co', displayName: '公司新人', role: 'COMPANY', active: true, openedBy: expect.stringContaining('市公安局保安管理支队') });
    expect(accounts.map((a: { username: string }) => a.username)).toContain('company1');
    expect(accounts.every((a: { role: string }) => a.role === 'COMPANY')).toBe(true);
  });

  it('the administrator cannot make a second 保安管理支队 to open a detail-reading account in, on either path; the detachment and the auditor are told of every such account (review 6 A-F1)', async () => {
    const CREATE_UNIT = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { unit { id } account { account { username } } } }`;
    const units = async () => (await t.sql(`SELECT count(*)::int AS n FROM units WHERE kind = 'SECURITY_DETACHMENT'`))[0].n;
    const accounts = async () => (await t.sql(`SELECT count(*)::int AS n FROM users WHERE role = 'SECURITY_DETACHMENT'`))[0].n;
    const [unitsBefore, accountsBefore] = [await units(), await accounts()];
    for (const input of [
      { kind: 'SECURITY_DETACHMENT', name: '市公安局保安管理支队审计组', account: { username: 'shadow_sd1', displayName: '影子' } },
      { kind: 'SECURITY_DETACHMENT', name: '市公安局保安管理支队二大队' },
    ]) {
      const refused = expectErrorCode(await admin.gql(CREATE_UNIT, { input }), 'CONFLICT');
      expect(refused.message).toBe('全市只有一个保安管理支队（首次启动时已建立），不能另建');
      expect(refused.extensions?.fields?.[0]?.field).toBe('kind');
    }
    expect(await units()).toBe(unitsBefore);
    expect(await accounts()).toBe(accountsBefore);
    // an inactive second one is no way round either: the database holds one, whatever its state
    await expect(t.sql(`INSERT INTO units (kind, name, active) VALUES ('SECURITY_DETACHMENT', '停用的支队', false)`)).rejects.toMatchObject({ code: '23505' });

    // Every detail-reading account the administrator opens: the detachment and the security auditor are told
    const auditor = await t.login('auditor');
    expectData(await admin.gql(ISSUE, { unitId: await unitOf(t, 'baoan'), input: { username: 'watch_sd3', displayName: '第三警官' } }));
    expect(await titles(baoan)).toContain('系统管理员开设账号：watch_sd3');
    expect(await titles(auditor)).toContain('系统管理员开设账号：watch_sd3');
    expect((await titles(admin)).some((x) => x.includes('watch_sd3'))).toBe(false);
  });
});
