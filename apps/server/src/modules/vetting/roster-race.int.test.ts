import { createTestApp, expectData, TestApp } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';

/**
 * One person on two rosters of overlapping activities is flagged (SPEC §5 pre-check OVERLAP), also
 * when both rosters are sent at the same moment: the guard's row is locked while a roster takes it,
 * so the second submission is checked after the first and sees it (SPEC §8).
 */
const SUBMIT = `mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id } } }`;

describe('two rosters taking the same person at once', () => {
  let t: TestApp;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await createCompanyWithGuards(t, '并发名单测试保安服务有限公司', 12, { username: 'race_co' });
  });
  afterAll(() => t?.close());

  it('flags the person on one of the two overlapping rosters however the submissions interleave', async () => {
    const company = await t.login('race_co');
    const guards: { id: string }[] = await t.sql(`SELECT id FROM guards WHERE company_id = $1 ORDER BY id LIMIT 6`, [companyId]);
    for (const [round, guard] of guards.entries()) {
      const a = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 5, cleared: 0, startsInDays: 10 + round, name: `并发A${round}` });
      const b = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 5, cleared: 0, startsInDays: 10 + round, name: `并发B${round}` });
      const results = await Promise.all([a.id, b.id].map((activityId) => company.gql(SUBMIT, { input: { activityId, guardIds: [guard.id] } })));
      // both stored (or one refused as a conflict): never both clean
      const ok = results.filter((r) => !r.errors);
      for (const r of ok) expectData(r);
      const entries: { activity_id: string; problems: { code: string }[] }[] = await t.sql(
        `SELECT activity_id, precheck_problems AS problems FROM roster_entries WHERE guard_id = $1 AND state = 'ACTIVE'`,
        [guard.id],
      );
      expect(entries.length).toBe(ok.length);
      if (entries.length === 2) {
        const flagged = entries.filter((e) => (e.problems ?? []).some((p) => p.code === 'OVERLAP'));
        expect(flagged.length).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
