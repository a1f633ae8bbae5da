import { expectData, expectErrorCode, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { idFor, makeActivity, makeGuard, vettingParties } from '../../../test/vetting-fixtures';

/**
 * 审查直系亲属 (vetting.checkRelatives) switched off or on is told to the leading group's office and the
 * detachment (red-team K1's follow-up: before, its one trace was an audit line), and each entry shows the
 * detachment whether its check looked at the relatives.
 */
const NOTICES = `query { notifications(unreadOnly: false) { items { title body link } } }`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id } } }`;
const ENTRY = `query($id: ID!) { rosterEntry(id: $id) { id relativesChecked suggestionReason } }`;
const ENTRIES = `query($a: ID!) { rosterEntries(activityId: $a) { items { id relativesChecked } } }`;
type Notice = { title: string; body: string; link: string | null };

describe('审查直系亲属 switched: told to the office and the detachment, shown per entry', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;
  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(async () => {
    await baoan?.gql(UPDATE_SETTINGS, { changes: [{ key: 'vetting.checkRelatives', value: true }] });
    await t?.close();
  });

  const notices = async (username: string): Promise<Notice[]> => expectData(await (await t.login(username)).gql(NOTICES)).notifications.items;
  const about = (items: Notice[]) => items.filter((n) => n.title.includes('审查直系亲属'));
  const setRelatives = async (value: boolean) => expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'vetting.checkRelatives', value }] }));

  it('off: the office and the detachment are told, nobody else; an entry checked meanwhile reads relativesChecked false; on again: told with the count to check again', async () => {
    await setRelatives(false);
    const off = about(await notices('baoan'));
    expect(off[0]).toEqual({ title: '“审查直系亲属”已关闭', body: expect.stringContaining('只比对保安员本人的记录，不比对其直系亲属'), link: '/vetting' });
    expect(about(await notices('office'))[0]).toMatchObject({ title: '“审查直系亲属”已关闭', link: null });
    for (const username of ['company1', 'organizer1', 'dawa', 'leader']) expect(about(await notices(username))).toEqual([]);

    const activityId = await makeActivity(t, {
      selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 5, name: '亲属开关通知测试',
      startsAt: new Date(t.clock.now().getTime() + 40 * 86400_000).toISOString(),
    });
    const g = await makeGuard(t, companyId, { name: '关闭期间', relatives: [{ relation: 'FATHER', name: '关闭期间父', idNumber: idFor('1960-01-01') }] as never, relativesStatement: null });
    const [entry] = expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [g.id] } })).submitRoster.entries;
    expect(expectData(await baoan.gql(ENTRY, { id: entry.id })).rosterEntry).toMatchObject({ relativesChecked: false, suggestionReason: expect.stringContaining('未审查直系亲属') });
    expect(expectData(await baoan.gql(ENTRIES, { a: activityId })).rosterEntries.items).toEqual([{ id: entry.id, relativesChecked: false }]);
    // the company reads its own entry, but not this field
    expect(expectErrorCode(await company.gql(ENTRY, { id: entry.id }), 'FORBIDDEN')).toBeTruthy();

    // an update that leaves the setting as it is tells nobody again
    const before = about(await notices('office')).length;
    await setRelatives(false);
    expect(about(await notices('office'))).toHaveLength(before);

    await setRelatives(true);
    const [on] = about(await notices('baoan'));
    expect(on.title).toBe('“审查直系亲属”已开启');
    expect(on.body).toContain('关闭期间比对的1名待审核人员未审查直系亲属，须在背景审核页“重新比对”后方可通过');
    expect(about(await notices('office'))[0].title).toBe('“审查直系亲属”已开启');

    // checked again, the entry reads true
    const RECHECK = `mutation($a: ID!) { recheckVetting(activityId: $a) }`;
    expect(expectData(await baoan.gql(RECHECK, { a: activityId })).recheckVetting).toBe(1);
    expect(expectData(await baoan.gql(ENTRY, { id: entry.id })).rosterEntry.relativesChecked).toBe(true);
  });

  it('a refused settings change tells nobody', async () => {
    const before = about(await notices('office')).length;
    const r = await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'vetting.checkRelatives', value: false }, { key: 'guard.maxAge', value: 5 }] });
    expectErrorCode(r, 'BAD_USER_INPUT');
    expect(about(await notices('office'))).toHaveLength(before);
  });
});

describe('two-step login switched off for a role by ADMIN: that role’s accounts are told (red team 4 observation)', () => {
  let t: TestApp;
  const POLICY = /* GraphQL */ `mutation ($c: [SettingChangeInput!]!) { updateSecuritySettings(changes: $c) { key value } }`;
  beforeAll(async () => ({ t } = await vettingParties()));
  afterAll(() => t?.close());
  const about = async (username: string): Promise<Notice[]> =>
    (expectData(await (await t.login(username)).gql(NOTICES)).notifications.items as Notice[]).filter((n) => n.title.startsWith('两步验证'));

  it('on, then off: the detachment’s accounts read both; other roles nothing; the same value again or a refused change tells nobody', async () => {
    const admin = await t.login('admin');
    const set = async (value: boolean) => expectData(await admin.gql(POLICY, { c: [{ key: 'security.totpRequired.SECURITY_DETACHMENT', value }] }));
    // the demo data the tests start from has it off (database/seed/index.ts)
    await set(true);
    await set(false);
    const [off, on] = await about('baoan');
    expect(off).toEqual({ title: '两步验证已改为可不启用', body: expect.stringContaining('已取消“两步验证（动态验证码）必须启用：保安管理支队”'), link: '/account' });
    expect(on.title).toBe('两步验证已改为必须启用');
    for (const username of ['office', 'company1', 'dawa', 'leader']) expect(await about(username)).toEqual([]);
    await set(false);
    expectErrorCode(await admin.gql(POLICY, { c: [{ key: 'security.totpRequired.SECURITY_DETACHMENT', value: true }, { key: 'security.passwordMaxAgeDays', value: 5 }] }), 'BAD_USER_INPUT');
    expect(await about('baoan')).toHaveLength(2);
  });
});
