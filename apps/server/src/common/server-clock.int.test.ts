import { withIdCheckDigit } from '@evs/schema';
import { createTestApp, expectData, expectErrorCode, TestApp } from '../../test/harness';
import { csvFile } from '../../test/vetting-fixtures';
import { GUARD_COLUMNS } from '../modules/guards/guard-import.service';

/**
 * "Today" is the server's clock for every date rule of the registers (SPEC §2), not the machine's
 * time: the guard form and import (issue date not in the future, age), a guard's departure date, a
 * company's licence, and the records register. The clock is set years away from the machine's time,
 * so a rule that still read the system time gives the other answer.
 */
const CREATE = `mutation ($input: CreateGuardInput!) { createGuard(input: $input) { id age certificateIssuedOn } }`;
const LEAVES = `mutation ($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status leftOn } }`;
const IMPORT_GUARDS = `mutation($input: ImportGuardsInput!) { importGuards(input: $input) { created invalidRows problems { row column message } } }`;
const IMPORT_RECORDS = `mutation($file: FileInput!, $mode: ImportMode!) { importRecords(file: $file, mode: $mode) { created invalidRows problems { row column message } } }`;
const COMPANY = `query { companies(page: { page: 1, pageSize: 1 }) { items { id licenseExpiry licenseValid licenseDaysLeft } } }`;

let serial = 500;
/** A valid ID number of someone born on `birth` (YYYYMMDD), unique per call. */
function idBorn(birth: string): string {
  serial += 2;
  return withIdCheckDigit(`211103${birth}${String(serial % 1000).padStart(3, '0').slice(0, 2)}1`);
}

describe('the registers read "today" from the server clock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  it('a guard form with an issue date in the machine’s future but the clock’s past is accepted, and the age is the clock’s', async () => {
    t.clock.set('2031-03-01T09:00:00+08:00');
    const company1 = await t.login('company1');
    const { createGuard } = expectData(
      await company1.gql(CREATE, {
        input: { name: '时钟甲', idNumber: idBorn('19960301'), phone: '13904270001', certificateNo: '辽盘保2030T0001', certificateIssuedOn: '2030-06-01', education: 'SENIOR_MIDDLE' },
      }),
    );
    expect(createGuard).toMatchObject({ age: 35, certificateIssuedOn: '2030-06-01' });

    // ...and a departure date later than the clock's today is refused, though long past by the machine.
    t.clock.set('2020-01-01T09:00:00+08:00');
    const refused = expectErrorCode(await company1.gql(LEAVES, { id: createGuard.id, date: '2025-01-01' }), 'BAD_USER_INPUT');
    expect(refused.message).toContain('离职日期不能晚于今天');
  });

  it('the guard import takes the same today as the form', async () => {
    t.clock.set('2031-03-01T09:00:00+08:00');
    const company1 = await t.login('company1');
    const values: Record<string, string> = { 姓名: '时钟乙', 身份证号: idBorn('19950405'), 学历: '高中', 发证日期: '2030-06-01', 保安员证号: '辽盘保2030T0002' };
    const file = csvFile('名册.csv', [GUARD_COLUMNS, GUARD_COLUMNS.map((c) => values[c] ?? '')]);
    const r = expectData(await company1.gql(IMPORT_GUARDS, { input: { file, mode: 'PREVIEW' } })).importGuards;
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ created: 1, invalidRows: 0 });

    t.clock.set('2020-01-01T09:00:00+08:00');
    const later = expectData(await company1.gql(IMPORT_GUARDS, { input: { file, mode: 'PREVIEW' } })).importGuards;
    expect(later.problems).toEqual([expect.objectContaining({ row: 2, column: '发证日期' })]);
  });

  it('a company’s licence is valid or not by the clock’s today', async () => {
    const baoan = await t.login('baoan');
    const first = async () => expectData(await baoan.gql(COMPANY)).companies.items[0];
    const expiry: string = (await first()).licenseExpiry;
    t.clock.set(`${expiry}T09:00:00+08:00`);
    expect(await first()).toMatchObject({ licenseValid: true, licenseDaysLeft: 0 });
    t.clock.set(new Date(new Date(`${expiry}T09:00:00+08:00`).getTime() + 86_400_000));
    expect(await first()).toMatchObject({ licenseValid: false, licenseDaysLeft: -1 });
  });

  it('the records register refuses a date after the clock’s today', async () => {
    t.clock.set('2020-01-01T09:00:00+08:00');
    const baoan = await t.login('baoan');
    const file = csvFile('记录.csv', [
      ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'],
      [idBorn('19800101'), '时钟丙', '行政拘留', '2024-07-08', '兴隆台公安分局', '', ''],
    ]);
    const r = expectData(await baoan.gql(IMPORT_RECORDS, { file, mode: 'PREVIEW' })).importRecords;
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, column: '发生日期' })]);
  });

  it("every answer carries the server clock's now (x-server-time), which the web uses instead of the device's time", async () => {
    t.clock.set('2031-03-01T09:00:00+08:00');
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.headers.get('x-server-time')).toBe('2031-03-01T01:00:00.000Z');
    const health = await fetch(`${t.url}/healthz`);
    expect(health.headers.get('x-server-time')).toBe('2031-03-01T01:00:00.000Z');
  });
});
