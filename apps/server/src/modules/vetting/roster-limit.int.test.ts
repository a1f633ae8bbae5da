import { createTestApp, expectData, TestApp } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';
import { rosterLimit } from '@evs/schema';

/**
 * A roster is the guards required and their reserves, not the company's register: past
 * `rosterLimit(guardsRequired)` entries (failed ones not counted) a submission is refused whole, with
 * the limit named, and nothing is stored — not on the first submission, not by adding in small steps.
 */
const SUBMIT = `mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id } } }`;

describe('the size of a roster', () => {
  let t: TestApp;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await createCompanyWithGuards(t, '名单上限测试保安服务有限公司', 20, { username: 'limit_co' });
  });
  afterAll(() => t?.close());

  const active = async (activityId: string) =>
    (await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE'`, [activityId]))[0].n as number;
  const audits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'RosterEntry'`))[0].n as number;

  it('refuses a roster past twice the guards required plus ten (failed entries not counted), naming the limit, and stores nothing', async () => {
    expect(rosterLimit(2)).toBe(14);
    const company = await t.login('limit_co');
    // two entries failed already: they do not count against the limit
    const activity = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 2, cleared: 0, failed: 2, startsInDays: 20 });
    const free: string[] = (
      await t.sql(
        `SELECT id FROM guards WHERE company_id = $1 AND id NOT IN (SELECT guard_id FROM roster_entries WHERE activity_id = $2) ORDER BY id`,
        [companyId, activity.id],
      )
    ).map((g: { id: string }) => g.id);
    expect(free.length).toBeGreaterThanOrEqual(16);

    const auditsBefore = await audits();
    const tooMany = await company.gql(SUBMIT, { input: { activityId: activity.id, guardIds: free.slice(0, 15) } });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toBe('名单人数超过上限：本活动所需保安员2人，名单（不含审核不通过人员）最多14人，现有0人，本次上报15人');
    expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'guardIds', message: tooMany.errors?.[0].message }]);
    expect(await active(activity.id)).toBe(2);
    expect(await audits()).toBe(auditsBefore);

    // up to the limit: stored
    expectData(await company.gql(SUBMIT, { input: { activityId: activity.id, guardIds: free.slice(0, 14) } }));
    expect(await active(activity.id)).toBe(16);

    // one more, added later: refused the same way
    const oneMore = await company.gql(SUBMIT, { input: { activityId: activity.id, guardIds: [free[14]] } });
    expect(oneMore.errors?.[0].message).toBe('名单人数超过上限：本活动所需保安员2人，名单（不含审核不通过人员）最多14人，现有14人，本次上报1人');
    expect(await active(activity.id)).toBe(16);
  });
});
