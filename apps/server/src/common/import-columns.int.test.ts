import ExcelJS from 'exceljs';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../test/harness';
import { idFor } from '../../test/vetting-fixtures';

/**
 * A column an import does not read is refused, naming it, not dropped: a register typed with 手机
 * (for 手机号) lost every phone number without a word, and a second 身份证号 column silently replaced
 * the first one's values. Every import, PREVIEW and COMMIT; nothing stored.
 */

const csv = (rows: string[][]) => ({ name: '名册.csv', base64: Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n')).toString('base64') });

const GUARDS = `mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { created } }`;
const RECORDS = `mutation ($file: FileInput!, $mode: ImportMode!) { importRecords(file: $file, mode: $mode) { created } }`;
const COMPANIES = `mutation ($file: FileInput!, $mode: ImportMode!) { importCompanies(file: $file, mode: $mode) { created } }`;

describe('imports refuse a column they do not read, and a repeated column', () => {
  let t: TestApp;
  let company1: TestClient;
  let baoan: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    [company1, baoan] = await Promise.all([t.login('company1'), t.login('baoan')]);
  });
  afterAll(() => t?.close());

  const count = async (sql: string) => (await t.sql(sql))[0].n as number;

  it.each(['PREVIEW', 'COMMIT'])('guards (%s): 手机 instead of 手机号, then 身份证号 twice', async (mode) => {
    const before = await count(`SELECT count(*)::int AS n FROM guards`);
    const person = idFor('1990-03-03');
    const unknown = expectErrorCode(
      await company1.gql(GUARDS, { input: { mode, file: csv([['姓名', '身份证号', '学历', '手机'], ['错列人', person, '高中', '13904270001']]) } }),
      'BAD_USER_INPUT',
    );
    expect(unknown.message).toContain('文件中有无法识别的列：“手机”');
    expect(unknown.message).toContain('手机号');
    expect(unknown.extensions!.fields).toEqual([{ field: 'file.手机', message: '无法识别的列“手机”', row: 1 }]);

    const twice = expectErrorCode(
      await company1.gql(GUARDS, { input: { mode, file: csv([['姓名', '身份证号', '学历', '身份证号'], ['两列人', person, '高中', idFor('1991-04-04')]]) } }),
      'BAD_USER_INPUT',
    );
    expect(twice.message).toBe('文件中有重复的列：“身份证号”（每列只能出现一次）');
    expect(twice.extensions!.fields).toEqual([{ field: 'file.身份证号', message: '列“身份证号”出现了不止一次', row: 1 }]);
    expect(await count(`SELECT count(*)::int AS n FROM guards`)).toBe(before);
  });

  it.each(['PREVIEW', 'COMMIT'])('records (%s): 案由 is not a column of the template', async (mode) => {
    const before = await count(`SELECT count(*)::int AS n FROM criminal_records`);
    const error = expectErrorCode(
      await baoan.gql(RECORDS, {
        mode,
        file: csv([['身份证号', '姓名', '类别', '发生日期', '来源', '案由'], [idFor('1980-01-01'), '某人', '行政拘留', '2021-03-15', '兴隆台公安分局', '盗窃']]),
      }),
      'BAD_USER_INPUT',
    );
    expect(error.message).toContain('文件中有无法识别的列：“案由”');
    expect(error.extensions!.fields).toEqual([{ field: 'file.案由', message: '无法识别的列“案由”', row: 1 }]);
    expect(await count(`SELECT count(*)::int AS n FROM criminal_records`)).toBe(before);
  });

  it.each(['PREVIEW', 'COMMIT'])('companies (%s): 电话 instead of 联系电话', async (mode) => {
    const before = await count(`SELECT count(*)::int AS n FROM companies`);
    const header = ['公司名称', '统一社会信用代码', '保安服务许可证号', '许可证有效期至', '注册资本（元）', '住所', '辖区', '联系人', '联系电话', '电话'];
    const error = expectErrorCode(await baoan.gql(COMPANIES, { mode, file: csv([header, Array(header.length).fill('x')]) }), 'BAD_USER_INPUT');
    expect(error.message).toContain('文件中有无法识别的列：“电话”');
    expect(await count(`SELECT count(*)::int AS n FROM companies`)).toBe(before);
  });

  /** An .xlsx whose first sheet holds these rows (null: no cell). */
  const xlsx = async (rows: (string | null)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('记录');
    for (const r of rows) ws.addRow(r);
    return { name: '记录.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
  };
  const RECORD_HEADER = ['身份证号', '姓名', '类别', '发生日期', '来源'];

  it.each(['PREVIEW', 'COMMIT'])('records .csv (%s): a row with more cells than the header is refused, naming the column and the first row with data (C-5)', async (mode) => {
    const person = idFor('1980-06-06');
    const before = await count(`SELECT count(*)::int AS n FROM criminal_records`);
    const error = expectErrorCode(
      await baoan.gql(RECORDS, {
        mode,
        file: csv([RECORD_HEADER, [person, '某人', '行政拘留', '2021-03-15', '兴隆台公安分局'], [person, '某人', '行政拘留', '2021-03-16', '兴隆台公安分局', '盗窃']]),
      }),
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe(`文件中第6列有数据但没有表头（F列，第3行起）：请在第1行填写列名（可用的列：身份证号、姓名、类别、发生日期、来源、严重程度、备注）或删除该列的数据`);
    expect(error.extensions!.fields).toEqual([{ field: 'file.第6列', message: '第6列有数据但没有表头（F列，第3行起）', row: 1 }]);
    expect(await count(`SELECT count(*)::int AS n FROM criminal_records`)).toBe(before);
  });

  it.each(['PREVIEW', 'COMMIT'])('records .csv (%s): data under an empty header cell is refused (C-5)', async (mode) => {
    const person = idFor('1980-07-07');
    const before = await count(`SELECT count(*)::int AS n FROM criminal_records`);
    const error = expectErrorCode(
      await baoan.gql(RECORDS, {
        mode,
        file: csv([['身份证号', '姓名', '', '类别', '发生日期', '来源'], [person, '某人', '', '行政拘留', '2021-03-15', '兴隆台公安分局'], [person, '某人', '盗窃', '行政拘留', '2021-03-16', '兴隆台公安分局']]),
      }),
      'BAD_USER_INPUT',
    );
    expect(error.message).toContain('文件中第3列有数据但没有表头（C列，第3行起）');
    expect(error.extensions!.fields).toEqual([{ field: 'file.第3列', message: '第3列有数据但没有表头（C列，第3行起）', row: 1 }]);
    expect(await count(`SELECT count(*)::int AS n FROM criminal_records`)).toBe(before);
  });

  it.each(['PREVIEW', 'COMMIT'])('records .xlsx (%s): data under an empty header cell and past the last header is refused, every such column named (C-5)', async (mode) => {
    const person = idFor('1980-08-08');
    const before = await count(`SELECT count(*)::int AS n FROM criminal_records`);
    const file = await xlsx([
      ['身份证号', '姓名', '', '类别', '发生日期', '来源'],
      [person, '某人', null, '行政拘留', '2021-03-15', '兴隆台公安分局', null, '案由：盗窃'],
      [person, '某人', '另一人', '行政拘留', '2021-03-16', '兴隆台公安分局'],
    ]);
    const error = expectErrorCode(await baoan.gql(RECORDS, { mode, file }), 'BAD_USER_INPUT');
    expect(error.message).toBe(
      '文件中第3列有数据但没有表头（C列，第3行起）；第8列有数据但没有表头（H列，第2行起）：请在第1行填写列名（可用的列：身份证号、姓名、类别、发生日期、来源、严重程度、备注）或删除该列的数据',
    );
    expect(error.extensions!.fields).toEqual([
      { field: 'file.第3列', message: '第3列有数据但没有表头（C列，第3行起）', row: 1 },
      { field: 'file.第8列', message: '第8列有数据但没有表头（H列，第2行起）', row: 1 },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM criminal_records`)).toBe(before);
  });

  it('records .xlsx and .csv: an empty header cell with nothing below it, and empty trailing cells, are still accepted', async () => {
    const person = idFor('1980-09-09');
    const file = await xlsx([
      ['身份证号', '姓名', '', '类别', '发生日期', '来源'],
      [person, '某人', null, '行政拘留', '2021-03-15', '兴隆台公安分局', '  '],
    ]);
    expect(expectData(await baoan.gql(RECORDS, { mode: 'PREVIEW', file })).importRecords.created).toBe(1);
    const text = csv([['身份证号', '姓名', '', '类别', '发生日期', '来源'], [person, '某人', '', '行政拘留', '2021-03-15', '兴隆台公安分局', '', ' ']]);
    expect(expectData(await baoan.gql(RECORDS, { mode: 'PREVIEW', file: text })).importRecords.created).toBe(1);
  });

  it.each(['PREVIEW', 'COMMIT'])('guards .xlsx (%s): error cells and a hidden row are refused, each named by row and column, nothing stored (F2, F4)', async (mode) => {
    const before = await count(`SELECT count(*)::int AS n FROM guards`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '身份证号', '手机号', '保安员证号', '学历']);
    ws.addRow(['错值人', idFor('1990-06-06'), { error: '#N/A' }, { error: '#REF!' }, '高中']);
    const file = { name: '名册.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
    const error = expectErrorCode(await company1.gql(GUARDS, { input: { mode, file } }), 'BAD_USER_INPUT');
    expect(error.message).toBe('第2行“手机号”是错误值 #N/A（可能来自公式），请更正后导入；第2行“保安员证号”是错误值 #REF!（可能来自公式），请更正后导入');
    expect(error.extensions!.fields).toEqual([
      { field: 'file.手机号', message: '第2行“手机号”是错误值 #N/A（可能来自公式），请更正后导入', row: 2 },
      { field: 'file.保安员证号', message: '第2行“保安员证号”是错误值 #REF!（可能来自公式），请更正后导入', row: 2 },
    ]);

    ws.getRow(2).values = ['可见人', idFor('1990-07-07'), null, null, '高中'];
    ws.addRow(['隐藏人', idFor('1990-08-08'), null, null, '小学']).hidden = true;
    const hidden = { name: '名册.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
    const refused = expectErrorCode(await company1.gql(GUARDS, { input: { mode, file: hidden } }), 'BAD_USER_INPUT');
    expect(refused.message).toBe('第3行是隐藏行（可能被筛选隐藏），请取消隐藏或删除后导入');
    expect(refused.extensions!.fields).toEqual([{ field: 'file', message: '第3行是隐藏行', row: 3 }]);
    expect(await count(`SELECT count(*)::int AS n FROM guards`)).toBe(before);
  });

  it('an empty header cell (a blank column in the sheet) is not a column', async () => {
    const r = await company1.gql(GUARDS, { input: { mode: 'PREVIEW', file: csv([['姓名', '身份证号', '学历', ''], ['空列人', idFor('1992-05-05'), '高中', '']]) } });
    expect(r.errors).toBeUndefined();
  });
});
