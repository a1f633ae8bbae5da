import ExcelJS from 'exceljs';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { decryptPii, encryptPii, idHash } from '../../common/pii';
import { csvFile, ensureCompany, idFor, unitOf } from '../../../test/vetting-fixtures';
import { GUARD_COLUMNS } from './guard-import.service';

const IMPORT = `mutation($input: ImportGuardsInput!) {
  importGuards(input: $input) { mode totalRows validRows invalidRows created updated unchanged ids problems { row column message } }
}`;

const CREATE = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;

function row(values: Partial<Record<string, string>>): string[] {
  return GUARD_COLUMNS.map((c) => values[c] ?? '');
}

describe('importGuards', () => {
  let t: TestApp;
  let company: TestClient;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    company = await t.login('company1');
  });
  afterAll(() => t?.close());

  const count = async () => (await t.sql(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1`, [companyId]))[0].n;

  it('previews every bad row with row, column and reason, storing nothing; a commit with bad rows stores nothing either; the fixed file is saved; re-import changes nothing', async () => {
    const a = idFor('1988-01-01');
    const b = idFor('1992-02-02');
    const father = idFor('1960-01-01');
    const wrongCheck = idFor('1990-01-01').slice(0, 17) + 'Z';
    const file = csvFile('名册.csv', [
      GUARD_COLUMNS,
      row({ 姓名: '张甲', 身份证号: a, 手机号: '13912345678', 保安员证号: 'Z0001', 发证日期: '2020-01-01', 学历: '高中', 父亲姓名: '甲父', 父亲身份证号: father }),
      row({ 姓名: '李乙', 身份证号: b, 学历: '中专' }),
      row({ 姓名: '', 身份证号: wrongCheck, 手机号: '123', 学历: '幼儿园' }),
      row({ 姓名: '王丙', 身份证号: a, 学历: '初中' }),
      row({ 姓名: '赵丁', 身份证号: idFor('1985-05-05'), 学历: '本科', 母亲姓名: '丁母', 发证日期: '2020-13-01' }),
    ]);
    const before = await count();
    const preview = expectData(await company.gql(IMPORT, { input: { file, mode: 'PREVIEW' } })).importGuards;
    expect(preview).toMatchObject({ mode: 'PREVIEW', totalRows: 5, validRows: 2, invalidRows: 3, created: 2, updated: 0, unchanged: 0 });
    const where = preview.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`);
    expect(where).toEqual(expect.arrayContaining(['4:姓名', '4:身份证号', '4:手机号', '4:学历', '5:身份证号', '6:发证日期', '6:母亲身份证号']));
    expect(preview.problems.find((p: { row: number; column: string }) => p.row === 5).message).toContain('与第2行身份证号重复');
    expect(preview.problems.find((p: { row: number; column: string }) => p.row === 4 && p.column === '身份证号').message).toMatch(/18位|校验位/);
    expect(await count()).toBe(before);

    // Committed as it is, a file with bad rows stores nothing (SPEC §8) and reports every problem again.
    const refused = expectData(await company.gql(IMPORT, { input: { file, mode: 'COMMIT' } })).importGuards;
    expect(refused).toMatchObject({ mode: 'COMMIT', created: 0, updated: 0, unchanged: 0, invalidRows: 3, ids: [] });
    expect(refused.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual(where);
    expect(await count()).toBe(before);

    // The bad rows fixed (here: left out), the file is saved in one transaction.
    const good = csvFile('名册.csv', [
      GUARD_COLUMNS,
      row({ 姓名: '张甲', 身份证号: a, 手机号: '13912345678', 保安员证号: 'Z0001', 发证日期: '2020-01-01', 学历: '高中', 父亲姓名: '甲父', 父亲身份证号: father }),
      row({ 姓名: '李乙', 身份证号: b, 学历: '中专' }),
    ]);
    const commit = expectData(await company.gql(IMPORT, { input: { file: good, mode: 'COMMIT' } })).importGuards;
    expect(commit).toMatchObject({ mode: 'COMMIT', created: 2, updated: 0, unchanged: 0, invalidRows: 0 });
    expect(commit.ids).toHaveLength(2);
    expect(await count()).toBe(before + 2);
    const [rel] = await t.sql(`SELECT r.relation, r.name_cipher FROM guard_relatives r JOIN guards g ON g.id = r.guard_id WHERE g.id_hash = $1`, [idHash(a)]);
    expect({ relation: rel.relation, name: decryptPii(rel.name_cipher) }).toEqual({ relation: 'FATHER', name: '甲父' });
    const [g] = await t.sql(`SELECT education, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM guards WHERE id_hash = $1`, [idHash(b)]);
    expect(g).toEqual({ education: 'VOCATIONAL', sex: expect.any(String), birth: '1992-02-02' });

    const again = expectData(await company.gql(IMPORT, { input: { file: good, mode: 'COMMIT' } })).importGuards;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await count()).toBe(before + 2);

    // A changed phone and a new mother: updated, still no duplicate.
    const changed = csvFile('名册.csv', [
      GUARD_COLUMNS,
      row({ 姓名: '张甲', 身份证号: a, 手机号: '13900000000', 保安员证号: 'Z0001', 发证日期: '2020-01-01', 学历: '高中', 父亲姓名: '甲父', 父亲身份证号: father }),
      row({ 姓名: '李乙', 身份证号: b, 学历: '中专', 母亲姓名: '乙母', 母亲身份证号: idFor('1965-06-06', true) }),
    ]);
    expect(expectData(await company.gql(IMPORT, { input: { file: changed, mode: 'COMMIT' } })).importGuards).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect(await count()).toBe(before + 2);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM guard_relatives r JOIN guards g ON g.id = r.guard_id WHERE g.id_hash = ANY($1)`, [[idHash(a), idHash(b)]]);
    expect(n).toBe(2);
    const [audit] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'IMPORT' AND entity_type = 'Guard'`);
    expect(audit.n).toBe(3);
  });

  it('refuses a person active at another company, row by row', async () => {
    const company2 = await ensureCompany(t, await unitOf(t, 'company2'));
    const id = idFor('1989-09-09');
    await t.sql(`INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, education) VALUES ($1, '别家', $2, $3, '1989-09-09', 'MALE', 'SENIOR_MIDDLE')`, [
      company2, encryptPii(id), idHash(id),
    ]);
    const r = expectData(await company.gql(IMPORT, { input: { file: csvFile('x.csv', [GUARD_COLUMNS, row({ 姓名: '别家', 身份证号: id, 学历: '高中' })]), mode: 'COMMIT' } })).importGuards;
    expect(r).toMatchObject({ created: 0, invalidRows: 1 });
    expect(r.problems[0]).toMatchObject({ row: 2, column: '身份证号' });
    expect(r.problems[0].message).toBe('该人员已在其他单位登记为在职保安员（一人只能有一条在职记录），须先由原单位办理离职');
    // No competitor is named to a company (issue 10); 保安管理支队 is told where the person is.
    expect(JSON.stringify(r)).not.toContain('红海滩');
    const baoan = await t.login('baoan');
    const bySd = expectData(await baoan.gql(IMPORT, { input: { companyId, file: csvFile('x.csv', [GUARD_COLUMNS, row({ 姓名: '别家', 身份证号: id, 学历: '高中' })]), mode: 'PREVIEW' } })).importGuards;
    expect(bySd.problems[0].message).toContain('在职登记');
  });

  it('applies the register’s rulebook, as the form does: names, certificate, relatives, Art. 16 and 17', async () => {
    const minor = idFor('2012-01-01');
    const revoked = idFor('1986-06-06');
    await t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, CURRENT_DATE - 100, '测试')`, [encryptPii(revoked), idHash(revoked)]);
    const file = csvFile('规则.csv', [
      GUARD_COLUMNS,
      row({ 姓名: '<b>刘</b>', 身份证号: idFor('1990-03-03'), 学历: '高中' }),
      row({ 姓名: '=1+1', 身份证号: idFor('1990-03-04'), 学历: '高中' }),
      row({ 姓名: '未成年', 身份证号: minor, 学历: '高中' }),
      row({ 姓名: '小学生', 身份证号: idFor('1990-03-05'), 学历: '小学' }),
      row({ 姓名: '证太短', 身份证号: idFor('1990-03-06'), 学历: '高中', 保安员证号: 'A1' }),
      row({ 姓名: '父为女', 身份证号: idFor('1990-03-07'), 学历: '高中', 父亲姓名: '某父', 父亲身份证号: idFor('1960-01-01', true) }),
      row({ 姓名: '被吊销', 身份证号: revoked, 学历: '高中' }),
      row({ 姓名: '说明过长', 身份证号: idFor('1990-03-08'), 学历: '高中', 未登记亲属说明: '长'.repeat(201) }),
    ]);
    const r = expectData(await company.gql(IMPORT, { input: { file, mode: 'PREVIEW' } })).importGuards;
    expect(r).toMatchObject({ totalRows: 8, validRows: 0, invalidRows: 8, created: 0 });
    const at = (row: number) => r.problems.filter((p: { row: number }) => p.row === row).map((p: { column: string; message: string }) => `${p.column}:${p.message}`).join('|');
    expect(at(2)).toContain('姓名:姓名应为2–30个汉字或字母');
    expect(at(3)).toContain('姓名:');
    expect(at(4)).toContain('未满18周岁');
    expect(at(5)).toContain('学历:');
    expect(at(6)).toContain('保安员证号:');
    expect(at(7)).toContain('父亲身份证号:');
    expect(at(8)).toContain('保安员证号:');
    expect(at(9)).toContain('未登记亲属说明:');
  });

  it('reads the downloadable .xlsx template back, and refuses files it cannot read', async () => {
    const res = await fetch(`${t.url}/templates/guards.xlsx`, { headers: { cookie: `evs_session=${company.cookie('evs_session')}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(GUARD_COLUMNS);
    ws.spliceRows(2, 1);
    const id = idFor('1993-03-03');
    ws.addRow(row({ 姓名: '模板人', 身份证号: id, 学历: '大专', 发证日期: '2021-06-01', 保安员证号: 'T-0001' }));
    const numeric = ws.addRow(row({ 姓名: '数字', 学历: '高中' }));
    // eslint-disable-next-line no-loss-of-precision -- an ID typed as a number in Excel: digits already lost
    numeric.getCell(2).value = 211102199001011234;
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = expectData(await company.gql(IMPORT, { input: { file: { name: '名册.xlsx', base64 }, mode: 'COMMIT' } })).importGuards;
    expect(r).toMatchObject({ created: 0, validRows: 1, invalidRows: 1 });
    expect(r.problems[0]).toMatchObject({ row: 3, column: '身份证号' });
    expect(r.problems[0].message).toContain('文本格式');
    ws.spliceRows(3, 1);
    const fixed = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect(expectData(await company.gql(IMPORT, { input: { file: { name: '名册.xlsx', base64: fixed }, mode: 'COMMIT' } })).importGuards).toMatchObject({ created: 1, invalidRows: 0 });

    expectErrorCode(await company.gql(IMPORT, { input: { file: { name: 'a.pdf', base64: 'AAAA' }, mode: 'PREVIEW' } }), 'BAD_USER_INPUT');
    const missing = expectErrorCode(await company.gql(IMPORT, { input: { file: csvFile('a.csv', [['姓名'], ['x']]), mode: 'PREVIEW' } }), 'BAD_USER_INPUT');
    expect(missing.message).toContain('身份证号');
    expect((await fetch(`${t.url}/templates/guards.xlsx`)).status).toBe(401);
  });

  it('a file with some relative columns replaces those relations only: 配偶 columns alone keep the registered father and mother; some 子女 columns only are refused (review 7-C F6)', async () => {
    const me = idFor('1985-03-03');
    const father = idFor('1958-01-01');
    const mother = idFor('1960-01-01', true);
    const spouse = idFor('1987-01-01', true);
    expectData(await company.gql(IMPORT, { input: { file: csvFile('亲属.csv', [GUARD_COLUMNS, row({ 姓名: '亲属全', 身份证号: me, 学历: '高中', 父亲姓名: '全父', 父亲身份证号: father, 母亲姓名: '全母', 母亲身份证号: mother })]), mode: 'COMMIT' } }));
    const relationsOf = async () =>
      (await t.sql(`SELECT relation FROM guard_relatives r JOIN guards g ON g.id = r.guard_id WHERE g.id_hash = $1 ORDER BY relation`, [idHash(me)])).map((r: { relation: string }) => r.relation);
    expect(await relationsOf()).toEqual(['FATHER', 'MOTHER']);

    const spouseOnly = csvFile('配偶.csv', [['姓名', '身份证号', '学历', '配偶姓名', '配偶身份证号'], ['亲属全', me, '高中', '全妻', spouse]]);
    expect(expectData(await company.gql(IMPORT, { input: { file: spouseOnly, mode: 'COMMIT' } })).importGuards).toMatchObject({ updated: 1, problems: [] });
    expect(await relationsOf()).toEqual(['FATHER', 'MOTHER', 'SPOUSE']);
    // the same file again: nothing changes
    expect(expectData(await company.gql(IMPORT, { input: { file: spouseOnly, mode: 'COMMIT' } })).importGuards).toMatchObject({ updated: 0, unchanged: 1 });

    const someChildren = csvFile('子女.csv', [['姓名', '身份证号', '学历', '子女1姓名', '子女1身份证号'], ['亲属全', me, '高中', '全子', idFor('2012-01-01')]]);
    const refused = expectErrorCode(await company.gql(IMPORT, { input: { file: someChildren, mode: 'PREVIEW' } }), 'BAD_USER_INPUT');
    expect(refused.message).toBe('文件只有部分子女列（缺少子女2姓名、子女2身份证号、子女3姓名、子女3身份证号）：导入会把每人的子女改为文件所列，未列出的已登记子女将被删除。请使用模板的全部子女列，或去掉全部子女列（子女不变）');
    expect(await relationsOf()).toEqual(['FATHER', 'MOTHER', 'SPOUSE']);
  });

  it('refuses an .xlsx whose cells hold formulas, naming each cell, storing nothing (the shown result is not what was typed)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow([...GUARD_COLUMNS]);
    ws.addRow(row({ 姓名: '公式甲', 身份证号: idFor('1991-04-04'), 学历: '大专' }));
    ws.getCell('A2').value = { formula: 'HYPERLINK("http://x.cn","公式甲")', result: '公式甲' };
    const second = ws.addRow(row({ 姓名: '公式乙', 身份证号: idFor('1992-05-05'), 学历: '高中', 保安员证号: 'F-0001' }));
    second.getCell(GUARD_COLUMNS.indexOf('保安员证号') + 1).value = { formula: '"F-"&"0001"', result: 'F-0001' };
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = await count();
    for (const mode of ['PREVIEW', 'COMMIT']) {
      const err = expectErrorCode(await company.gql(IMPORT, { input: { file: { name: '名册.xlsx', base64 }, mode } }), 'BAD_USER_INPUT');
      expect(err.message).toContain('第2行“姓名”');
      expect(err.message).toContain('第3行“保安员证号”');
      expect(err.message).toContain('粘贴为数值');
    }
    expect(await count()).toBe(before);
    expect(await t.sql(`SELECT 1 FROM guards WHERE name LIKE '%公式%'`)).toEqual([]);
  });

  it('answers a foreign company’s register with the form’s error (code and message), on both paths, storing nothing', async () => {
    const company2 = await ensureCompany(t, await unitOf(t, 'company2'));
    const id = idFor('1990-10-10');
    const before = (await t.sql(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1`, [company2]))[0].n;
    const file = csvFile('x.csv', [GUARD_COLUMNS, row({ 姓名: '某某', 身份证号: id, 学历: '高中' })]);
    const viaImport = expectErrorCode(await company.gql(IMPORT, { input: { companyId: company2, file, mode: 'COMMIT' } }), 'NOT_FOUND');
    const viaForm = expectErrorCode(
      await company.gql(CREATE, { input: { companyId: company2, name: '某某', idNumber: id, education: 'SENIOR_MIDDLE' } }),
      'NOT_FOUND',
    );
    expect(viaImport.message).toBe(viaForm.message);
    expect(viaImport.message).toBe('保安服务公司不存在或无权查看');
    // A self-recruiting organizer, naming a register not its own, is answered the same way.
    const organizer = await t.login('organizer1');
    const viaOrganizer = expectErrorCode(await organizer.gql(IMPORT, { input: { companyId: company2, file, mode: 'COMMIT' } }), 'NOT_FOUND');
    expect(viaOrganizer.message).toBe(viaForm.message);
    expect((await t.sql(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1`, [company2]))[0].n).toBe(before);
    expect((await t.sql(`SELECT count(*)::int AS n FROM guards WHERE id_hash = $1`, [idHash(id)]))[0].n).toBe(0);
    // A role that keeps no register is refused at the edge on both paths.
    const office = await t.login('office');
    expectErrorCode(await office.gql(IMPORT, { input: { file, mode: 'COMMIT' } }), 'FORBIDDEN');
    expectErrorCode(await office.gql(CREATE, { input: { name: '某某', idNumber: id, education: 'SENIOR_MIDDLE' } }), 'FORBIDDEN');
  });

  it('asks 保安管理支队 for a known register, as the form does', async () => {
    const baoan = await t.login('baoan');
    const file = csvFile('x.csv', [GUARD_COLUMNS, row({ 姓名: '某某', 身份证号: idFor('1990-10-11'), 学历: '高中' })]);
    const missing = expectErrorCode(await baoan.gql(IMPORT, { input: { file, mode: 'PREVIEW' } }), 'BAD_USER_INPUT');
    expect(missing.message).toBe('请选择所属保安服务公司');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const viaImport = expectErrorCode(await baoan.gql(IMPORT, { input: { companyId: unknown, file, mode: 'PREVIEW' } }), 'BAD_USER_INPUT');
    const viaForm = expectErrorCode(
      await baoan.gql(CREATE, { input: { companyId: unknown, name: '某某', idNumber: idFor('1990-10-12'), education: 'SENIOR_MIDDLE' } }),
      'BAD_USER_INPUT',
    );
    expect(viaImport.message).toBe(viaForm.message);
  });

  it('gives a self-recruiting organizer its own register and lets it submit its roster straight to vetting', async () => {
    const organizer = await t.login('organizer1');
    const unit = await unitOf(t, 'organizer1');
    const ids = [idFor('1991-01-01'), idFor('1992-01-01')];
    const file = csvFile('自招.csv', [GUARD_COLUMNS, ...ids.map((id, i) => row({ 姓名: `自招${'甲乙'[i]}`, 身份证号: id, 学历: '高中', 保安员证号: `S000${i}`, 未登记亲属说明: '父母已故' }))]);
    const r = expectData(await organizer.gql(IMPORT, { input: { file, mode: 'COMMIT' } })).importGuards;
    expect(r.created).toBe(2);
    const [reg] = await t.sql(`SELECT c.id, u.kind FROM companies c JOIN units u ON u.id = c.id WHERE c.id = $1`, [unit]);
    expect(reg.kind).toBe('ORGANIZER');
    const [creator] = await t.sql(`SELECT id, unit_id FROM users WHERE username = 'dahuo'`);
    const [a] = await t.sql(
      `INSERT INTO activities (code, name, type, organizer_unit_id, organizer_name, venue, address, district, starts_at, ends_at, applied_on,
         expected_attendance, guards_required, security_mode, contact_name, contact_phone, status, reporter_unit_id, created_by)
       VALUES ('T-SELF', '自招活动', '展会', $1, '主办', '馆', '址', 'DAWA', now() + interval '30 days', now() + interval '31 days', CURRENT_DATE,
         2000, 2, 'SELF_RECRUITED', '人', '13900000000', 'APPROVED', $2, $3) RETURNING id`,
      [unit, creator.unit_id, creator.id],
    );
    const submitted = expectData(await organizer.gql(`mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus entries { idNumber } } }`, { input: { activityId: a.id, guardIds: r.ids } }));
    expect(submitted.submitRoster.activityStatus).toBe('VETTING');
    expect(submitted.submitRoster.entries[0].idNumber).toContain('********');
    const s = expectData(await organizer.gql(`query($id: ID!) { vettingSummary(activityId: $id) { tier } }`, { id: a.id }));
    expect(s.vettingSummary.tier).toBe('SUBMITTER');
  });
});

