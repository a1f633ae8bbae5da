import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../test/harness';
import { csvFile, unitOf } from '../../test/vetting-fixtures';
import { IMPORT_RUNNING } from './import-lock';

/**
 * One import per unit at a time, previews included (common/import-lock.ts; red team 3, H3). The lock is
 * PostgreSQL's: here another session holds a unit's lock, as an import running on another API node would.
 */

const IMPORT_GUARDS = /* GraphQL */ `
  mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { mode totalRows invalidRows } }
`;
const IMPORT_RECORDS = /* GraphQL */ `
  mutation ($file: FileInput!, $mode: ImportMode!) { importRecords(file: $file, mode: $mode) { totalRows } }
`;

describe('one import per unit at a time', () => {
  let t: TestApp;
  let company1: TestClient;
  let company2: TestClient;
  const file = csvFile('名册.csv', [['姓名', '身份证号', '学历'], ['锁甲', '211102199001011237', '高中']]);
  const preview = (client: TestClient) => client.gql(IMPORT_GUARDS, { input: { file, mode: 'PREVIEW' } });

  beforeAll(async () => {
    t = await createTestApp();
    [company1, company2] = [await t.login('company1'), await t.login('company2')];
  });
  afterAll(() => t?.close());

  /** Holds `unitId`'s import lock on a session of its own (another node's import) while `work` runs. */
  async function whileHeld(unitId: string, work: () => Promise<void>): Promise<void> {
    const other = t.ds.createQueryRunner();
    await other.connect();
    try {
      const [{ locked }] = await other.query(`SELECT pg_try_advisory_lock(hashtext('unit-import'), hashtext($1)) AS locked`, [unitId]);
      expect(locked).toBe(true);
      await work();
    } finally {
      await other.query(`SELECT pg_advisory_unlock_all()`);
      await other.release();
    }
  }

  it('a preview while the unit has an import running is refused (CONFLICT); another unit imports meanwhile; afterwards the unit imports again', async () => {
    await whileHeld(await unitOf(t, 'company1'), async () => {
      const refused = expectErrorCode(await preview(company1), 'CONFLICT');
      expect(refused.message).toBe(IMPORT_RUNNING);
      expect(expectData(await preview(company2)).importGuards).toMatchObject({ mode: 'PREVIEW', totalRows: 1 });
      // COMMIT is refused the same way, storing nothing
      const before = await t.sql(`SELECT count(*)::int AS n FROM guards`);
      expectErrorCode(await company1.gql(IMPORT_GUARDS, { input: { file, mode: 'COMMIT' } }), 'CONFLICT');
      expect(await t.sql(`SELECT count(*)::int AS n FROM guards`)).toEqual(before);
    });
    expect(expectData(await preview(company1)).importGuards).toMatchObject({ mode: 'PREVIEW', totalRows: 1 });
  });

  it('the lock is the unit’s, whatever the import: a records import of 保安管理支队 is refused while its guard import runs', async () => {
    const baoan = await t.login('baoan');
    await whileHeld(await unitOf(t, 'baoan'), async () => {
      const records = csvFile('记录.csv', [['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注']]);
      expect(expectErrorCode(await baoan.gql(IMPORT_RECORDS, { file: records, mode: 'PREVIEW' }), 'CONFLICT').message).toBe(IMPORT_RUNNING);
    });
  });

  it('ten previews of one unit at once, while its import runs on another node: all ten hear that the unit has an import running, none that the system is busy', async () => {
    await whileHeld(await unitOf(t, 'company1'), async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, () => preview(company1)));
      expect(answers.map((a) => expectErrorCode(a, 'CONFLICT').message)).toEqual(Array(10).fill(IMPORT_RUNNING));
    });
    // and ten at once with nothing else running: one reads the file, the others are told it runs
    const answers = await Promise.all(Array.from({ length: 10 }, () => preview(company1)));
    const refused = answers.filter((a) => a.errors?.length);
    for (const a of refused) expect(expectErrorCode(a, 'CONFLICT').message).toBe(IMPORT_RUNNING);
    expect(answers.length - refused.length).toBeGreaterThanOrEqual(1);
  });

  it('a refused file releases the lock: the next import of the unit runs', async () => {
    const bad = { name: '坏.csv', base64: Buffer.from(`姓名,身份证号,学历\r\n甲,1${','.repeat(100)}\r\n`).toString('base64') };
    expect(expectErrorCode(await company1.gql(IMPORT_GUARDS, { input: { file: bad, mode: 'PREVIEW' } }), 'BAD_USER_INPUT').message).toContain('第2行的列数过多');
    expect(expectData(await preview(company1)).importGuards.totalRows).toBe(1);
  });
});
