import { createTestApp, expectData, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { activityInput, approvedActivity, CREATE_ACTIVITY, createCompany, unitIdOf } from '../../../test/activity-fixtures';
import { ensureCompany, idFor, makeGuard } from '../../../test/vetting-fixtures';

const LIMITS = /* GraphQL */ `
  query ($id: ID!) { activity(id: $id) { id status ageLimit effectiveMinAge effectiveAgeLimit ageLimitsFixed } }
`;
const LIST = /* GraphQL */ `
  query { activities(page: { pageSize: 500 }) { items { id effectiveMinAge effectiveAgeLimit ageLimitsFixed } } }
`;
const SUGGEST = /* GraphQL */ `
  query ($id: ID!) { candidateSuggestions(activityId: $id) { minAge maxAge items { companyId eligibleGuards } } }
`;
const PRECHECK = /* GraphQL */ `
  query ($a: ID!, $g: [ID!]!) { rosterPrecheck(activityId: $a, guardIds: $g) { guardId problems { code message } } }
`;
const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmitRosterInput!) {
    submitRoster(input: $input) { activityStatus entries { guardId precheckProblems { code message } } }
  }
`;
const REPORT = /* GraphQL */ `mutation ($id: ID!) { reportActivity(id: $id) { id } }`;
const REQUEST = /* GraphQL */ `
  mutation ($id: ID!) { requestInstruction(id: $id, input: { scale: "中型", staffing: "按配比", proposedCandidates: 3 }) { id } }
