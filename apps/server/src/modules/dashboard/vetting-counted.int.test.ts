import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, makeActivity, makeGuard, passAllSeen, unitOf } from '../../../test/vetting-fixtures';

/**
 * One rule for the roster entries vetting figures count (overview.sql.ts `vettingCountedExpr`): those
 * on the roster, and those found unfit. A company cannot inflate its figures by adding and removing a
 * guard whose earlier pass is reused (review 9-B F1), nor its performance by keeping reused passes on a
 * roster (review 9 C5: only decisions made in an activity count there). One activity's figures are its
 * roster's as it stands, on the home page as in the 审核通报 (`onRosterExpr`; review 9-B F4, review 10 R10-4).
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision reused } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const REPLACE = `mutation ($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id decision } }`;
const PERFORMANCE = `query ($id: ID!) { company(id: $id) { performance { vettingDecided vettingFailed vettingFailureRate } } }`;
const OVERVIEW = `query ($range: DateRangeInput!) { overview(range: $range) { headline { guardsVetted guardsPassed guardsPending vettingPassRate } } }`;
const HOME = `query { myHome { activities { code vettingPassed vettingFailed vettingPending } } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { counts { total passed failed pending } reasonCounts { reasonCategory count }
  entries { decision reasonCategory removed replaced } } }`;

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
  const newActivity = (guardsRequired = 5) =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired, startsAt: new Date(Date.now() + (20 + ++seq) * 86400_000).toISOString() });
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
    const key = (reused: string) =>
      `activity_id::text || '/' || company_id::text || '/' || decision::text || '/' || coalesce(reason_category::text, '-') || '/' || ${reused}::text`;
    const kept: { k: string; n: number }[] = await t.sql(`SELECT ${key('reused')} AS k, sum(count)::int AS n FROM activity_roster_stats GROUP BY 1 ORDER BY 1`);
    const direct: { k: string; n: number }[] = await t.sql(
      `SELECT ${key('(reused_from_entry_id IS NOT NULL)')} AS k, count(*)::int AS n FROM roster_entries WHERE state = 'ACTIVE' OR decision = 'FAILED' GROUP BY 1 ORDER BY 1`,
    );
    expect(kept).toEqual(direct);
    expect(kept.length).toBeGreaterThan(0);
  }

  it('taking a reused pass off the roster and putting it back, again and again, moves neither the performance nor the overview', async () => {
    const g = await makeGuard(t, companyId, { name: '付复用' });
    const first = await newActivity();
    await submit(first, [g.id]);
    await passAllSeen(baoan, first);

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

    // The same guard kept on the roster counts once in the activity's figures, as any guard on it does,
    // but the copy of an earlier pass is no decision in the company's performance (review 9 C5).
    await submit(second, [g.id]);
    expect(await performance()).toEqual(perfBefore);
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
    await passAllSeen(baoan, activityId);
    // A cleared guard leaves; the unfit one is replaced by a spare not yet decided.
    expectData(await company.gql(REMOVE, { e: entryOf(leave.id) }));
    expect(expectData(await company.gql(REPLACE, { e: entryOf(unfit.id), g: spare.id })).replaceRosterEntry.decision).toBe('PENDING');

    // On the roster: 1 passed, 1 pending, no failure; off it: 1 failed (replaced) and 1 passed (left).
    // The home page gives the roster as it stands, as the 审核通报 and the vetting page do (review 10 R10-4).
    const expected = { code, vettingPassed: 1, vettingFailed: 0, vettingPending: 1 };
    for (const who of [organizer, company]) {
      const rows = expectData(await who.gql(HOME)).myHome.activities as { code: string }[];
      expect(rows.find((a) => a.code === code)).toEqual(expected);
    }
    for (const who of [organizer, company, baoan]) {
      const notice = expectData(await who.gql(SUMMARY, { id: activityId })).vettingSummary;
      // 名单 = 通过 + 不通过 + 待审核; no 不通过原因 beside "不通过0人".
      expect(notice.counts).toEqual({ total: 2, passed: 1, failed: 0, pending: 1 });
      expect(notice.reasonCounts).toEqual([]);
      if (who === organizer) continue;
      // The police and the company still find the replaced failure in the list, with its reason.
      expect(notice.entries.filter((e: { decision: string }) => e.decision === 'FAILED')).toEqual([
        { decision: 'FAILED', reasonCategory: 'OTHER', removed: true, replaced: true },
      ]);
      expect(notice.entries).toHaveLength(3);
    }

    // Performance and overview (figures over many rosters): two decisions more (the pass on the roster,
    // the failure replaced), one failed.
    const perfAfter = await performance();
    expect([perfAfter.vettingDecided, perfAfter.vettingFailed]).toEqual([perfBefore.vettingDecided + 2, perfBefore.vettingFailed + 1]);
    const headAfter = await headline();
    expect([headAfter.guardsVetted, headAfter.guardsPassed, headAfter.guardsPending]).toEqual([
      headBefore.guardsVetted + 2, headBefore.guardsPassed + 1, headBefore.guardsPending + 1,
    ]);
    await summaryEqualsDirectCount();
  });

  it('putting its reusable register on a roster does not move a company\'s 审核不通过率; an officer deciding in the activity does (review 9 C5)', async () => {
    const guards = await Promise.all(['庚一', '庚二', '庚三', '庚四'].map((name) => makeGuard(t, companyId, { name })));
    // A history of its own: three passes and one 不通过, decided by the officer.
    const first = await newActivity();
    const entries = await submit(first, guards.map((g) => g.id));
    await fail(entries.find((e) => e.guardId === guards[3].id)!.id);
    await passAllSeen(baoan, first);
    const perfBefore = await performance();
    const headBefore = await headline();
    expect(perfBefore.vettingFailed).toBeGreaterThan(0);

    // One guard needed; the company puts its three reusable guards on the roster (no cap): three copies
    // of earlier passes, no officer deciding anything. Its rate does not fall.
    const second = await newActivity(1);
    const copies = await submit(second, guards.slice(0, 3).map((g) => g.id));
    expect(copies.map((e) => [e.decision, e.reused])).toEqual([['PASSED', true], ['PASSED', true], ['PASSED', true]]);
    expect(await performance()).toEqual(perfBefore);
    // The activity's own figures keep them: three guards cleared for it.
    const headMid = await headline();
    expect([headMid.guardsVetted, headMid.guardsPassed]).toEqual([headBefore.guardsVetted + 3, headBefore.guardsPassed + 3]);
    const [{ n }] = await t.sql(`SELECT sum(count)::int AS n FROM activity_roster_stats WHERE activity_id = $1 AND reused`, [second]);
    expect(n).toBe(3);
    await summaryEqualsDirectCount();

    // The officer reviews a reused pass on another roster and finds the guard unfit: a decision made
    // in that activity, counted (and the copy it replaces no longer is).
    const third = await newActivity();
    const [copy] = await submit(third, [guards[0].id]);
    expect(copy).toMatchObject({ decision: 'PASSED', reused: true });
    expect(await performance()).toEqual(perfBefore);
    await fail(copy.id);
    const perfAfter = await performance();
    expect([perfAfter.vettingDecided, perfAfter.vettingFailed]).toEqual([perfBefore.vettingDecided + 1, perfBefore.vettingFailed + 1]);
    expect(perfAfter.vettingFailureRate).toBeGreaterThan(perfBefore.vettingFailureRate);
    await summaryEqualsDirectCount();
  });
});
