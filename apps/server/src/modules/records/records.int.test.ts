import ExcelJS from 'exceljs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { csvFile, ensureCompany, idFor, makeActivity, makeGuard, passAllSeen, unitOf } from '../../../test/vetting-fixtures';
import { decryptPii, encryptPii, idHash } from '../../common/pii';
import { HttpRecordsSource, RecordsSourceError } from './records.source';

const IMPORT = `mutation($file: FileInput!, $mode: ImportMode!) {
  importRecords(file: $file, mode: $mode) { mode totalRows validRows invalidRows created updated unchanged problems { row column message } }
}`;
const HEADER = ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'];

describe('records register import', () => {
  let t: TestApp;
  let baoan: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
  });
  afterAll(() => t?.close());

  it('calls a real but implausible date implausible, not a format error', async () => {
    const file = csvFile('记录.csv', [HEADER, [idFor('1980-02-02'), '王某', '行政拘留', '0001-01-01', '兴隆台公安分局', '', '']]);
    const preview = expectData(await baoan.gql(IMPORT, { file, mode: 'PREVIEW' })).importRecords;
    expect(preview.problems).toEqual([{ row: 2, column: '发生日期', message: '0001-01-01早于1900年，请核对' }]);
  });

  it('previews bad rows; a commit with bad rows stores nothing; the fixed file is saved, and a re-import adds nothing', async () => {
    const a = idFor('1980-01-01');
    const file = csvFile('记录.csv', [
      HEADER,
      [a, '张某', '故意犯罪刑事处罚', '2015-03-01', '兴隆台公安分局', '重', ''],
      [a, '张某', '行政拘留', '2019/7/8', '兴隆台公安分局', '', ''],
      [idFor('1981-01-01'), '李某', '偷窃', '2015-03-01', '双台子公安分局', '', ''],
      ['12345', '', '行政拘留', '明天', '', '', ''],
      [a, '张某', '故意犯罪刑事处罚', '2015-03-01', '兴隆台公安分局', '重', ''],
    ]);
    const preview = expectData(await baoan.gql(IMPORT, { file, mode: 'PREVIEW' })).importRecords;
    expect(preview).toMatchObject({ totalRows: 5, validRows: 2, invalidRows: 3, created: 2 });
    expect(preview.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual(
      expect.arrayContaining(['4:类别', '5:身份证号', '5:姓名', '5:发生日期', '5:来源', '6:身份证号']),
    );
    const [{ n: none }] = await t.sql(`SELECT count(*)::int AS n FROM criminal_records WHERE id_hash = $1`, [idHash(a)]);
    expect(none).toBe(0);
    // Committed with its bad rows, the file stores nothing (SPEC §8) and lists the problems again.
    expect(expectData(await baoan.gql(IMPORT, { file, mode: 'COMMIT' })).importRecords).toMatchObject({ created: 0, updated: 0, unchanged: 0, invalidRows: 3 });
    const [{ n: still }] = await t.sql(`SELECT count(*)::int AS n FROM criminal_records WHERE id_hash = $1`, [idHash(a)]);
    expect(still).toBe(0);
    const fixed = csvFile('记录.csv', [
      HEADER,
      [a, '张某', '故意犯罪刑事处罚', '2015-03-01', '兴隆台公安分局', '重', ''],
      [a, '张某', '行政拘留', '2019/7/8', '兴隆台公安分局', '', ''],
    ]);
    expect(expectData(await baoan.gql(IMPORT, { file: fixed, mode: 'COMMIT' })).importRecords).toMatchObject({ created: 2, unchanged: 0 });
    expect(expectData(await baoan.gql(IMPORT, { file: fixed, mode: 'COMMIT' })).importRecords).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM criminal_records WHERE id_hash = $1`, [idHash(a)]);
    expect(n).toBe(2);
  });

  it('refuses an .xlsx whose cells hold formulas, naming the cell, storing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('记录');
    ws.addRow(HEADER);
    const id = idFor('1982-02-02');
    ws.addRow([id, '王某', '行政拘留', '2019-07-08', '兴隆台公安分局', '', '']);
    ws.getCell('A2').value = { formula: `"${id.slice(0, 9)}"&"${id.slice(9)}"`, result: id };
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const err = expectErrorCode(await baoan.gql(IMPORT, { file: { name: '记录.xlsx', base64 }, mode: 'COMMIT' }), 'BAD_USER_INPUT');
    expect(err.message).toContain('第2行“身份证号”');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM criminal_records WHERE id_hash = $1`, [idHash(id)]);
    expect(n).toBe(0);
  });

  /** How many of these people's records are stored. */
  const storedFor = async (ids: string[]) =>
    (await t.sql(`SELECT count(*)::int AS n FROM criminal_records WHERE id_hash = ANY($1::bytea[])`, [ids.map((id) => idHash(id))]))[0].n as number;

  /** PREVIEW and COMMIT of the file both list exactly these problems, and nothing of it is stored. */
  async function refusedBoth(file: { name: string; base64: string }, problems: { row: number; column: string; message: string }[], ids: string[], valid: number) {
    for (const mode of ['PREVIEW', 'COMMIT']) {
      const r = expectData(await baoan.gql(IMPORT, { file, mode })).importRecords;
      expect(r.problems).toEqual(problems);
      expect(r).toMatchObject({ mode, invalidRows: new Set(problems.map((p) => p.row)).size, validRows: valid, created: mode === 'PREVIEW' ? valid : 0, updated: 0, unchanged: 0 });
      expect(await storedFor(ids)).toBe(0);
    }
  }

  it('refuses a 发生日期 before the person was born or before the 12th birthday, naming the row, the column and the law (C-4)', async () => {
    const born = idFor('1990-05-05');
    const leap = idFor('2000-02-29');
    const file = csvFile('记录.csv', [
      HEADER,
      [born, '赵某', '行政拘留', '1990-05-04', '兴隆台公安分局', '', ''],
      [leap, '钱某', '故意犯罪刑事处罚', '2012-02-28', '兴隆台公安分局', '', ''],
      [leap, '钱某', '强制隔离戒毒', '2005-06-01', '兴隆台公安分局', '', ''],
      // Turned 12 that day: possible (the row is good, but the file has bad rows and stores nothing).
      [leap, '钱某', '行政拘留', '2012-02-29', '兴隆台公安分局', '', ''],
    ]);
    const under12 = '发生日期时该人未满12周岁（出生日期2000-02-29，据身份证号），不可能有此记录，请核对（《刑法》第十七条：不满十二周岁不负刑事责任；《治安管理处罚法》第十二条：不满十四周岁不予处罚）';
    await refusedBoth(file, [
      { row: 2, column: '发生日期', message: '发生日期早于出生日期（1990-05-05），请核对身份证号或发生日期' },
      { row: 3, column: '发生日期', message: under12 },
      { row: 4, column: '发生日期', message: under12 },
    ], [born, leap], 1);
  });

  it('refuses 劳动教养 after 2013-12-28 and 收容教育 after 2019-12-29, naming the date each was abolished (C-4)', async () => {
    const a = idFor('1970-03-03');
    const b = idFor('1971-04-04');
    const file = csvFile('记录.csv', [
      HEADER,
      [a, '孙某', '劳动教养', '2013-12-29', '兴隆台公安分局', '', ''],
      [a, '孙某', '劳教', '2013-12-28', '兴隆台公安分局', '', ''],
      [b, '李某', '收容教育', '2019-12-30', '双台子公安分局', '', ''],
      [b, '李某', '收容教育', '2019-12-29', '双台子公安分局', '', ''],
    ]);
    await refusedBoth(file, [
      { row: 2, column: '发生日期', message: '劳动教养制度已于2013-12-28废止（《全国人民代表大会常务委员会关于废止有关劳动教养法律规定的决定》），2013-12-29不可能有劳动教养记录，请核对类别或发生日期' },
      { row: 4, column: '发生日期', message: '收容教育制度已于2019-12-29废止（《全国人民代表大会常务委员会关于废止有关收容教育法律规定和制度的决定》），2019-12-30不可能有收容教育记录，请核对类别或发生日期' },
    ], [a, b], 2);
  });

  it('refuses 戒毒, 刑事处罚 and 拘留 as too wide for the categories of 条例第十七条, naming the row and what to write; 劳教 and 故意犯罪 are taken (review 7-C F5)', async () => {
    const a = idFor('1972-05-05');
    const file = csvFile('记录.csv', [
      HEADER,
      [a, '周某', '戒毒', '2015-03-01', '兴隆台公安分局', '', ''],
      [a, '周某', '刑事处罚', '2016-03-01', '兴隆台公安分局', '', ''],
      [a, '周某', '拘留', '2017-03-01', '兴隆台公安分局', '', ''],
      [a, '周某', '故意犯罪', '2018-03-01', '兴隆台公安分局', '', ''],
    ]);
    await refusedBoth(file, [
      { row: 2, column: '类别', message: '“戒毒”不明确：仅“强制隔离戒毒”属条例第十七条情形（自愿戒毒、社区戒毒不属），请填写完整类别' },
      { row: 3, column: '类别', message: '“刑事处罚”不明确：仅故意犯罪受刑事处罚属条例第十七条情形（过失犯罪不属），请填写“故意犯罪刑事处罚”' },
      { row: 4, column: '类别', message: '“拘留”不明确：仅“行政拘留”计入条例第十七条（刑事拘留、司法拘留不计），请填写完整类别' },
    ], [a], 1);
  });

  it('refuses a 姓名 that fails the rule for every person\'s name (C-4)', async () => {
    const a = idFor('1975-05-05');
    const file = csvFile('记录.csv', [
      HEADER,
      [a, '张\t三', '行政拘留', '2015-01-01', '兴隆台公安分局', '', ''],
      [a, '王', '行政拘留', '2015-01-02', '兴隆台公安分局', '', ''],
      [a, '张三123', '行政拘留', '2015-01-03', '兴隆台公安分局', '', ''],
      [a, '阿依古丽·买买提', '行政拘留', '2015-01-04', '兴隆台公安分局', '', ''],
    ]);
    await refusedBoth(file, [
      { row: 2, column: '姓名', message: '姓名不能包含制表符、换行等控制字符' },
      { row: 3, column: '姓名', message: '姓名应为2–30个汉字或字母' },
      { row: 4, column: '姓名', message: '姓名应为2–30个汉字或字母' },
    ], [a], 1);
  });

  it('refuses a 来源 or 严重程度 on more than one line or over its limit, and a 备注 over 500 characters (C-4)', async () => {
    const a = idFor('1976-06-06');
    const b = idFor('1977-07-07');
    const file = csvFile('记录.csv', [
      HEADER,
      [a, '周某', '行政拘留', '2016-01-01', '兴隆台公安分局\n刑侦大队', '', ''],
      [a, '周某', '行政拘留', '2016-01-02', '兴'.repeat(101), '', ''],
      [a, '周某', '行政拘留', '2016-01-03', '兴隆台公安分局', '较\t重', ''],
      [a, '周某', '行政拘留', '2016-01-04', '兴隆台公安分局', '重'.repeat(51), ''],
      [a, '周某', '行政拘留', '2016-01-05', '兴隆台公安分局', '', '备'.repeat(501)],
      // At the limits, counted in characters (𠮷 is one, though two UTF-16 units), a note on two lines: good.
      [b, '吴某', '行政拘留', '2016-01-06', '𠮷'.repeat(100), '𠮷'.repeat(50), `${'注'.repeat(250)}\n${'注'.repeat(249)}`],
    ]);
    await refusedBoth(file, [
      { row: 2, column: '来源', message: '来源不能包含制表符、换行等控制字符' },
      { row: 3, column: '来源', message: '来源不超过100字（现101字）' },
      { row: 4, column: '严重程度', message: '严重程度不能包含制表符、换行等控制字符' },
      { row: 5, column: '严重程度', message: '严重程度不超过50字（现51字）' },
      { row: 6, column: '备注', message: '备注不超过500字（现501字）' },
    ], [a, b], 1);
  });

  it('ten concurrent COMMITs of one 3-row file: 3 created in all, 新增3条 audited once (B-F7); one unit imports one file at a time', async () => {
    const ids = [idFor('1966-01-01'), idFor('1967-02-02'), idFor('1968-03-03')];
    const name = `并发记录-${Date.now()}.csv`;
    const file = csvFile(name, [HEADER, ...ids.map((id, i) => [id, '郑某', '行政拘留', `2018-0${i + 1}-01`, '大洼公安分局', '', ''])]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => baoan.gql(IMPORT, { file, mode: 'COMMIT' })));
    // One import per unit at a time (common/import-lock.ts): an import sent while another of the unit runs is
    // refused, storing nothing; those that ran found the rows new once, then unchanged.
    const refused = answers.filter((a) => a.errors?.length);
    for (const a of refused) expect(expectErrorCode(a, 'CONFLICT').message).toBe('本单位有一个导入（预览或导入）正在进行，请等它完成后再试');
    const outcomes = answers.filter((a) => !a.errors?.length).map((a) => expectData(a).importRecords);
    expect(outcomes.reduce((sum, o) => sum + o.created, 0)).toBe(3);
    expect(outcomes.map((o) => `${o.created}/${o.unchanged}`).sort()).toEqual([...Array(outcomes.length - 1).fill('0/3'), '3/0']);
    expect(await storedFor(ids)).toBe(3);
    const audit = await t.sql(
      `SELECT summary, after FROM audit_log WHERE action = 'IMPORT' AND entity_type = 'CriminalRecord' AND summary LIKE $1 ORDER BY id`,
      [`%“${name}”%`],
    );
    expect(audit).toHaveLength(outcomes.length);
    expect(audit.filter((e: { summary: string }) => e.summary.includes('新增3条'))).toHaveLength(1);
    expect(audit.filter((e: { summary: string }) => e.summary.includes('新增0条，更新0条，未变化3条'))).toHaveLength(outcomes.length - 1);
    expect(audit.reduce((sum: number, e: { after: { created: number } }) => sum + e.after.created, 0)).toBe(3);
  });

  it('an import reports only the rows it inserted; a second import of the same file is refused while the first runs, and afterwards finds its rows unchanged (B-F7)', async () => {
    const ids = [idFor('1969-04-04'), idFor('1969-05-05'), idFor('1969-06-06')];
    const name = `等待记录-${Date.now()}.csv`;
    const file = csvFile(name, [HEADER, ...ids.map((id, i) => [id, '冯某', '行政拘留', `2018-0${i + 1}-02`, '大洼公安分局', '', ''])]);
    const waiting = async () =>
      (await t.sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n as number;
    const until = async (n: number) => {
      for (const started = Date.now(); (await waiting()) < n; await new Promise((r) => setTimeout(r, 25))) {
        if (Date.now() - started > 10_000) throw new Error(`fewer than ${n} sessions waiting on a lock`);
      }
    };
    // Another writer holds the first row, not yet committed: import A plans 3 new rows and waits at its INSERT.
    const other = t.ds.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query(
        `INSERT INTO criminal_records (id_cipher, id_hash, name_cipher, category, occurred_on, source) VALUES ($1, $2, $3, 'ADMIN_DETENTION', '2018-01-02', '大洼公安分局')`,
        [encryptPii(ids[0]), idHash(ids[0]), encryptPii('冯某')],
      );
      const a = baoan.gql(IMPORT, { file, mode: 'COMMIT' });
      await until(1);
      // Import B of the same file while A is under way: refused (one import per unit at a time), not planned
      // against what A has not committed; a preview is refused the same way.
      for (const mode of ['COMMIT', 'PREVIEW']) {
        expect(expectErrorCode(await baoan.gql(IMPORT, { file, mode }), 'CONFLICT').message).toBe('本单位有一个导入（预览或导入）正在进行，请等它完成后再试');
      }
      await other.commitTransaction();
      const first = expectData(await a).importRecords;
      const second = expectData(await baoan.gql(IMPORT, { file, mode: 'COMMIT' })).importRecords;
      // The other writer's row was not inserted by A: A created 2, not the 3 it planned.
      expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, invalidRows: 0 });
      expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 3, invalidRows: 0 });
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    expect(await storedFor(ids)).toBe(3);
    const audit = await t.sql(`SELECT summary FROM audit_log WHERE action = 'IMPORT' AND entity_type = 'CriminalRecord' AND summary LIKE $1 ORDER BY id`, [`%“${name}”%`]);
    expect(audit.map((e: { summary: string }) => e.summary)).toEqual([
      `导入违法犯罪记录“${name}”：新增2条，更新0条，未变化0条，问题行0行`,
      `导入违法犯罪记录“${name}”：新增0条，更新0条，未变化3条，问题行0行`,
    ]);
  });

  it('is for 保安管理支队 only', async () => {
    const company = await t.login('company1');
    expectErrorCode(await company.gql(IMPORT, { file: csvFile('a.csv', [HEADER]), mode: 'PREVIEW' }), 'FORBIDDEN');
    expect((await fetch(`${t.url}/templates/records.xlsx`, { headers: { cookie: `evs_session=${company.cookie('evs_session')}` } })).status).toBe(403);
  });
});

