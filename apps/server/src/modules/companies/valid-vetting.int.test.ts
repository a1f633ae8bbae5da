import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';

/**
 * 在复用期内背景审核通过的在职保安员数 (`guardsWithValidVetting`) follows the rule by which a pass is
 * reused (vetting.service.ts `evaluate()`): the latest decision on the person within the window counts,
 * so a 不通过 after a pass takes the guard out until a later pass (review 9-B F6).
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision reused } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const PASS_ALL = `mutation($id: ID!) { passAllClean(activityId: $id) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const FIGURE = `query ($id: ID!) { company(id: $id) { guardsWithValidVetting } }`;

describe('guardsWithValidVetting: the latest decision within the reuse window (review 9-B F6)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await unitOf(t, 'organizer1');
    [baoan, company] = await Promise.all([t.login('baoan'), t.login('company1')]);
  });
  afterAll(() => t?.close());

  let seq = 0;
  const newActivity = () =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 3, startsAt: new Date(Date.now() + (20 + ++seq) * 86400_000).toISOString() });
  const submit = async (activityId: string, guardIds: string[]) =>
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries as { id: string; decision: string; reused: boolean }[];
  const validVetting = async (): Promise<number> => expectData(await baoan.gql(FIGURE, { id: companyId })).company.guardsWithValidVetting;

  it('drops a guard failed after an earlier pass (also once taken off the roster), and counts them again after a later pass', async () => {
    const before = await validVetting();
    const g = await makeGuard(t, companyId, { name: '戊先过后否' });
    const first = await newActivity();
    await submit(first, [g.id]);
    expectData(await baoan.gql(PASS_ALL, { id: first }));
    expect(await validVetting()).toBe(before + 1);

    // The pass is reused on a second activity, where the officer finds the guard unfit.
    const second = await newActivity();
    const [reused] = await submit(second, [g.id]);
    expect(reused).toMatchObject({ decision: 'PASSED', reused: true });
    const [{ version }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [reused.id]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [reused.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '考察发现不宜上岗', expectedVersions: [version] } }));
    expect(await validVetting()).toBe(before);
    // Taking them off the roster does not undo the 不通过.
    expectData(await company.gql(REMOVE, { e: reused.id }));
    expect(await validVetting()).toBe(before);

    // As reuse holds it: a third roster gets no reused pass; an officer's new pass counts again.
    const third = await newActivity();
    const [fresh] = await submit(third, [g.id]);
    expect(fresh).toMatchObject({ decision: 'PENDING', reused: false });
    expectData(await baoan.gql(PASS_ALL, { id: third }));
    expect(await validVetting()).toBe(before + 1);
  });
});
