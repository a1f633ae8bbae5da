import { creditCode } from '../../../test/identifiers';
import ExcelJS from 'exceljs';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { csvFile } from '../../../test/vetting-fixtures';
import { COMPANY_COLUMNS } from './company-import.service';

const IMPORT = /* GraphQL */ `mutation ($file: FileInput!, $mode: ImportMode!) {
  importCompanies(file: $file, mode: $mode) { mode totalRows validRows invalidRows created updated unchanged ids problems { row column message } }
}`;

type Row = Partial<Record<(typeof COMPANY_COLUMNS)[number], string>>;
const row = (values: Row) => COMPANY_COLUMNS.map((c) => values[c] ?? '');

let seq = 0;
function good(overrides: Row = {}): Row {
  seq += 1;
  return {
    公司名称: `盘锦导入测试保安服务有限公司${seq}`,
    统一社会信用代码: creditCode(),
    保安服务许可证号: `辽公保服导${seq}`,
    许可证有效期至: '2030-06-30',
    '注册资本（元）': '3,000,000',
    住所: `盘锦市兴隆台区测试路${seq}号`,
    辖区: '兴隆台区',
    联系人: '王经理',
    联系电话: '0427-2812345',
    ...overrides,
  };
}

describe('importCompanies: the existing company register from a spreadsheet', () => {
  let t: TestApp;
  let baoan: TestClient;
  const companies = async () => (await t.sql(`SELECT count(*)::int AS n FROM companies`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
  });
  afterAll(() => t?.close());

  it('previews every bad row (row, column, reason) and stores nothing', async () => {
    const dup = good();
    const file = csvFile('名册.csv', [
      COMPANY_COLUMNS,
      row(dup),
      row(good({ 统一社会信用代码: '91211100MA0QC0KG1A' })),
      row(good({ '注册资本（元）': '50万' })),
      row(good({ 许可证有效期至: '2020-01-01' })),
      row(good({ 辖区: '沈阳', 联系电话: '123' })),
      row(good({ 公司名称: '', 辖区: '' })),
      row({ ...good(), 统一社会信用代码: dup.统一社会信用代码 }),
    ]);
    const before = await companies();
    const r = expectData(await baoan.gql(IMPORT, { file, mode: 'PREVIEW' })).importCompanies;
    expect(r).toMatchObject({ mode: 'PREVIEW', totalRows: 7, validRows: 1, invalidRows: 6, created: 1, updated: 0, unchanged: 0 });
    const at = (n: number, column: string) => r.problems.find((p: { row: number; column: string }) => p.row === n && p.column === column)?.message;
    expect(at(3, '统一社会信用代码')).toMatch(/校验位/);
    expect(at(4, '注册资本（元）')).toContain('第八条');
    expect(at(5, '许可证有效期至')).toContain('到期');
    expect(at(6, '辖区')).toContain('兴隆台');
    expect(at(6, '联系电话')).toBeDefined();
    expect(at(7, '公司名称')).toContain('公司名称');
    expect(at(7, '辖区')).toBe('不能为空');
    expect(at(8, '统一社会信用代码')).toContain('与第2行');
    expect(await companies()).toBe(before);
  });

  it('refuses a name the register holds under another credit code, and one name twice in the file with two codes, naming the row (review 6 C-F2)', async () => {
    const [held] = await t.sql(`SELECT name, credit_code FROM companies ORDER BY name LIMIT 1`);
    const twin = good();
    const file = csvFile('重名.csv', [COMPANY_COLUMNS, row(good({ 公司名称: held.name })), row(twin), row(good({ 公司名称: twin.公司名称 }))]);
    const before = await companies();
    for (const mode of ['PREVIEW', 'COMMIT']) {
      const r = expectData(await baoan.gql(IMPORT, { file, mode })).importCompanies;
      expect(r.problems).toEqual([
        { row: 2, column: '公司名称', message: `公司名称“${held.name}”已登记（统一社会信用代码${held.credit_code}），请核对` },
        { row: 4, column: '公司名称', message: '与第3行公司名称相同，统一社会信用代码却不同，请核对' },
      ]);
      expect(r.created).toBe(mode === 'PREVIEW' ? 1 : 0);
    }
    expect(await companies()).toBe(before);
  });

  it('a name that differs from one on the register, or from another row, in spaces, case or width only is the same name (red team 6, L1)', async () => {
    const [held] = await t.sql(`SELECT name, credit_code FROM companies ORDER BY name LIMIT 1`);
    const spaced = `${held.name.slice(0, 2)} ${held.name.slice(2)}`;
    const twin = good({ 公司名称: '盘锦Ａｂｃ保安服务有限公司' });
    const file = csvFile('变体.csv', [COMPANY_COLUMNS, row(good({ 公司名称: spaced })), row(twin), row(good({ 公司名称: '盘锦abc保安服务有限公司　' }))]);
    const before = await companies();
    for (const mode of ['PREVIEW', 'COMMIT']) {
      const r = expectData(await baoan.gql(IMPORT, { file, mode })).importCompanies;
      expect(r.problems).toEqual([
        { row: 2, column: '公司名称', message: `公司名称“${spaced}”与已登记的“${held.name}”（统一社会信用代码${held.credit_code}）只差空格、大小写或全角半角，视为同一名称，请核对` },
        { row: 4, column: '公司名称', message: expect.stringMatching(/^与第3行公司名称“盘锦Ａｂｃ保安服务有限公司”只差空格、大小写或全角半角，统一社会信用代码却不同，请核对$/) },
      ]);
    }
    expect(await companies()).toBe(before);
  });

  it('commits the good rows in one audited step; the same file again changes nothing; a changed row updates by credit code', async () => {
    const a = good();
    const b = good({ '注册资本（元）': '500万', 辖区: '大洼' });
    const file = csvFile('名册.csv', [COMPANY_COLUMNS, row(a), row(b)]);
    const first = expectData(await baoan.gql(IMPORT, { file, mode: 'COMMIT' })).importCompanies;
    expect(first).toMatchObject({ mode: 'COMMIT', created: 2, updated: 0, unchanged: 0, invalidRows: 0 });
    const [made] = await t.sql(
      `SELECT c.registered_capital, c.district, c.status, u.kind, u.name FROM companies c JOIN units u ON u.id = c.id WHERE c.credit_code = $1`,
      [b.统一社会信用代码],
    );
    expect(made).toEqual({ registered_capital: '5000000.00', district: 'DAWA', status: 'ACTIVE', kind: 'COMPANY', name: b.公司名称 });
    const audit = await t.sql(`SELECT summary FROM audit_log WHERE action = 'IMPORT' AND entity_type = 'Company' ORDER BY id DESC LIMIT 1`);
    expect(audit[0].summary).toContain('新增2家');

    const again = expectData(await baoan.gql(IMPORT, { file, mode: 'COMMIT' })).importCompanies;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const renamed = { ...a, 公司名称: `${a.公司名称}（更名）`, 联系人: '李经理' };
    const third = expectData(await baoan.gql(IMPORT, { file: csvFile('名册.csv', [COMPANY_COLUMNS, row(renamed), row(b)]), mode: 'COMMIT' })).importCompanies;
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [after] = await t.sql(
      `SELECT c.name, c.contact_name, c.version, u.name AS unit_name FROM companies c JOIN units u ON u.id = c.id WHERE c.credit_code = $1`,
      [a.统一社会信用代码],
    );
    expect(after).toEqual({ name: renamed.公司名称, contact_name: '李经理', version: 2, unit_name: renamed.公司名称 });
  });

  it('updates a company already on the register without touching its status; its expired licence does not block the update', async () => {
    const [c] = await t.sql(`SELECT c.credit_code, c.name FROM companies c JOIN units u ON u.id = c.id AND u.kind = 'COMPANY' ORDER BY c.name LIMIT 1`);
    await t.sql(`UPDATE companies SET status = 'SUSPENDED', status_reason = '测试' WHERE credit_code = $1`, [c.credit_code]);
    const file = csvFile('名册.csv', [COMPANY_COLUMNS, row(good({ 统一社会信用代码: c.credit_code, 公司名称: c.name, 许可证有效期至: '2021-01-01' }))]);
    const r = expectData(await baoan.gql(IMPORT, { file, mode: 'COMMIT' })).importCompanies;
    expect(r).toMatchObject({ updated: 1, invalidRows: 0 });
    const [after] = await t.sql(`SELECT status, to_char(license_expiry, 'YYYY-MM-DD') AS expiry FROM companies WHERE credit_code = $1`, [c.credit_code]);
    expect(after).toEqual({ status: 'SUSPENDED', expiry: '2021-01-01' });
  });

  it('refuses registered capital in 万 that is not a whole number of fen, never rounding it up past 条例第八条 (C-2)', async () => {
    const capital = '注册资本（元）';
    const sub = good({ [capital]: '99.9999999万' });
    const yuan = good({ [capital]: '999999.999' });
    const short = good({ [capital]: '99.999999万' });
    const file = csvFile('名册.csv', [COMPANY_COLUMNS, row(sub), row(yuan), row(short), row(good({ [capital]: '100.0000000万' }))]);
    const stored = async () =>
      (await t.sql(`SELECT count(*)::int AS n FROM companies WHERE credit_code = ANY($1::text[])`, [[sub, yuan, short].map((r) => r.统一社会信用代码)]))[0].n;
    const before = await companies();
    for (const mode of ['PREVIEW', 'COMMIT']) {
      const r = expectData(await baoan.gql(IMPORT, { file, mode })).importCompanies;
      // 99.9999999万 is 999999.999元: not a whole number of fen, refused as such (not rounded to 1,000,000).
      // The same amount in 元 is refused; 99.999999万 (exactly 999999.99元) is below the Art. 8 minimum.
      // 100.0000000万 (trailing zeros) is exactly 1000000元 and passes.
      expect(r.problems).toEqual([
        { row: 2, column: capital, message: '注册资本最多精确到分：“99.9999999万”即999999.999元，不是整分的金额（以“万”填写时最多六位小数）' },
        { row: 3, column: capital, message: '注册资本不得少于人民币100万元（《保安服务管理条例》第八条）' },
        { row: 4, column: capital, message: '注册资本不得少于人民币100万元（《保安服务管理条例》第八条）' },
      ]);
      expect(r).toMatchObject({ mode, invalidRows: 3, validRows: 1, created: mode === 'PREVIEW' ? 1 : 0 });
      expect(await stored()).toBe(0);
      expect(await companies()).toBe(before);
    }
  });

  it('stores an amount in 万 exactly, to the fen: 100.000001万 is 1000000.01元', async () => {
    const exact = good({ '注册资本（元）': '100.000001万' });
    const r = expectData(await baoan.gql(IMPORT, { file: csvFile('名册.csv', [COMPANY_COLUMNS, row(exact)]), mode: 'COMMIT' })).importCompanies;
    expect(r).toMatchObject({ created: 1, invalidRows: 0 });
    const [c] = await t.sql(`SELECT registered_capital FROM companies WHERE credit_code = $1`, [exact.统一社会信用代码]);
    expect(c.registered_capital).toBe('1000000.01');
  });

  it('two imports of the same file at once create each company once (the second is refused while the first runs, or finds them)', async () => {
    const file = csvFile('名册.csv', [COMPANY_COLUMNS, row(good()), row(good()), row(good())]);
    const before = await companies();
    const results = await Promise.all([baoan.gql(IMPORT, { file, mode: 'COMMIT' }), baoan.gql(IMPORT, { file, mode: 'COMMIT' })]);
    // one import per unit at a time (common/import-lock.ts): the other is refused if it came while the first ran
    for (const r of results.filter((x) => x.errors?.length)) expectErrorCode(r, 'CONFLICT');
    const outcomes = results.filter((x) => !x.errors?.length).map((r) => expectData(r).importCompanies);
    expect(outcomes.map((o) => o.created).sort()).toEqual(outcomes.length === 2 ? [0, 3] : [3]);
    expect(await companies()).toBe(before + 3);
  });

  it('only the security detachment imports, and downloads the template; the template reads back', async () => {
    const file = csvFile('名册.csv', [COMPANY_COLUMNS, row(good())]);
    for (const username of ['company1', 'organizer1', 'dawa', 'dahuo', 'admin', 'office']) {
      const client = await t.login(username);
      expectErrorCode(await client.gql(IMPORT, { file, mode: 'PREVIEW' }), 'FORBIDDEN');
      const res = await fetch(`${t.url}/templates/companies.xlsx`, { headers: { cookie: `evs_session=${client.cookie('evs_session')}` } });
      expect(res.status).toBe(403);
    }
    expect((await fetch(`${t.url}/templates/companies.xlsx`)).status).toBe(401);
    const res = await fetch(`${t.url}/templates/companies.xlsx`, { headers: { cookie: `evs_session=${baoan.cookie('evs_session')}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(COMPANY_COLUMNS);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = expectData(await baoan.gql(IMPORT, { file: { name: '模板.xlsx', base64 }, mode: 'PREVIEW' })).importCompanies;
    expect(r).toMatchObject({ totalRows: 1, invalidRows: 0, created: 1 });
  });
  it('refuses an .xlsx whose cells hold formulas, naming the cell, storing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow([...COMPANY_COLUMNS]);
    const r = ws.addRow(row(good()));
    r.getCell(COMPANY_COLUMNS.indexOf('公司名称') + 1).value = { formula: 'HYPERLINK("http://x.cn","盘锦公式保安服务有限公司")', result: '盘锦公式保安服务有限公司' };
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = await companies();
    const err = expectErrorCode(await baoan.gql(IMPORT, { file: { name: '名册.xlsx', base64 }, mode: 'COMMIT' }), 'BAD_USER_INPUT');
    expect(err.message).toContain('第2行“公司名称”');
    expect(await companies()).toBe(before);
  });
});
