import ExcelJS from 'exceljs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { csvFile, ensureCompany, idFor, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';
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
    const pass = expectData(await baoan.gql(`mutation($id: ID!) { passAllClean(activityId: $id) { decided } }`, { id: a2 }));
    expect(pass.passAllClean.decided).toBe(0);
    const recheck = await baoan.gql(`mutation($id: ID!) { recheckVetting(activityId: $id) }`, { id: a2 });
    expect(expectErrorCode(recheck, 'UNAVAILABLE').message).toContain('未作出任何审核结论');

    mode = 'ok';
    expect(expectData(await baoan.gql(`mutation($id: ID!) { recheckVetting(activityId: $id) }`, { id: a2 })).recheckVetting).toBe(1);
    const after = expectData(await baoan.gql(LIST, { id: a2 })).rosterEntries.items[0];
    expect(after).toMatchObject({ checked: true, suggestion: 'PENDING', suggestionCategory: 'RELATIVE_RECORD', reasonCategory: null });
  });
});
