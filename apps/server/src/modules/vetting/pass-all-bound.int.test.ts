import { expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { addRecord, makeActivity, makeGuard, vettingParties } from '../../../test/vetting-fixtures';

/**
 * 一键通过 is bound to what the officer confirmed (red team F3): the confirmation lists who would be
 * passed now (`passableEntries`), and the pass sent with those ids and versions passes them alone. A
 * guard the company put on the roster after the officer looked is not passed unseen; one who changed
 * since (a record arrived, decided by a colleague, removed) makes the whole pass a CONFLICT naming him,
 * nothing stored. `expected` is required (red team G2): a pass without it is refused by GraphQL validation
 * before anything runs; there is no "whoever is passable now".
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId } } }`;
const PASSABLE = `query($id: ID!) { passableEntries(activityId: $id) { id version guardName } }`;
const PASS_ALL = `mutation($id: ID!, $expected: [EntryVersionInput!]!) { passAllClean(activityId: $id, expected: $expected) { decided closed } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const RECHECK = `mutation($id: ID!) { recheckVetting(activityId: $id) }`;

type Passable = { id: string; version: number; guardName: string };

describe('一键通过 passes whom the officer confirmed, as confirmed', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;
  let seq = 0;

  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(() => t?.close());

  /** An activity in vetting with `n` clean guards on its roster (10 required: never closed by the passes below). */
  const scene = async (n: number) => {
    seq += 1;
    const activityId = await makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 10, name: `一键通过测试${seq}` });
    const guards = [];
    for (let i = 0; i < n; i += 1) guards.push(await makeGuard(t, companyId, { name: `一键${seq}号${i}` }));
    const entries: { id: string; guardId: string }[] = expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: guards.map((g) => g.id) } })).submitRoster.entries;
    return { activityId, guards, entries };
  };
  const passable = async (activityId: string): Promise<Passable[]> => expectData(await baoan.gql(PASSABLE, { id: activityId })).passableEntries;
  const expectedOf = (list: Passable[]) => list.map((e) => ({ entryId: e.id, version: e.version }));
  const decisions = async (activityId: string) =>
    (await t.sql(`SELECT decision, count(*)::int AS n FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE' GROUP BY decision ORDER BY decision::text`, [activityId])) as { decision: string; n: number }[];
  const audits = async (activityId: string) => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND summary LIKE '%一键通过%'`, [activityId]))[0].n;

  it('lists who would be passed, and passes them alone: a guard submitted after the confirmation waits', async () => {
    const { activityId, guards } = await scene(3);
    const seen = await passable(activityId);
    expect(seen.map((e) => e.guardName).sort()).toEqual(guards.map((g) => g.name).sort());
    // the company adds one while the officer reads the confirmation
    const late = await makeGuard(t, companyId, { name: `一键${seq}号迟到` });
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [late.id] } }));
    expect(expectData(await baoan.gql(PASS_ALL, { id: activityId, expected: expectedOf(seen) })).passAllClean.decided).toBe(3);
    const [lateEntry] = await t.sql(`SELECT decision FROM roster_entries WHERE activity_id = $1 AND guard_id = $2`, [activityId, late.id]);
    expect(lateEntry.decision).toBe('PENDING');
    expect((await passable(activityId)).map((e) => e.guardName)).toEqual([late.name]);
  });

  it('one confirmed guard decided meanwhile by a colleague: CONFLICT naming him, nobody passed, nothing audited', async () => {
    const { activityId, entries, guards } = await scene(3);
    const seen = await passable(activityId);
    const [v] = (await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [entries[0].id])).map((r: { version: number }) => r.version);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entries[0].id], decision: 'FAILED', reasonCategory: 'OTHER', note: '现场考察不宜上岗', expectedVersions: [v] } }));
    const before = await audits(activityId);
    const refused = expectErrorCode(await baoan.gql(PASS_ALL, { id: activityId, expected: expectedOf(seen) }), 'CONFLICT');
    expect(refused.message).toContain(guards[0].name);
    expect(refused.message).toContain('本次未作任何通过');
    expect(await decisions(activityId)).toEqual([{ decision: 'FAILED', n: 1 }, { decision: 'PENDING', n: 2 }]);
    expect(await audits(activityId)).toBe(before);
  });

  it('a record that arrived after the confirmation (re-checked: a new version): CONFLICT, nobody passed', async () => {
    const { activityId, guards } = await scene(2);
    const seen = await passable(activityId);
    await addRecord(t, guards[1].idNumber, 'INTENTIONAL_CRIME', { name: guards[1].name });
    expectData(await baoan.gql(RECHECK, { id: activityId }));
    const refused = expectErrorCode(await baoan.gql(PASS_ALL, { id: activityId, expected: expectedOf(seen) }), 'CONFLICT');
    expect(refused.message).toContain(guards[1].name);
    expect(await decisions(activityId)).toEqual([{ decision: 'PENDING', n: 2 }]);
    expect((await passable(activityId)).map((e) => e.guardName)).toEqual([guards[0].name]);
  });

  it('a version other than the one the entry has is refused', async () => {
    const { activityId } = await scene(1);
    const [seen] = await passable(activityId);
    refusedWith(expectErrorCode(await baoan.gql(PASS_ALL, { id: activityId, expected: [{ entryId: seen.id, version: seen.version - 1 }] }), 'CONFLICT'));
    expect(await decisions(activityId)).toEqual([{ decision: 'PENDING', n: 1 }]);
  });

  it('refuses an empty or repeated confirmation with the field named, and answers the company FORBIDDEN', async () => {
    const { activityId } = await scene(1);
    const [seen] = await passable(activityId);
    for (const expected of [[], [{ entryId: seen.id, version: seen.version }, { entryId: seen.id, version: seen.version }]]) {
      const refused = expectErrorCode(await baoan.gql(PASS_ALL, { id: activityId, expected }), 'BAD_USER_INPUT');
      expect(refused.extensions?.fields?.[0]?.field).toBe('expected');
    }
    expectErrorCode(await company.gql(PASSABLE, { id: activityId }), 'FORBIDDEN');
    expectErrorCode(await company.gql(PASS_ALL, { id: activityId, expected: [{ entryId: seen.id, version: seen.version }] }), 'FORBIDDEN');
    expect(await decisions(activityId)).toEqual([{ decision: 'PENDING', n: 1 }]);
  });

  it('without a confirmation nothing is passed (red team G2): the argument is required, a guard submitted after the officer looked stays undecided', async () => {
    const { activityId } = await scene(1);
    expect(expectData(await baoan.gql(PASS_ALL, { id: activityId, expected: expectedOf(await passable(activityId)) })).passAllClean.decided).toBe(1);
    // the officer looks: nobody left to pass; then the company submits one more clean guard
    expect(await passable(activityId)).toEqual([]);
    const late = await makeGuard(t, companyId, { name: `一键${seq}号未见` });
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [late.id] } }));
    const before = await audits(activityId);
    // the argument left out: refused by GraphQL validation, naming it
    const omitted = expectErrorCode(await baoan.gql(`mutation($id: ID!) { passAllClean(activityId: $id) { decided } }`, { id: activityId }), 'GRAPHQL_VALIDATION_FAILED');
    expect(omitted.message).toBe('字段“passAllClean”缺少必填参数“expected”（[EntryVersionInput!]!）');
    expect(omitted.extensions?.fields).toEqual([{ field: 'expected', message: omitted.message }]);
    // sent as null: refused too
    const nulled = expectErrorCode(await baoan.gql(PASS_ALL, { id: activityId, expected: null }), 'BAD_USER_INPUT');
    expect(nulled.extensions?.fields?.[0]?.field).toBe('expected');
    // nothing passed, nothing audited: the late guard waits for the officer's confirmation
    const [lateEntry] = await t.sql(`SELECT decision FROM roster_entries WHERE activity_id = $1 AND guard_id = $2`, [activityId, late.id]);
    expect(lateEntry.decision).toBe('PENDING');
    expect(await decisions(activityId)).toEqual([{ decision: 'PASSED', n: 1 }, { decision: 'PENDING', n: 1 }]);
    expect(await audits(activityId)).toBe(before);
    expect((await passable(activityId)).map((e) => e.guardName)).toEqual([late.name]);
  });
});

function refusedWith(e: { message: string }) {
  expect(e.message).toContain('已不同于确认时');
}