/** A fake external records service on loopback: answers what the test sets. */
function fakeService(handler: (ids: string[], res: http.ServerResponse) => void) {
  const calls: string[][] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const ids = JSON.parse(body).idNumbers as string[];
      calls.push(ids);
      handler(ids, res);
    });
  });
  return {
    calls,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/records`))),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('HTTP records source', () => {
  const bad = idFor('1979-09-09');
  const relative = idFor('1950-05-05');
  let mode: 'ok' | 'error' | 'slow' = 'ok';
  const fake = fakeService((ids, res) => {
    if (mode === 'error') {
      res.writeHead(500).end('boom');
      return;
    }
    const records = [
      { idNumber: bad, name: '外部甲', category: 'INTENTIONAL_CRIME', occurredOn: '2012-01-01', source: '外部库' },
      { idNumber: relative, name: '外部亲属', category: 'ADMIN_DETENTION', occurredOn: '2020-01-01', source: '外部库' },
    ].filter((r) => ids.includes(r.idNumber));
    const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ records }));
    if (mode === 'slow') setTimeout(send, 1500).unref();
    else send();
  });
  let url: string;
  let t: TestApp;

  beforeAll(async () => {
    url = await fake.start();
    process.env.RECORDS_SOURCE_URL = url;
    process.env.RECORDS_SOURCE_TIMEOUT_MS = '800';
    try {
      t = await createTestApp();
    } finally {
      delete process.env.RECORDS_SOURCE_URL;
      delete process.env.RECORDS_SOURCE_TIMEOUT_MS;
    }
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  it('answers by ID number in one request per batch', async () => {
    const source = new HttpRecordsSource(url, 1000);
    mode = 'ok';
    const before = fake.calls.length;
    // People as stored (keyed hash and ciphertext); the service is sent the numbers, as its contract says.
    const person = (id: string) => ({ hash: idHash(id), cipher: encryptPii(id) });
    const found = await source.findFor([person(bad), person(idFor('1999-01-01')), person(bad)]);
    expect(found).toEqual([expect.objectContaining({ idKey: idHash(bad).toString('hex'), category: 'INTENTIONAL_CRIME', recordId: null, createdAt: null })]);
    expect(decryptPii(found[0].nameCipher)).toBe('外部甲');
    expect(fake.calls.length - before).toBe(1);
    expect(fake.calls.at(-1)).toEqual(expect.arrayContaining([bad]));
    mode = 'error';
    await expect(source.findFor([person(bad)])).rejects.toThrow(RecordsSourceError);
    mode = 'slow';
    await expect(new HttpRecordsSource(url, 300).findFor([person(bad)])).rejects.toThrow(/秒内未响应/);
    await expect(new HttpRecordsSource('http://127.0.0.1:1/x', 500).findFor([person(bad)])).rejects.toThrow(/无法连接/);
  });

  it('drives vetting: hits for guard and relative; when it fails nothing is decided and the officer is told clearly', async () => {
    const companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    const company = await t.login('company1');
    const baoan = await t.login('baoan');
    const g1 = await makeGuard(t, companyId, { idNumber: bad });
    const g2 = await makeGuard(t, companyId, { relatives: [{ relation: 'FATHER', name: '外部亲属', idNumber: relative }] });
    const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { warning entries { id guardId checked } } }`;
    const LIST = `query($id: ID!) { rosterEntries(activityId: $id) { items { guardId suggestion suggestionCategory reasonCategory checked hits { relation record { category source registeredAt } } } } }`;

    mode = 'ok';
    const a1 = await makeActivity(t, { selectedCompanyId: companyId, startsAt: '2030-01-01T02:00:00Z' });
    expect(expectData(await company.gql(SUBMIT, { input: { activityId: a1, guardIds: [g1.id, g2.id] } })).submitRoster.warning).toBeNull();
    const items = expectData(await baoan.gql(LIST, { id: a1 })).rosterEntries.items;
    const e1 = items.find((e: { guardId: string }) => e.guardId === g1.id);
    const e2 = items.find((e: { guardId: string }) => e.guardId === g2.id);
    expect(e1).toMatchObject({ suggestion: 'FAILED', suggestionCategory: 'OWN_RECORD', reasonCategory: null, hits: [{ relation: null, record: { category: 'INTENTIONAL_CRIME', source: '外部库', registeredAt: null } }] });
    expect(e2).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'RELATIVE_RECORD', reasonCategory: null });

    mode = 'error';
    const a2 = await makeActivity(t, { selectedCompanyId: companyId, startsAt: '2030-03-01T02:00:00Z' });
    const r = expectData(await company.gql(SUBMIT, { input: { activityId: a2, guardIds: [g2.id] } })).submitRoster;
    expect(r.warning).toContain('记录比对服务暂不可用');
    expect(r.entries[0].checked).toBe(false);
    const decide = await baoan.gql(`mutation($i: DecideVettingInput!) { decideVetting(input: $i) { closed } }`, { i: { entryIds: [r.entries[0].id], decision: 'PASSED', note: 'x' } });
    expect(expectErrorCode(decide, 'BAD_USER_INPUT').message).toContain('尚未完成记录比对');
    expect(await passAllSeen(baoan, a2)).toBe(0);
    const recheck = await baoan.gql(`mutation($id: ID!) { recheckVetting(activityId: $id) }`, { id: a2 });
    expect(expectErrorCode(recheck, 'UNAVAILABLE').message).toContain('未作出任何审核结论');

    mode = 'ok';
    expect(expectData(await baoan.gql(`mutation($id: ID!) { recheckVetting(activityId: $id) }`, { id: a2 })).recheckVetting).toBe(1);
    const after = expectData(await baoan.gql(LIST, { id: a2 })).rosterEntries.items[0];
    expect(after).toMatchObject({ checked: true, suggestion: 'PENDING', suggestionCategory: 'RELATIVE_RECORD', reasonCategory: null });
  });
});
