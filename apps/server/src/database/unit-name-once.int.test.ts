import { withCreditCheckChar } from '@evs/schema';
import { QueryRunner } from 'typeorm';
import { createTestApp, expectErrorCode, inMigrationTransaction, TestApp, TestClient } from '../../test/harness';
import { unitIdOf } from '../../test/activity-fixtures';
import { UnitNameOnce1769500000000 } from './migrations/1769500000000-UnitNameOnce';

/**
 * Migration UnitNameOnce (red team round 6 L1) on a database that holds units the rule before let in:
 * two organizers or two companies whose names differ only in spaces, case or width stop the migration,
 * named with their credit codes, and nothing changes until they are merged or renamed; a merged
 * duplicate does not count. Then the index holds the key, and the service reads it.
 */
describe('migration UnitNameOnce', () => {
  let t: TestApp, dawa: TestClient;
  const migration = new UnitNameOnce1769500000000();
  const inTransaction = (step: (q: QueryRunner) => Promise<void>) => inMigrationTransaction(t.ds, step);
  const indexDef = async () => (await t.sql(`SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_units_name_once'`))[0]?.indexdef as string | undefined;
  const functions = async () => (await t.sql(`SELECT proname FROM pg_proc WHERE proname = 'unit_name_key'`)).map((r) => r.proname as string);

  beforeAll(async () => {
    t = await createTestApp();
    dawa = await t.login('dawa');
  });
  afterAll(() => t?.close());

  it('down() drops the index and the function; up() on duplicates stops naming them; once merged or renamed, the index holds the key', async () => {
    await inTransaction((q) => migration.down(q));
    expect(await indexDef()).toBeUndefined();
    expect(await functions()).toEqual([]);

    // What the rule before let through.
    const organizer1 = await unitIdOf(t, 'organizer1');
    const [spaced] = await t.sql(
      `INSERT INTO units (name, kind, district, credit_code) VALUES ('盘锦红海滩文化旅游发展 有限公司', 'ORGANIZER', 'DAWA', '91211104MA0Q7HT3XX') RETURNING id`,
    );
    await t.sql(
      `INSERT INTO units (name, kind, district, active, merged_into_id) VALUES ('盘锦红海滩文化旅游发展有限公司', 'ORGANIZER', 'DAWA', false, $1)`,
      [organizer1],
    );
    const [{ name: companyName, credit_code: companyCode }] = await t.sql(
      `SELECT c.name, c.credit_code FROM companies c JOIN users u ON u.unit_id = c.id WHERE u.username = 'company1'`,
    );
    const wide = companyName.replace('保安', '保安\u3000');
    const [copy] = await t.sql(`INSERT INTO units (name, kind, district, active) VALUES ($1, 'COMPANY', 'DAWA', false) RETURNING id`, [wide]);
    await t.sql(
      `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone)
       VALUES ($1, $2, '91211100TEST00001X', '辽公保服测试1号', '2030-01-01', 2000000, '大洼', 'DAWA', '某', '13900000000')`,
      [copy.id, wide],
    );
    // Another kind may share a name: a police unit or an organizer named as a company is not counted.
    await t.sql(`INSERT INTO units (name, kind, district) VALUES ($1, 'ORGANIZER', 'DAWA')`, [companyName]);

    await expect(inTransaction((q) => migration.up(q))).rejects.toThrow(
      '有同名的单位：同类单位（主办/承办单位、保安服务公司）名称相同或仅空格、大小写、全角半角不同。请先合并重复的主办单位或更正名称后再升级：' +
        `保安服务公司“${companyName}”（${companyCode}）、“${wide}”（91211100TEST00001X，已停用）；` +
        '主办/承办单位“盘锦红海滩文化旅游发展有限公司”（91211104MA0Q7HT2L6）、“盘锦红海滩文化旅游发展 有限公司”（91211104MA0Q7HT3XX）',
    );
    // rolled back: nothing of the migration is left
    expect(await indexDef()).toBeUndefined();
    expect(await functions()).toEqual([]);

    // The administrator merges the organizer; the company is renamed (as its licence reads).
    await t.sql(`UPDATE units SET merged_into_id = $2, active = false, credit_code = NULL WHERE id = $1`, [spaced.id, organizer1]);
    await t.sql(`UPDATE units SET name = '盘锦测试更名保安服务有限公司' WHERE id = $1`, [copy.id]);
    await inTransaction((q) => migration.up(q));
    expect(await indexDef()).toBe(
      'CREATE UNIQUE INDEX uq_units_name_once ON public.units USING btree (kind, unit_name_key(name)) ' +
        `WHERE ((kind = ANY (ARRAY['ORGANIZER'::unit_kind, 'COMPANY'::unit_kind])) AND (merged_into_id IS NULL))`,
    );
    expect(await functions()).toEqual(['unit_name_key']);

    // The database refuses a copy whatever writes it, and the service names the unit kept.
    await expect(
      t.sql(`INSERT INTO units (name, kind, district) VALUES ('盘锦红海滩文化旅游发展有限公司　', 'ORGANIZER', 'PANSHAN')`),
    ).rejects.toMatchObject({ code: '23505', constraint: 'uq_units_name_once' });
    const refused = expectErrorCode(
      await dawa.gql(
        `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { unit { id } } }`,
        {
          input: {
            kind: 'ORGANIZER', name: '盘锦红海滩文化旅游发展  有限公司', district: 'DAWA', creditCode: withCreditCheckChar('91211104MA0Q7HT4X'),
            contactName: '王联系', contactPhone: '13900001111', account: { username: 'rtmigration', displayName: '王联系' },
          },
        },
      ),
      'CONFLICT',
    );
    expect(refused.message).toMatch(/^已有同名单位“盘锦红海滩文化旅游发展有限公司”（大洼，统一社会信用代码91211104MA0Q7HT2L6，/);
  });
});