`;
const APPROVE = /* GraphQL */ `mutation ($id: ID!) { approveActivity(id: $id, approved: true, note: "同意") { id status } }`;

/** The first day of an activity of `approvedActivity` (40 days from now), less `years` and `days`: a birth date. */
function bornBeforeStart(years: number, days: number): string {
  const d = new Date(Date.now() + 40 * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return new Date(d.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Review F4: the age limits an activity is approved on are fixed on it at the leader's 批示. A later
 * change of `guard.minAge` / `guard.maxAge` applies only to activities not yet approved.
 */
describe('age limits are fixed at the 批示', () => {
  let t: TestApp;
  let baoan: TestClient;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    // On an activity's first day: 30 guards aged 49, 10 aged 30 (createCompany dates ages from today; the activity is 40 days on).
    companyId = await createCompany(t, { name: '测试年龄保安服务有限公司', guards: [{ count: 30, age: 49 }, { count: 10, age: 30 }] });
  });
  afterEach(async () => {
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.maxAge', value: 55 }, { key: 'guard.minAge', value: 18 }] }));
  });
  afterAll(() => t?.close());

  const limits = async (id: string) => expectData(await baoan.gql(LIMITS, { id })).activity;
  const eligible = async (id: string) => {
    const s = expectData(await baoan.gql(SUGGEST, { id })).candidateSuggestions;
    return { minAge: s.minAge, maxAge: s.maxAge, eligible: s.items.find((i: { companyId: string }) => i.companyId === companyId).eligibleGuards };
  };
  const setLimits = async (minAge: number, maxAge: number) =>
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.maxAge', value: maxAge }, { key: 'guard.minAge', value: minAge }] }));

  it('a later change of the settings moves neither an approved activity nor its recommendation figures; one not yet approved takes it', async () => {
    const approved = await approvedActivity(t);
    expect(await limits(approved)).toMatchObject({ effectiveMinAge: 18, effectiveAgeLimit: 55, ageLimitsFixed: true });
    expect(await eligible(approved)).toEqual({ minAge: 18, maxAge: 55, eligible: 40 });
    const [row] = await t.sql(`SELECT approved_min_age, approved_max_age FROM activities WHERE id = $1`, [approved]);
    expect(row).toEqual({ approved_min_age: 18, approved_max_age: 55 });

    // Reported and put before the leader, not yet approved, when the bureau changes the settings.
    const dawa = await t.login('dawa');
    const organizerUnitId = await unitIdOf(t, 'organizer1');
    const pending = expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId, guardsRequired: 20 }) })).createActivity.id;
    expectData(await dawa.gql(REPORT, { id: pending }));
    expectData(await baoan.gql(REQUEST, { id: pending }));

    await setLimits(20, 48);

    // The approved activity keeps the limits it was approved on, in the record, the list and the ranking.
    expect(await limits(approved)).toMatchObject({ effectiveMinAge: 18, effectiveAgeLimit: 55, ageLimitsFixed: true });
    const listed = expectData(await baoan.gql(LIST)).activities.items.find((i: { id: string }) => i.id === approved);
    expect(listed).toEqual({ id: approved, effectiveMinAge: 18, effectiveAgeLimit: 55, ageLimitsFixed: true });
    expect(await eligible(approved)).toEqual({ minAge: 18, maxAge: 55, eligible: 40 });

    // The one not yet approved follows the settings, and is approved on the new ones.
    expect(await limits(pending)).toMatchObject({ effectiveMinAge: 20, effectiveAgeLimit: 48, ageLimitsFixed: false });
    expect(await eligible(pending)).toEqual({ minAge: 20, maxAge: 48, eligible: 10 });
    expectData(await (await t.login('leader')).gql(APPROVE, { id: pending }));
    await setLimits(18, 55);
    expect(await limits(pending)).toMatchObject({ effectiveMinAge: 20, effectiveAgeLimit: 48, ageLimitsFixed: true });
    expect(await eligible(pending)).toEqual({ minAge: 20, maxAge: 48, eligible: 10 });
  });

  it("an activity's own upper limit is kept, and the lower limit of the day of its 批示 with it", async () => {
    const own = await approvedActivity(t, { ageLimit: 60 });
    await setLimits(25, 45);
    expect(await limits(own)).toMatchObject({ ageLimit: 60, effectiveMinAge: 18, effectiveAgeLimit: 60, ageLimitsFixed: true });
    expect(await eligible(own)).toEqual({ minAge: 18, maxAge: 60, eligible: 40 });
  });

  it('roster pre-checks read the approved limits: a 49-year-old is refused only where the 批示 came after the limit fell to 48', async () => {
    // A self-recruited activity: approved, then the organizer submits its own guards straight to vetting.
    const organizer = await t.login('organizer1');
    const register = await ensureCompany(t, await unitIdOf(t, 'organizer1'));
    const birthDate = bornBeforeStart(49, 30);
    const first = await makeGuard(t, register, { birthDate, idNumber: idFor(birthDate) });
    const second = await makeGuard(t, register, { birthDate, idNumber: idFor(birthDate) });
    const third = await makeGuard(t, register, { birthDate, idNumber: idFor(birthDate) });
    const before = await approvedActivity(t, { securityMode: 'SELF_RECRUITED', name: '批示在前的自招活动' });
    expect(await limits(before)).toMatchObject({ effectiveAgeLimit: 55, ageLimitsFixed: true });

    await setLimits(18, 48);
    const after = await approvedActivity(t, { securityMode: 'SELF_RECRUITED', name: '批示在后的自招活动' });

    // Approved at 55: both 49-year-olds pass the pre-check, the one checked first and the one submitted after the change.
    const pre = expectData(await organizer.gql(PRECHECK, { a: before, g: [first.id] })).rosterPrecheck;
    expect(pre).toEqual([{ guardId: first.id, problems: [] }]);
    const submitted = expectData(await organizer.gql(SUBMIT, { input: { activityId: before, guardIds: [first.id, second.id] } })).submitRoster;
    expect(submitted.activityStatus).toBe('VETTING');
    expect(submitted.entries.map((e: { precheckProblems: unknown[] }) => e.precheckProblems)).toEqual([[], []]);
    expect(await limits(before)).toMatchObject({ status: 'VETTING', effectiveAgeLimit: 55 });

    // Approved at 48: refused, naming the limit it was approved on.
    const refused = expectData(await organizer.gql(PRECHECK, { a: after, g: [third.id] })).rosterPrecheck;
    expect(refused[0].problems).toEqual([{ code: 'AGE', message: '活动当日49岁，超过年龄上限48岁' }]);
  });
});
