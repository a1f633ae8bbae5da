import { createTestApp, expectData, TestApp } from '../../../test/harness';
import { ensureCompany, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';

const TIMELINE = /* GraphQL */ `query ($id: ID!) { activityTimeline(activityId: $id) { entries { at kind title detail actorName } } }`;
const SYSTEM = '系统（条件满足自动办理）';

/**
 * A vetting decision no officer made (a reused pass the guard's own records now bar: the system's
 * 不通过) is the system's in the 台账, never blank, and the organizer's count of failures does not
 * credit it to an officer who decided in the same minute.
 */
describe('the 台账 names the system for a decision no officer made', () => {
  let t: TestApp;
  let activityId: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    const organizerUnit = await unitOf(t, 'organizer1');
    activityId = await makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, status: 'VETTING', guardsRequired: 3 });
    [{ id: officer }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
    const bySystem = await makeGuard(t, companyId, { name: '系统判定人' });
    const byOfficer = await makeGuard(t, companyId, { name: '民警判定人' });
    for (const [guard, decidedBy] of [[bySystem, null], [byOfficer, officer]] as const) {
      await t.sql(
        `INSERT INTO roster_entries (activity_id, company_id, guard_id, decision, reason_category, decided_by, decided_at, checked_at)
         VALUES ($1, $2, $3, 'FAILED', 'OWN_RECORD', $4, date_trunc('minute', now()) + interval '10 seconds', now())`,
        [activityId, companyId, guard.id, decidedBy],
      );
    }
  });
  afterAll(() => t?.close());

  const decisions = async (username: string) =>
    expectData(await (await t.login(username)).gql(TIMELINE, { id: activityId })).activityTimeline.entries
      .filter((e: { kind: string }) => e.kind === 'VETTING_DECISION')
      .map((e: { title: string; actorName: string | null }) => [e.title, e.actorName])
      .sort();

  it('保安管理支队 and the company read who decided each (the company the officer’s unit: review 11-B F2)', async () => {
    const [who] = await t.sql(`SELECT u.display_name AS person, n.name AS unit FROM users u JOIN units n ON n.id = u.unit_id WHERE u.id = $1`, [officer]);
    expect(await decisions('baoan')).toEqual([['民警判定人：审核不通过', `${who.person}（${who.unit}）`], ['系统判定人：审核不通过', SYSTEM]].sort());
    expect(await decisions('company1')).toEqual([['民警判定人：审核不通过', who.unit], ['系统判定人：审核不通过', SYSTEM]].sort());
  });

  it('the organizer reads counts, one line per decider: the system’s failure is not the officer’s', async () => {
    const rows = await decisions('organizer1');
    expect(rows).toHaveLength(2);
    expect(rows.map((r: string[]) => r[0])).toEqual(['1名保安员审核不通过', '1名保安员审核不通过']);
    expect(rows.map((r: string[]) => r[1])).toContain(SYSTEM);
  });
});
