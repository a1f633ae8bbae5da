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

    // Active again: the same start goes through.
    expectData(await baoan.gql(STATUS, { id: companyId, status: 'ACTIVE', reason: '整改完毕' }));
    expect(expectData(await baoan.gql(START, { id: ready.id })).startActivity.status).toBe('IN_PROGRESS');
  });
});