/**
 * Every rule of the guard form, through the import: the row is refused naming row and column, with
 * the message the form gives for the same value, and nothing is stored (COMMIT). The import commits
 * the clean rows of a file in one transaction and reports the others (per-row), so each case here is
 * a file of one bad row.
 */
describe('importGuards applies the form’s rulebook', () => {
  let t: TestApp;
  let company: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureCompany(t, await unitOf(t, 'company1'));
    company = await t.login('company1');
  });
  afterAll(() => t?.close());

  const educations: Record<string, string> = { 高中: 'SENIOR_MIDDLE', 小学: 'PRIMARY' };
  const slots: Record<string, string> = { 父亲: 'FATHER', 母亲: 'MOTHER', 子女1: 'CHILD', 子女2: 'CHILD' };
  type Case = [title: string, column: string, cells: () => Record<string, string>];
  const adult = () => idFor('1990-04-04');
  const cases: Case[] = [
    ['a name in markup (<b>张三</b>)', '姓名', () => ({ 姓名: '<b>张三</b>' })],
    ['a name holding a script tag', '姓名', () => ({ 姓名: '<script>alert(1)</script>' })],
    ['a name that is a formula (=HYPERLINK)', '姓名', () => ({ 姓名: '=HYPERLINK("http://x.cn","张三")' })],
    ['a name starting with + (+cmd)', '姓名', () => ({ 姓名: '+cmd' })],
    ['a name starting with @ (@SUM)', '姓名', () => ({ 姓名: '@SUM(A1:A9)' })],
    ['a name starting with - (-2+3)', '姓名', () => ({ 姓名: '-2+3' })],
    ['an ID number with a wrong check digit', '身份证号', () => {
      const id = adult();
      return { 身份证号: id.slice(0, 17) + (id.endsWith('0') ? '1' : '0') };
    }],
    ['an ID number born after today', '身份证号', () => ({ 身份证号: idFor('2099-01-01') })],
    ['an ID number under 18 (Art. 16)', '身份证号', () => ({ 身份证号: idFor('2015-01-01') })],
    ['a phone number not of 11 digits starting with 1', '手机号', () => ({ 手机号: '2345678' })],
    ['a phone number in markup', '手机号', () => ({ 手机号: '<b>13900000000</b>' })],
    ['a certificate number too short', '保安员证号', () => ({ 保安员证号: 'A1' })],
    ['a certificate number that is a formula', '保安员证号', () => ({ 保安员证号: '=A1&"123"' })],
    ['a certificate issued after today', '发证日期', () => ({ 保安员证号: 'Z-2001', 发证日期: '2099-01-01' })],
    ['an issue date without a certificate number', '保安员证号', () => ({ 发证日期: '2020-01-01' })],
    ['primary school only (Art. 16)', '学历', () => ({ 学历: '小学' })],
    ['a father whose ID number says female', '父亲身份证号', () => ({ 父亲姓名: '某父', 父亲身份证号: idFor('1960-01-01', true) })],
    ['a mother whose ID number says male', '母亲身份证号', () => ({ 母亲姓名: '某母', 母亲身份证号: idFor('1960-01-01') })],
    ['a relative in markup', '父亲姓名', () => ({ 父亲姓名: '<i>某父</i>', 父亲身份证号: idFor('1960-02-02') })],
    ['a relative whose name is a formula', '母亲姓名', () => ({ 母亲姓名: '=1+1', 母亲身份证号: idFor('1960-02-02', true) })],
    ['a relative with the guard’s own ID number', '子女1身份证号', () => ({ 子女1姓名: '某子', 子女1身份证号: 'SELF' })],
    ['the same relative twice', '子女2身份证号', () => {
      const child = idFor('2015-05-05');
      return { 子女1姓名: '某甲', 子女1身份证号: child, 子女2姓名: '某乙', 子女2身份证号: child };
    }],
    ['a statement in markup', '未登记亲属说明', () => ({ 未登记亲属说明: '<script>x</script>' })],
    ['a statement that is a formula', '未登记亲属说明', () => ({ 未登记亲属说明: '=cmd|\' /C calc\'!A0' })],
    ['a statement of more than 200 characters', '未登记亲属说明', () => ({ 未登记亲属说明: '故'.repeat(201) })],
  ];

  it.each(cases)('refuses %s, naming row and column, with the form’s message, storing nothing', async (_title, column, cells) => {
    const values: Record<string, string> = { 姓名: '王五', 身份证号: adult(), 学历: '高中', ...cells() };
    for (const k of Object.keys(values)) if (values[k] === 'SELF') values[k] = values['身份证号'];
    const before = (await t.sql(`SELECT count(*)::int AS n FROM guards`))[0].n;
    const r = expectData(await company.gql(IMPORT, { input: { file: csvFile('规则.csv', [GUARD_COLUMNS, row(values)]), mode: 'COMMIT' } })).importGuards;
    expect(r).toMatchObject({ totalRows: 1, invalidRows: 1, created: 0, updated: 0 });
    const problem = r.problems.find((p: { row: number; column: string }) => p.row === 2 && p.column === column);
    expect(problem).toBeDefined();
    expect((await t.sql(`SELECT count(*)::int AS n FROM guards`))[0].n).toBe(before);

    // The form, given the same values, refuses them with the same message.
    const relatives = Object.entries(slots)
      .filter(([prefix]) => values[`${prefix}姓名`] || values[`${prefix}身份证号`])
      .map(([prefix, relation]) => ({ relation, name: values[`${prefix}姓名`], idNumber: values[`${prefix}身份证号`] }));
    const form = expectErrorCode(await company.gql(CREATE, {
      input: {
        name: values['姓名'], idNumber: values['身份证号'], phone: values['手机号'] || null, certificateNo: values['保安员证号'] || null,
        certificateIssuedOn: values['发证日期'] || null, education: educations[values['学历']], relatives, relativesStatement: values['未登记亲属说明'] || null,
      },
    }), 'BAD_USER_INPUT');
    const formMessages = ((form.extensions?.fields ?? []) as { message: string }[]).map((f) => f.message);
    expect(formMessages.some((m) => m.endsWith(problem.message))).toBe(true);
    expect((await t.sql(`SELECT count(*)::int AS n FROM guards`))[0].n).toBe(before);
  });

  it('refuses a person whose certificate was revoked within 3 years (Art. 17), as the form does, storing nothing', async () => {
    const revoked = idFor('1986-06-06');
    await t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, CURRENT_DATE - 100, '测试')`, [encryptPii(revoked), idHash(revoked)]);
    const r = expectData(await company.gql(IMPORT, { input: { file: csvFile('规则.csv', [GUARD_COLUMNS, row({ 姓名: '被吊销', 身份证号: revoked, 学历: '高中' })]), mode: 'COMMIT' } })).importGuards;
    expect(r).toMatchObject({ invalidRows: 1, created: 0 });
    expect(r.problems[0]).toMatchObject({ row: 2, column: '保安员证号' });
    const form = expectErrorCode(await company.gql(CREATE, { input: { name: '被吊销', idNumber: revoked, education: 'SENIOR_MIDDLE' } }), 'BAD_USER_INPUT');
    expect(((form.extensions?.fields ?? []) as { message: string }[]).map((f) => f.message)).toContain(r.problems[0].message);
    expect((await t.sql(`SELECT count(*)::int AS n FROM guards WHERE id_hash = $1`, [idHash(revoked)]))[0].n).toBe(0);
  });
});
