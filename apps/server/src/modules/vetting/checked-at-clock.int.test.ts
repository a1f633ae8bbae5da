import { expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { csvFile, idFor, makeActivity, makeGuard, vettingParties } from '../../../test/vetting-fixtures';
import { localDate } from '../../common/calendar';

/**
 * Code review 11 C9: a roster entry's check time (`checked_at`) is the app's clock, as every decision is,
 * not the database's now(). The app's clock is moved here and the database's is not:
 * - the reused pass is shown to the company at this roster's check, the time the app's clock gave it;
 * - a 不通过 made before the check does not hold the pass back as "made since the check" (and one made after it does);
 * - a record imported after the check still asks for a new check: the import stamps the app's clock too.
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision reused decidedAt } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const IMPORT_RECORDS = `mutation($file: FileInput!) { importRecords(file: $file, mode: COMMIT) { created } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DAY = 86400_000;
const MINUTE = 60_000;

describe('checked_at follows the app’s clock (code review 11 C9)', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;

  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  /** Three days ahead of the machine (and the database), on a whole second. */
  const moved = () => new Date(Math.floor((Date.now() + 3 * DAY) / 1000) * 1000);
  let seq = 0;
  /** Each activity a few days apart, weeks ahead of the app's clock. */
  const newActivity = () =>
    makeActivity(t, {
      selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 5,
      startsAt: new Date(t.clock.now().getTime() + (30 + 2 * ++seq) * DAY).toISOString(),
    });
  const submit = async (activityId: string, guardId: string): Promise<Row> =>
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [guardId] } })).submitRoster.entries[0];
  const version = async (id: string): Promise<number> => (await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [id]))[0].version;
  const decide = async (entryId: string, decision: 'PASSED' | 'FAILED') =>
    baoan.gql(DECIDE, {
      input: {
        entryIds: [entryId], decision, expectedVersions: [await version(entryId)],
        ...(decision === 'FAILED' ? { reasonCategory: 'OTHER', note: '考察发现不宜上岗（测试）' } : { note: '复核后通过（测试）' }),
      },
    });
  const checkedAt = async (entryId: string): Promise<string> =>
    new Date((await t.sql(`SELECT checked_at FROM roster_entries WHERE id = $1`, [entryId]))[0].checked_at).toISOString();

  it('a roster checked under a moved clock is stamped with it; the company reads a reused pass at that time', async () => {
    const passedAt = moved();
    t.clock.set(passedAt);
    const g = await makeGuard(t, companyId, { name: '时钟沿用' });
    const first = await submit(await newActivity(), g.id);
    expect(await checkedAt(first.id)).toBe(passedAt.toISOString());
    expect(expectData(await decide(first.id, 'PASSED')).decideVetting.decided).toBe(1);

    const reusedAt = new Date(passedAt.getTime() + 60 * MINUTE);
    t.clock.set(reusedAt);
    const second = await submit(await newActivity(), g.id);
    expect(second).toMatchObject({ decision: 'PASSED', reused: true, decidedAt: reusedAt.toISOString() });
    expect(await checkedAt(second.id)).toBe(reusedAt.toISOString());
  });

  it('a 不通过 made before the check does not hold a pass back; one made after the check does', async () => {
    const start = moved();
    t.clock.set(start);
    const before = await makeGuard(t, companyId, { name: '先不通过' });
    expectData(await decide((await submit(await newActivity(), before.id)).id, 'FAILED'));
    t.clock.advance(MINUTE);
    const checked = await submit(await newActivity(), before.id);
    expect(checked.decision).toBe('PENDING');
    // The officer reviewed it (the check saw the 不通过) and passes it.
    expect(expectData(await decide(checked.id, 'PASSED')).decideVetting.decided).toBe(1);

    const after = await makeGuard(t, companyId, { name: '后不通过' });
    t.clock.advance(MINUTE);
    const unseen = await submit(await newActivity(), after.id);
    const elsewhere = await submit(await newActivity(), after.id);
    t.clock.advance(MINUTE);
    expectData(await decide(elsewhere.id, 'FAILED'));
    const refused = expectErrorCode(await decide(unseen.id, 'PASSED'), 'BAD_USER_INPUT');
    expect(JSON.stringify(refused.extensions)).toContain('在比对后另有审核不通过结论');
  });

  it('a record imported after the check, under a moved clock, still asks for a new check', async () => {
    const start = moved();
    t.clock.set(start);
    const mother = { name: '时钟母', idNumber: idFor('1962-04-04', true) };
    const g = await makeGuard(t, companyId, { name: '时钟子', relatives: [{ relation: 'MOTHER', ...mother }] });
    const entry = await submit(await newActivity(), g.id);
    expect(await checkedAt(entry.id)).toBe(start.toISOString());

    t.clock.advance(MINUTE);
    const source = `时钟测试来源${Date.now()}`;
    const file = csvFile('时钟记录.csv', [
      ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'],
      [mother.idNumber, mother.name, '行政拘留', localDate(new Date(start.getTime() - 400 * DAY)), source, '', ''],
    ]);
    expect(expectData(await baoan.gql(IMPORT_RECORDS, { file })).importRecords.created).toBe(1);
    const refused = expectErrorCode(await decide(entry.id, 'PASSED'), 'BAD_USER_INPUT');
    expect(JSON.stringify(refused.extensions)).toContain('在比对后有新导入的记录');
    // Stamped when stored, by the app's clock (as checked_at is): both times compare on one clock.
    const [stored] = await t.sql(`SELECT created_at FROM criminal_records WHERE source = $1`, [source]);
    expect(new Date(stored.created_at).toISOString()).toBe(new Date(start.getTime() + MINUTE).toISOString());
  });
});
