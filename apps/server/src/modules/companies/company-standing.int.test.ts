import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';

/**
 * A company suspended (停业整顿) or revoked after it was selected serves no further step: no roster,
 * no replacement, no start on site (SPEC §4, 条例第八条); the organizer and the office are told.
 */
const STATUS = `mutation ($id: ID!, $status: CompanyStatus!, $reason: String!) { setCompanyStatus(id: $id, status: $status, reason: $reason) { id status } }`;
const SUBMIT = `mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id } } }`;
const REPLACE = `mutation ($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id } }`;
const START = `mutation ($id: ID!) { startActivity(id: $id) { id status } }`;

describe('a selected company that is suspended or revoked goes no further', () => {
  let t: TestApp;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await createCompanyWithGuards(t, '停业测试保安服务有限公司', 6, { username: 'standing_co' });
    [{ id: organizerUnit }] = await t.sql(`SELECT unit_id AS id FROM users WHERE username = 'organizer1'`);
  });
  afterAll(() => t?.close());

  it('refuses the roster, a replacement and the start with the reason, stores nothing, and tells the organizer and the office', async () => {
    const company = await t.login('standing_co');
    const baoan = await t.login('baoan');
    const vetting = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 1, cleared: 1, failed: 1, organizerUnitId: organizerUnit });
    const ready = await createActivityWithRoster(t, { status: 'READY', companyId, guardsRequired: 1, cleared: 1, startsInHours: 2 });
    await trainAll(t, ready.id);
    const [spare] = await t.sql(
      `SELECT id FROM guards WHERE company_id = $1 AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.guard_id = guards.id) ORDER BY id LIMIT 1`,
      [companyId],
    );
    const [failed] = await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [vetting.id]);

    expect(expectData(await baoan.gql(STATUS, { id: companyId, status: 'SUSPENDED', reason: '违规经营，停业整顿' })).setCompanyStatus.status).toBe('SUSPENDED');
    const before = (await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1`, [vetting.id]))[0].n;
    for (const [result, doing] of [
      [await company.gql(SUBMIT, { input: { activityId: vetting.id, guardIds: [spare.id] } }), '不能上报名单'],
      [await company.gql(REPLACE, { e: failed.id, g: spare.id }), '不能替换人员'],
      [await baoan.gql(START, { id: ready.id }), '不能开始现场监管'],
    ] as const) {
      const refused = expectErrorCode(result, 'CONFLICT');
      expect(refused.message).toContain('停业整顿');
      expect(refused.message).toContain('违规经营');
      expect(refused.message).toContain(doing);
    }
    expect((await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1`, [vetting.id]))[0].n).toBe(before);
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [ready.id]))[0].status).toBe('READY');
    const told = await t.sql(
      `SELECT u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1 AND n.title LIKE '中选公司状态变更%'`,
      [vetting.id],
    );
    expect(told.map((r: { kind: string }) => r.kind).sort()).toEqual(['LEADING_GROUP_OFFICE', 'ORGANIZER']);
    // and the activity says so to whoever opens it (review 7-B F2)
    const WARNINGS = `query ($id: ID!) { activity(id: $id) { warnings { code message } } }`;
    for (const reader of [baoan, await t.login('organizer1')]) {
      expect(expectData(await reader.gql(WARNINGS, { id: vetting.id })).activity.warnings).toContainEqual({
        code: 'SELECTED_COMPANY_NOT_ACTIVE',
        message: '中选公司“停业测试保安服务有限公司”已被变更为“暂停”（违规经营，停业整顿），不能继续上报名单、替换人员或开始现场监管；请与保安管理支队商定后续安排',
      });
    }

    // Active again: the same start goes through.
    expectData(await baoan.gql(STATUS, { id: companyId, status: 'ACTIVE', reason: '整改完毕' }));
    expect(expectData(await baoan.gql(START, { id: ready.id })).startActivity.status).toBe('IN_PROGRESS');
  });

  it('refuses the roster, a replacement and the start once the licence no longer covers the activity’s end, and warns on the activity', async () => {
    const co = await createCompanyWithGuards(t, '许可证测试保安服务有限公司', 6, { username: 'licence_co' });
    const company = await t.login('licence_co');
    const baoan = await t.login('baoan');
    const vetting = await createActivityWithRoster(t, { status: 'VETTING', companyId: co, guardsRequired: 1, cleared: 1, failed: 1 });
    const ready = await createActivityWithRoster(t, { status: 'READY', companyId: co, guardsRequired: 1, cleared: 1, startsInHours: 2 });
    await trainAll(t, ready.id);
    const [spare] = await t.sql(
      `SELECT id FROM guards WHERE company_id = $1 AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.guard_id = guards.id) ORDER BY id LIMIT 1`,
      [co],
    );
    const [failed] = await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [vetting.id]);
    const WARNINGS = `query ($id: ID!) { activity(id: $id) { warnings { code message } } }`;
    const licenceWarning = async (id: string) => expectData(await baoan.gql(WARNINGS, { id })).activity.warnings.find((w: { code: string }) => w.code === 'LICENSE_EXPIRES');
    expect(await licenceWarning(ready.id)).toBeUndefined();

    // The licence runs out the day before the activity ends (its end date in Beijing time).
    const [{ d }] = await t.sql(`SELECT to_char((ends_at AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD') AS d FROM activities WHERE id = $1`, [ready.id]);
    await t.sql(`UPDATE companies SET license_expiry = $2 WHERE id = $1`, [co, d]);
    const before = (await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1`, [vetting.id]))[0].n;
    for (const [result, doing] of [
      [await company.gql(SUBMIT, { input: { activityId: vetting.id, guardIds: [spare.id] } }), '不能上报名单'],
      [await company.gql(REPLACE, { e: failed.id, g: spare.id }), '不能替换人员'],
      [await baoan.gql(START, { id: ready.id }), '不能开始现场监管'],
    ] as const) {
      const refused = expectErrorCode(result, 'CONFLICT');
      expect(refused.message).toContain('保安服务许可证');
      expect(refused.message).toContain(doing);
    }
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [ready.id]))[0].status).toBe('READY');
    expect((await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1`, [vetting.id]))[0].n).toBe(before);
    expect((await licenceWarning(ready.id)).message).toContain(`${d} 到期`);

    // Renewed through the end: the same start goes through, and the warning is gone.
    await t.sql(`UPDATE companies SET license_expiry = $2 WHERE id = $1`, [co, '2099-12-31']);
    expect(await licenceWarning(ready.id)).toBeUndefined();
    expect(expectData(await baoan.gql(START, { id: ready.id })).startActivity.status).toBe('IN_PROGRESS');
  });
});
