import { expectData, TestApp, TestClient } from '../../../test/harness';
import { makeActivity, makeGuard, unitOf, vettingParties } from '../../../test/vetting-fixtures';

const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id } } }`;
const REMOVE = `mutation($id: ID!) { removeRosterEntry(entryId: $id) { id } }`;
const READ = `mutation { markNotificationsRead }`;
const ADDED = '名单追加，待背景审核';

/**
 * Red team 7, L1: a company buried 保安管理支队's inbox, one "名单追加" notice per submission (25 one-guard
 * submissions sent at once gave 25 notices; a guard submitted and removed over and over gave one each time).
 * Additions to one roster now keep one unread notice, with the latest addition and the roster's pending count.
 */
describe('additions to a roster: one unread notice for the detachment', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;
  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(() => t?.close());

  const notices = async (activityId: string): Promise<{ id: string; title: string; body: string; unread: boolean }[]> =>
    t.sql(
      `SELECT id, title, body, read_at IS NULL AS unread FROM notifications WHERE unit_id = $1 AND activity_id = $2 AND title = $3 ORDER BY created_at`,
      [await unitOf(t, 'baoan'), activityId, ADDED],
    );

  it('ten additions sent at once and submit/remove cycles leave one unread 名单追加 notice with the latest count; once read, the next addition is a new one', async () => {
    const activityId = await makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 30 });
    const guards = [];
    for (let i = 0; i < 13; i++) guards.push(await makeGuard(t, companyId, { name: `追加通知${String.fromCharCode(0x4e00 + i)}` }));
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [guards[0].id] } }));
    expect(await notices(activityId)).toEqual([]);

    const answers = await Promise.all(guards.slice(1, 11).map((g) => company.gql(SUBMIT, { input: { activityId, guardIds: [g.id] } })));
    answers.forEach((a) => expectData(a));
    const [{ pending }] = await t.sql(
      `SELECT count(*)::int AS pending FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE' AND decision = 'PENDING'`,
      [activityId],
    );
    let stored = await notices(activityId);
    expect(stored).toHaveLength(1);
    expect(stored[0].unread).toBe(true);
    expect(stored[0].body).toMatch(new RegExp(`再次追加保安员1人（此前未读的追加通知已合并于此）；该活动现有待审核${pending}人。$`));

    // a guard submitted and removed again and again: still the one notice
    for (let i = 0; i < 3; i++) {
      const { submitRoster } = expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [guards[11].id] } }));
      expectData(await company.gql(REMOVE, { id: submitRoster.entries[0].id }));
    }
    expect((await notices(activityId)).filter((n) => n.unread)).toHaveLength(1);

    // the notice an officer saw, marked read after another addition merged into it, marks nothing: the merged
    // notice has a new id and stays unread (red team 8, L4)
    const seen = (await notices(activityId)).find((n) => n.unread)!;
    const { submitRoster } = expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [guards[11].id] } }));
    expect(expectData(await baoan.gql(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: [seen.id] })).markNotificationsRead).toBe(0);
    expect((await notices(activityId)).filter((n) => n.unread)).toHaveLength(1);
    expectData(await company.gql(REMOVE, { id: submitRoster.entries[0].id }));

    // read: the next addition is told anew
    expectData(await baoan.gql(READ));
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [guards[12].id] } }));
    stored = await notices(activityId);
    expect(stored.map((n) => n.unread)).toEqual([false, true]);
  });
});
