import { QueryRunner } from 'typeorm';
import { expectData, TestApp, TestClient, inMigrationTransaction } from '../../test/harness';
import { makeActivity, makeGuard, passAllSeenResult, vettingParties } from '../../test/vetting-fixtures';
import { PassWithdrawnAt1768800000000 } from './migrations/1768800000000-PassWithdrawnAt';

/**
 * Migration PassWithdrawnAt on a database with withdrawals made before it (code review 11 C10): the
 * column is filled for every pass withdrawn (`withdrawPass`: its audit entry, before PASSED, after
 * FAILED) with the time the code stamps now, and left NULL for a 不通过 that withdrew nothing (an
 * officer's decision, even one that changed a pass while vetting was open) and for a removed pass.
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { activityStatus decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('migration PassWithdrawnAt fills the time of passes withdrawn before it', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;

  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(() => t?.close());

  let seq = 0;
  const newActivity = (guardsRequired: number) =>
    makeActivity(t, {
      selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired,
      startsAt: new Date(Date.now() + (40 + ++seq) * 86400_000).toISOString(),
    });
  const submit = async (activityId: string, guardIds: string[]): Promise<Row[]> =>
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries;
  const version = async (id: string): Promise<number> => (await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [id]))[0].version;
  const decide = async (entryId: string, decision: 'PASSED' | 'FAILED') =>
    expectData(await baoan.gql(DECIDE, {
      input: { entryIds: [entryId], decision, expectedVersions: [await version(entryId)], ...(decision === 'FAILED' ? { reasonCategory: 'OTHER', note: '复核不宜上岗（测试）' } : {}) },
    })).decideVetting;
  const stamps = async (): Promise<Row[]> =>
    t.sql(`SELECT id, decision, state, decided_at, pass_withdrawn_at FROM roster_entries ORDER BY id`);

  const inTransaction = (step: (q: QueryRunner) => Promise<void>) => inMigrationTransaction(t.ds, step);

  it('down() then up(): a withdrawn pass gets its withdrawal time back, nothing else gets one', async () => {
    // A pass withdrawn after vetting closed (岗前培训): withdrawPass, stamped by the code.
    const closed = await newActivity(1);
    const [withdrawn, kept] = await Promise.all([makeGuard(t, companyId, { name: '撤销甲' }), makeGuard(t, companyId, { name: '保留乙' })]);
    const onClosed = await submit(closed, [withdrawn.id, kept.id]);
    expect(await passAllSeenResult(baoan, closed)).toMatchObject({ activityStatus: 'TRAINING', decided: 2 });
    const withdrawnEntry = onClosed.find((e) => e.guardId === withdrawn.id)!.id;
    expect(await decide(withdrawnEntry, 'FAILED')).toMatchObject({ activityStatus: 'TRAINING', decided: 1 });

    // While vetting is open: an officer's 不通过, a pass changed to 不通过, and a pass taken off the roster.
    const open = await newActivity(5);
    const [failed, changed, removed] = await Promise.all(['不通过丙', '改判丁', '移出戊'].map((name) => makeGuard(t, companyId, { name })));
    const onOpen = await submit(open, [failed.id, changed.id, removed.id]);
    const entryOf = (g: { id: string }) => onOpen.find((e) => e.guardId === g.id)!.id;
    await decide(entryOf(failed), 'FAILED');
    await decide(entryOf(changed), 'PASSED');
    await decide(entryOf(changed), 'FAILED');
    await decide(entryOf(removed), 'PASSED');
    expect(expectData(await company.gql(REMOVE, { e: entryOf(removed) })).removeRosterEntry.state).toBe('REMOVED');

    const before = await stamps();
    const byId = (rows: Row[], id: string) => rows.find((r) => r.id === id)!;
    const stamped = byId(before, withdrawnEntry);
    expect(stamped).toMatchObject({ decision: 'FAILED', state: 'ACTIVE' });
    expect(stamped.pass_withdrawn_at).toEqual(stamped.decided_at);
    for (const g of [failed, changed, removed]) expect(byId(before, entryOf(g)).pass_withdrawn_at).toBeNull();
    expect(byId(before, entryOf(changed)).decision).toBe('FAILED');

    // The database as it was before the migration (the column gone), then the migration again.
    const migration = new PassWithdrawnAt1768800000000();
    await inTransaction((q) => migration.down(q));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'roster_entries' AND column_name = 'pass_withdrawn_at'`);
    expect(n).toBe(0);
    await inTransaction((q) => migration.up(q));

    // Every entry (the demo's too) has what the code stamped: the withdrawn pass its time, the others none.
    const after = await stamps();
    expect(after.map((r) => [r.id, r.pass_withdrawn_at])).toEqual(before.map((r) => [r.id, r.pass_withdrawn_at]));
    expect(byId(after, withdrawnEntry).pass_withdrawn_at).toEqual(stamped.decided_at);
    expect(after.filter((r) => r.pass_withdrawn_at !== null).length).toBeGreaterThanOrEqual(1);
  });
});
