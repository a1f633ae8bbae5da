import { QueryRunner } from 'typeorm';
import { expectData, TestApp, TestClient, inMigrationTransaction } from '../../test/harness';
import { addRecord, idFor, makeActivity, makeGuard, vettingParties } from '../../test/vetting-fixtures';
import { idHash } from '../common/pii';
import { UNKNOWN_CHECKED_ID } from '../modules/vetting/prior-failure';
import { CheckedIdHash1769000000000 } from './migrations/1769000000000-CheckedIdHash';

/**
 * Migration CheckedIdHash on a database with entries made before it (red-team F2): every entry gets the keyed
 * hash of its guard's ID number now, which is the number checked, except where the guard's number was changed
 * after the entry (audited: `idNumberChanged`): that number is not known, and the entry is marked as checked
 * under another one (one zero byte), so that a check's findings under it still ask for the officer's review.
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId } } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const UPDATE_GUARD = `mutation($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id } }`;
const ENTRY_SD = `query($id: ID!) { rosterEntry(id: $id) { id suggestion suggestionReason } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('migration CheckedIdHash backfills the number each entry was checked under', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;

  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(() => t?.close());

  const submit = async (activityId: string, guardIds: string[]): Promise<Row[]> =>
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries;

  const inTransaction = (step: (q: QueryRunner) => Promise<void>) => inMigrationTransaction(t.ds, step);

  it('down() then up(): the current number where it was not changed since, "another number" where it was; the vetting reads it', async () => {
    const activityId = await makeActivity(t, {
      selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 5, startsAt: new Date(t.clock.now().getTime() + 45 * 86400_000).toISOString(),
    });
    const kept = await makeGuard(t, companyId, { name: '未改号' });
    const changed = await makeGuard(t, companyId, { name: '后改号' });
    await addRecord(t, changed.idNumber, 'ADMIN_DETENTION', { name: changed.name });
    const entries = await submit(activityId, [kept.id, changed.id]);
    const entryOf = (g: { id: string }) => entries.find((e) => e.guardId === g.id)!.id;
    // The changed guard is taken off and his number changed (audited), as before the migration.
    expectData(await company.gql(REMOVE, { e: entryOf(changed) }));
    const newNumber = idFor('1990-05-01');
    expectData(await company.gql(UPDATE_GUARD, { id: changed.id, input: { name: changed.name, education: 'SENIOR_MIDDLE', idNumber: newNumber, certificateNo: `辽迁${newNumber.slice(-6)}` } }));

    const migration = new CheckedIdHash1769000000000();
    await inTransaction((q) => migration.down(q));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'roster_entries' AND column_name = 'checked_id_hash'`);
    expect(n).toBe(0);
    await inTransaction((q) => migration.up(q));

    const hashOf = async (id: string): Promise<Buffer | null> => (await t.sql(`SELECT checked_id_hash FROM roster_entries WHERE id = $1`, [id]))[0].checked_id_hash;
    expect(await hashOf(entryOf(kept))).toEqual(idHash(kept.idNumber));
    expect(await hashOf(entryOf(changed))).toEqual(UNKNOWN_CHECKED_ID);
    // Every other entry (the demo's too): its guard's number now, or none for an anonymised record.
    const others: Row[] = await t.sql(
      `SELECT count(*) FILTER (WHERE re.checked_id_hash IS DISTINCT FROM g.id_hash)::int AS differ, count(*)::int AS total
         FROM roster_entries re JOIN guards g ON g.id = re.guard_id WHERE re.id <> $1`,
      [entryOf(changed)],
    );
    expect(others[0]).toMatchObject({ differ: 0 });

    // Submitted again under the new number: the earlier check found a record under another number.
    const [again] = await submit(activityId, [changed.id]);
    expect(expectData(await baoan.gql(ENTRY_SD, { id: again.id })).rosterEntry).toMatchObject({
      suggestion: 'PENDING',
      suggestionReason: '此人身份证号在上次审核后已更改（上次审核比中记录），请复核',
    });
  });
});
