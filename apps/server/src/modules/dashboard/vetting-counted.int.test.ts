import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';

/**
 * One rule for the roster entries vetting figures count (overview.sql.ts `vettingCountedExpr`): those
 * on the roster, and those found unfit. A company cannot inflate its figures by adding and removing a
 * guard whose earlier pass is reused (review 9-B F1), and the home page counts what the roster and the
 * 审核通报 hold (F4).
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision reused } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const PASS_ALL = `mutation($id: ID!) { passAllClean(activityId: $id) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const REPLACE = `mutation ($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id decision } }`;
const PERFORMANCE = `query ($id: ID!) { company(id: $id) { performance { vettingDecided vettingFailed vettingFailureRate } } }`;
const OVERVIEW = `query ($range: DateRangeInput!) { overview(range: $range) { headline { guardsVetted guardsPassed guardsPending vettingPassRate } } }`;
const HOME = `query { myHome { activities { code vettingPassed vettingFailed vettingPending } } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { counts { passed failed pending } entries { decision removed replaced } } }`;

/** Beijing date, `days` from today. */
const cnDate = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const RANGE = { from: cnDate(-400), to: cnDate(400) };

describe('vetting figures count the roster and the failures, not reused passes taken off again (review 9-B F1, F4)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let leader: TestClient;
  let organizer: TestClient;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await unitOf(t, 'organizer1');
    [baoan, company, leader, organizer] = await Promise.all([t.login('baoan'), t.login('company1'), t.login('leader'), t.login('organizer1')]);
  });
  afterAll(() => t?.close());

  let seq = 0;
  const newActivity = () =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 5, startsAt: new Date(Date.now() + (20 + ++seq) * 86400_000).toISOString() });
  const submit = async (activityId: string, guardIds: string[]) =>
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries as { id: string; guardId: string; decision: string; reused: boolean }[];
  const fail = async (entryId: string) => {
    const [{ version }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [entryId]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entryId], decision: 'FAILED', reasonCategory: 'OTHER', note: '考察发现不宜上岗', expectedVersions: [version] } }));
  };
  const performance = async () => expectData(await baoan.gql(PERFORMANCE, { id: companyId })).company.performance;
  const headline = async () => expectData(await leader.gql(OVERVIEW, { range: RANGE })).overview.headline;

  /** The kept summary against a count made here from the roster entries, for every activity. */
  async function summaryEqualsDirectCount(): Promise<void> {
    const key = `activity_id::text || '/' || company_id::text || '/' || decision::text || '/' || coalesce(reason_category::text, '-')`;
    const kept: { k: string; n: number }[] = await t.sql(`SELECT ${key} AS k, sum(count)::int AS n FROM activity_roster_stats GROUP BY 1 ORDER BY 1`);
    const direct: { k: string; n: number }[] = await t.sql(
      `SELECT ${key} AS k, count(*)::int AS n FROM roster_entries WHERE state = 'ACTIVE' OR decision = 'FAILED' GROUP BY 1 ORDER BY 1`,
    );
    expect(kept).toEqual(direct);
    expect(kept.length).toBeGreaterThan(0);
  }

  it('taking a reused pass off the roster and putting it back, again and again, moves neither the performance nor the overview', async () => {
    const g = await makeGuard(t, companyId, { name: '付复用' });
    const first = await newActivity();
    await submit(first, [g.id]);
    expectData(await baoan.gql(PASS_ALL, { id: first }));

    const second = await newActivity();
    const perfBefore = await performance();
    const headBefore = await headline();
    expect(perfBefore.vettingDecided).toBeGreaterThan(0);
    for (let cycle = 0; cycle < 3; cycle++) {
      const [entry] = await submit(second, [g.id]);
      // The earlier pass is reused: a copy of a decision, not a new one.
      expect(entry).toMatchObject({ decision: 'PASSED', reused: true });
      expectData(await company.gql(REMOVE, { e: entry.id }));
    }
    const [{ n: removedPasses }] = await t.sql(
      `SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1 AND state = 'REMOVED' AND decision = 'PASSED'`,
      [second],
    );
    expect(removedPasses).toBe(3);
    expect(await performance()).toEqual(perfBefore);
    expect(await headline()).toEqual(headBefore);
    await summaryEqualsDirectCount();

    // The same guard kept on the roster counts once, as any guard on it does.
    await submit(second, [g.id]);
    const perfAfter = await performance();
    expect(perfAfter.vettingDecided).toBe(perfBefore.vettingDecided + 1);
    expect(perfAfter.vettingFailed).toBe(perfBefore.vettingFailed);
    const headAfter = await headline();
    expect([headAfter.guardsVetted, headAfter.guardsPassed]).toEqual([headBefore.guardsVetted + 1, headBefore.guardsPassed + 1]);
    await summaryEqualsDirectCount();
  });

  it('a failure taken off or replaced still counts against the company; a pass taken off does not', async () => {
    const [stay, leave, unfit, spare] = await Promise.all(['甲留任', '乙离职', '丙不宜', '丁替补'].map((name) => makeGuard(t, companyId, { name })));
    const perfBefore = await performance();
    const headBefore = await headline();
    // The organizer and the company have a few open activities: this one is on their home lists (up to 20).
    const activityId = await newActivity();
    const [{ code }] = await t.sql(`SELECT code FROM activities WHERE id = $1`, [activityId]);
    const entries = await submit(activityId, [stay.id, leave.id, unfit.id]);
    const entryOf = (guardId: string) => entries.find((e) => e.guardId === guardId)!.id;
    await fail(entryOf(unfit.id));
    expectData(await baoan.gql(PASS_ALL, { id: activityId }));
    // A cleared guard leaves; the unfit one is replaced by a spare not yet decided.
    expectData(await company.gql(REMOVE, { e: entryOf(leave.id) }));
    expect(expectData(await company.gql(REPLACE, { e: entryOf(unfit.id), g: spare.id })).replaceRosterEntry.decision).toBe('PENDING');

    // On the roster: 1 passed, 1 pending; off it: 1 failed (counted) and 1 passed (not).
    const expected = { code, vettingPassed: 1, vettingFailed: 1, vettingPending: 1 };
    for (const who of [organizer, company]) {
      const rows = expectData(await who.gql(HOME)).myHome.activities as { code: string }[];
      expect(rows.find((a) => a.code === code)).toEqual(expected);
    }
    // The 审核通报 says the same: passed and pending on the roster, and the replaced failure.
    const notice = expectData(await baoan.gql(SUMMARY, { id: activityId })).vettingSummary;
    expect(notice.counts).toMatchObject({ passed: 1, pending: 1 });
    expect(notice.entries.filter((e: { decision: string }) => e.decision === 'FAILED')).toEqual([{ decision: 'FAILED', removed: true, replaced: true }]);
    expect(notice.entries).toHaveLength(3);

    // Performance and overview: two decisions more (the pass on the roster, the failure), one failed.
    const perfAfter = await performance();
    expect([perfAfter.vettingDecided, perfAfter.vettingFailed]).toEqual([perfBefore.vettingDecided + 2, perfBefore.vettingFailed + 1]);
    const headAfter = await headline();
    expect([headAfter.guardsVetted, headAfter.guardsPassed, headAfter.guardsPending]).toEqual([
      headBefore.guardsVetted + 2, headBefore.guardsPassed + 1, headBefore.guardsPending + 1,
    ]);
    await summaryEqualsDirectCount();
  });
});
