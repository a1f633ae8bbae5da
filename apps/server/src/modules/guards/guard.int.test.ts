import { addDays, addYears, todayCN } from '../../common/calendar';
import { withIdCheckDigit } from '@evs/schema';
import { countQueries, createTestApp, expectData, expectErrorCode, statementsDuring, TestApp, UPDATE_SETTINGS } from '../../../test/harness';
import { decryptPii, idHash } from '../../common/pii';
import { demoCompanyNames } from '../../database/seed/demo-register';
import { orientationExif } from '../../common/image';
import { dataUrl, gpsExif, JFIF, jpeg, png as realPng } from '../../../test/images';

const GUARD_FIELDS = `id companyId name idNumber birthDate sex age phone certificateNo certificateIssuedOn education status leftOn
  relativeCount company { id name } eligibilityProblems { code article message }`;
const LIST = `query ($filter: GuardFilterInput, $page: PageInput) { guards(filter: $filter, page: $page) { total items { ${GUARD_FIELDS} } } }`;
const LIST_WITH_RELATIVES = `query ($filter: GuardFilterInput, $page: PageInput) {
  guards(filter: $filter, page: $page) { total items { ${GUARD_FIELDS} relatives { name relation idNumber } } } }`;
const ONE = `query ($id: ID!) { guard(id: $id) { ${GUARD_FIELDS} relatives { name relation idNumber } revocations { revokedOn idNumber } } }`;
const CREATE = `mutation ($input: CreateGuardInput!) { createGuard(input: $input) { ${GUARD_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { ${GUARD_FIELDS} } }`;
const RELATIVES = `mutation ($id: ID!, $relatives: [RelativeInput!]!) { setGuardRelatives(guardId: $id, relatives: $relatives) { id relativeCount } }`;
const LEAVES = `mutation ($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status leftOn } }`;
const TRANSFER = `mutation ($id: ID!, $to: ID!, $date: String!) { transferGuard(id: $id, toCompanyId: $to, date: $date) { id companyId status } }`;
const REVOKE = `mutation ($idNumber: String!, $date: String!, $reason: String!, $certificateNo: String) {
  recordCertificateRevocation(idNumber: $idNumber, date: $date, reason: $reason, certificateNo: $certificateNo) { id idNumber revokedOn } }`;

const MASKED = /^\d{6}\*{8}[\dX]{4}$/;
const FULL = /^\d{17}[\dX]$/;
const today = todayCN();

/** A fresh, valid ID number of someone `age` years old (unique per call). */
let serial = 100;
function personId(age: number, sex: 'M' | 'F' = 'M'): string {
  serial += 2;
  const birth = addDays(addYears(today, -age - 1), 10).replace(/-/g, '');
  // two digits that change on every call (then the sex digit): unique for 100 calls of one age
  const seq = String((serial / 2) % 100).padStart(2, '0') + (sex === 'M' ? '1' : '2');
  return withIdCheckDigit(`211103${birth}${seq}`);
}
const flipCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
const newGuard = (over: Record<string, unknown> = {}) => ({
  name: '测试保安',
  idNumber: personId(30),
  phone: '13904271111',
  certificateNo: `辽盘保2020T${serial}`,
  certificateIssuedOn: '2020-05-01',
  education: 'SENIOR_MIDDLE',
  ...over,
});

describe('guards (GraphQL, real PostgreSQL)', () => {
  let t: TestApp;
  const companyId: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const [key, name] of Object.entries(demoCompanyNames)) {
      companyId[key] = (await t.sql('SELECT id FROM companies WHERE name = $1', [name]))[0].id;
    }
  });
  afterAll(() => t?.close());

  const audits = (entityId: string, action?: string) =>
    t.sql(`SELECT action, summary, before, after FROM audit_log WHERE entity_id = $1 ${action ? 'AND action = $2' : ''} ORDER BY id`, action ? [entityId, action] : [entityId]);
  const guardOf = async (key: string, withRelatives = true, offOpenRosters = false) =>
    (await t.sql(
      `SELECT g.id, g.id_cipher FROM guards g WHERE g.company_id = $1 AND g.status = 'ACTIVE'
         AND ${withRelatives ? '' : 'NOT'} EXISTS (SELECT 1 FROM guard_relatives r WHERE r.guard_id = g.id)
         ${offOpenRosters ? `AND NOT EXISTS (SELECT 1 FROM roster_entries re JOIN activities a ON a.id = re.activity_id
                              WHERE re.guard_id = g.id AND re.state = 'ACTIVE' AND a.status IN ('VETTING', 'TRAINING', 'READY', 'IN_PROGRESS'))` : ''}
       ORDER BY g.name, g.id LIMIT 1`,
      [companyId[key]],
    )).map((r: { id: string; id_cipher: string }) => ({ id: r.id, id_number: decryptPii(r.id_cipher) }))[0];

  describe('privacy: ID numbers and relatives (SPEC §1)', () => {
    it('shows 保安管理支队 full ID numbers and relatives, and audits each relatives read', async () => {
      const g = await guardOf('company1');
      const baoan = await t.login('baoan');
      const { guard } = expectData(await baoan.gql(ONE, { id: g.id }));
      expect(guard.idNumber).toBe(g.id_number);
      expect(guard.relatives.length).toBeGreaterThan(0);
      expect(guard.relatives.every((r: { idNumber: string }) => FULL.test(r.idNumber))).toBe(true);
      // One entry for the relatives (per guard); the whole ID numbers have their own, one per request (audit.http.ts).
      expect((await audits(g.id, 'READ_DETAIL')).filter((e) => e.summary.includes('直系亲属'))).toHaveLength(1);

      const { guards } = expectData(await baoan.gql(LIST_WITH_RELATIVES, { filter: { companyId: companyId.company2 }, page: { pageSize: 7 } }));
      const reads = await t.sql(`SELECT entity_id FROM audit_log WHERE action = 'READ_DETAIL' AND entity_id = ANY($1)`, [guards.items.map((x: { id: string }) => x.id)]);
      expect(reads).toHaveLength(7);
    });

    it.each(['company1', 'office', 'leader', 'dahuo'])('masks ID numbers for %s and gives no relatives', async (username) => {
      const client = await t.login(username);
      const filter = username === 'company1' ? {} : { companyId: companyId.company1 };
      const before = (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_DETAIL'`))[0].n;
      const { guards } = expectData(await client.gql(LIST_WITH_RELATIVES, { filter, page: { pageSize: 20 } }));
      expect(guards.items).toHaveLength(20);
      for (const g of guards.items) {
        expect(g.idNumber).toMatch(MASKED);
        expect(g.relatives).toBeNull();
      }
      expect(guards.items.some((g: { relativeCount: number }) => g.relativeCount > 0)).toBe(true);
      const g = await guardOf('company1');
      const { guard } = expectData(await client.gql(ONE, { id: g.id }));
      expect(guard.idNumber).toBe(`${g.id_number.slice(0, 6)}********${g.id_number.slice(-4)}`);
      expect(guard.relatives).toBeNull();
      expect((await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_DETAIL'`))[0].n).toBe(before);
    });

    it('the organizer lists its own (自招) register alone, and sees another register’s guards only on its own activity roster, masked and without relatives', async () => {
      const organizer = await t.login('organizer1');
      // Its own register, here none yet (review 11-C F3: organizer-register.int.test.ts): no company's guard.
      expect(expectData(await organizer.gql(LIST)).guards.total).toBe(0);
      const g = await guardOf('company2');
      expectErrorCode(await organizer.gql(ONE, { id: g.id }), 'NOT_FOUND');

      const [{ unit_id: unitId, id: userId }] = await t.sql(`SELECT unit_id, id FROM users WHERE username = 'organizer1'`);
      const [activity] = await t.sql(
        `INSERT INTO activities (code, name, type, organizer_unit_id, organizer_name, venue, address, district, starts_at, ends_at,
           applied_on, expected_attendance, guards_required, security_mode, contact_name, contact_phone, reporter_unit_id, created_by,
           status, selected_company_id)
         VALUES ('T-GUARDS-1', '测试活动', '演唱会', $1, '测试主办', '体育中心', '盘锦市', 'XINGLONGTAI', now() + interval '30 days',
           now() + interval '31 days', current_date, 3000, 30, 'SERVICE_COMPANY', '赵', '13904270001', $1, $2, 'VETTING', $3)
         RETURNING id`,
        [unitId, userId, companyId.company2],
      );
      const [entry] = await t.sql(`INSERT INTO roster_entries (activity_id, guard_id, company_id) VALUES ($1, $2, $3) RETURNING id`, [activity.id, g.id, companyId.company2]);
      // On its roster but not cleared (PENDING, then FAILED): nobody the organizer may read (issue 10).
      expectErrorCode(await organizer.gql(ONE, { id: g.id }), 'NOT_FOUND');
      await t.sql(`UPDATE roster_entries SET decision = 'FAILED', reason_category = 'OTHER' WHERE id = $1`, [entry.id]);
      expectErrorCode(await organizer.gql(ONE, { id: g.id }), 'NOT_FOUND');
      await t.sql(`UPDATE roster_entries SET decision = 'PASSED', reason_category = 'CLEAR' WHERE id = $1`, [entry.id]);
      const { guard } = expectData(await organizer.gql(`query($id: ID!) { guard(id: $id) { id name idNumber age birthDate phone photo relativeCount relativesDeclared
        relatives { name } revocations { idNumber reason } eligibilityProblems { code } } }`, { id: g.id }));
      expect(guard.idNumber).toMatch(MASKED);
      // As on the cleared roster: no contact, birth date, relatives, revocations or eligibility detail.
      expect(guard).toMatchObject({ birthDate: null, phone: null, photo: null, relativeCount: null, relativesDeclared: null, relatives: null, revocations: [], eligibilityProblems: [] });
      expect(typeof guard.age).toBe('number');
      // A roster read, not its register: never on its list.
      expect(expectData(await organizer.gql(LIST)).guards.total).toBe(0);
      const other = await t.login('organizer2');
      expectErrorCode(await other.gql(ONE, { id: g.id }), 'NOT_FOUND');
    });

    // A district bureau (panshan) reads only the people on its district's rosters: district-guards.int.test.ts, masked alike.
    it('gives no way to bisect the birth date a masked ID number hides, nor to confirm a guessed number, to anyone but 保安管理支队', async () => {
      const g = await guardOf('company1');
      const [{ name }] = await t.sql('SELECT name FROM guards WHERE id = $1', [g.id]);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const ELIGIBILITY = `query($id: ID!, $on: String) { guard(id: $id) { eligibilityProblems(onDate: $on) { code } } }`;
      const LIST = `query($filter: GuardFilterInput) { guards(filter: $filter) { total } }`;
      for (const username of ['leader', 'office', 'dahuo', 'company1']) {
        const client = await t.login(username);
        const refused = expectErrorCode(await client.gql(ELIGIBILITY, { id: g.id, on: '2001-11-01' }), 'BAD_USER_INPUT');
        expect(refused.extensions?.fields).toEqual([{ field: 'onDate', message: expect.stringContaining('只能查询今日的上岗条件') }]);
        expectData(await client.gql(ELIGIBILITY, { id: g.id, on: today }));
        expectData(await client.gql(ELIGIBILITY, { id: g.id }));
        const listed = expectErrorCode(await client.gql(LIST, { filter: { search: name, eligibleOn: '2001-11-01' } }), 'BAD_USER_INPUT');
        expect(listed.extensions?.fields?.[0]?.field).toBe('filter.eligibleOn');
        expect(expectData(await client.gql(LIST, { filter: { search: name, eligibleOn: today } })).guards.total).toBeGreaterThanOrEqual(0);
      }
      // a whole ID number matches for the detachment and for the company whose register holds it; not for the police who see it masked
      const byId = { filter: { search: g.id_number } };
      expect(expectData(await (await t.login('baoan')).gql(LIST, byId)).guards.total).toBe(1);
      expect(expectData(await (await t.login('company1')).gql(LIST, byId)).guards.total).toBe(1);
      for (const username of ['leader', 'office', 'dahuo']) {
        expect(expectData(await (await t.login(username)).gql(LIST, byId)).guards.total).toBe(0);
      }
      expectData(await (await t.login('baoan')).gql(ELIGIBILITY, { id: g.id, on: '2001-11-01' }));
    });

    it('keeps ID numbers (even masked: with the stored birth date they give the number back) and relatives out of the audit log', async () => {
      const company1 = await t.login('company1');
      const relatives = [{ name: '测试父亲', relation: 'FATHER', idNumber: personId(60) }];
      const input = newGuard({ relatives });
      const { createGuard } = expectData(await company1.gql(CREATE, { input }));
      const [entry] = await audits(createGuard.id);
      const text = JSON.stringify(entry);
      expect(text).not.toContain(input.idNumber);
      expect(text).not.toContain(relatives[0].idNumber);
      expect(text).not.toContain(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
      expect(text).not.toContain(relatives[0].name);
      // Nor the guard's name or phone: by reference only (the entry's entity id), as the log outlives retention.
      expect(text).not.toContain(input.name);
      expect(entry.after).toMatchObject({ id: createGuard.id, relatives: 1 });
      expect(entry.after.name).toBeUndefined();
      expect(entry.after.idNumber).toBeUndefined();
      expect(entry.after.idNumberHash).toBeUndefined();
    });
  });

  describe('a company keeps its own register only', () => {
    it('lists only its own guards, and another company’s guard or list is NOT_FOUND', async () => {
      const company1 = await t.login('company1');
      const { guards } = expectData(await company1.gql(LIST, { page: { pageSize: 500 } }));
      expect(guards.items.every((g: { companyId: string }) => g.companyId === companyId.company1)).toBe(true);
      expect(guards.total).toBe((await t.sql('SELECT count(*)::int AS n FROM guards WHERE company_id = $1', [companyId.company1]))[0].n);
      const other = await guardOf('company2');
      expectErrorCode(await company1.gql(ONE, { id: other.id }), 'NOT_FOUND');
      expectErrorCode(await company1.gql(LIST, { filter: { companyId: companyId.company2 } }), 'NOT_FOUND');
      expectErrorCode(await company1.gql(UPDATE, { id: other.id, input: newGuard() }), 'NOT_FOUND');
      expectErrorCode(await company1.gql(LEAVES, { id: other.id, date: today }), 'NOT_FOUND');
      expectErrorCode(await company1.gql(RELATIVES, { id: other.id, relatives: [] }), 'NOT_FOUND');
      expectErrorCode(await company1.gql(CREATE, { input: newGuard({ companyId: companyId.company2 }) }), 'NOT_FOUND');
      expect((await audits(other.id)).filter((a: { action: string }) => a.action !== 'READ_DETAIL')).toHaveLength(0);
    });

    it('searches by name, 保安员证号 and exact ID number; filters by status', async () => {
      const baoan = await t.login('baoan');
      const [row] = await t.sql(`SELECT id, name, id_cipher, certificate_no FROM guards WHERE company_id = $1 AND certificate_no IS NOT NULL AND status = 'ACTIVE' LIMIT 1`, [companyId.company1]);
      const g = { ...row, id_number: decryptPii(row.id_cipher) };
      const ids = async (search: string) =>
        expectData(await baoan.gql(LIST, { filter: { search, companyId: companyId.company1 } })).guards.items.map((x: { id: string }) => x.id);
      expect(await ids(g.name)).toContain(g.id);
      expect(await ids(g.certificate_no)).toEqual([g.id]);
      expect(await ids(g.id_number.toLowerCase())).toEqual([g.id]);
      expect(await ids(g.id_number.slice(0, 12))).toEqual([]);
      const left = expectData(await baoan.gql(LIST, { filter: { status: 'LEFT' }, page: { pageSize: 500 } })).guards;
      expect(left.total).toBeGreaterThan(0);
      expect(left.items.every((x: { status: string }) => x.status === 'LEFT')).toBe(true);
    });
  });

  describe('createGuard and the rules', () => {
    it('refuses a bad ID number naming the field, and stores nothing', async () => {
      const company1 = await t.login('company1');
      const good = personId(30);
      const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      const error = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ idNumber: bad, phone: '123' }) }), 'BAD_USER_INPUT');
      expect(error.extensions!.fields).toEqual([
        { field: 'idNumber', message: '身份证号校验位不正确' },
        { field: 'phone', message: expect.any(String) },
      ]);
      expect(await t.sql('SELECT 1 FROM guards WHERE id_hash = $1', [idHash(bad)])).toHaveLength(0);
    });

    it('一证一人: refuses another person’s 保安员证 number on the form, the import (and within one file) and in the database; nothing stored', async () => {
      const company1 = await t.login('company1');
      const company2 = await t.login('company2');
      const cert = `辽盘保唯一${Date.now() % 100000}`;
      expectData(await company1.gql(CREATE, { input: newGuard({ idNumber: personId(33), certificateNo: cert, certificateIssuedOn: '2020-05-01' }) }));
      const other = personId(34);
      const form = expectErrorCode(await company2.gql(CREATE, { input: newGuard({ idNumber: other, certificateNo: cert, certificateIssuedOn: '2020-05-01' }) }), 'BAD_USER_INPUT');
      expect(form.extensions!.fields).toEqual([{ field: 'certificateNo', message: `保安员证号“${cert}”已登记在另一人名下（一证一人），请核对` }]);
      expect(await t.sql('SELECT 1 FROM guards WHERE id_hash = $1', [idHash(other)])).toHaveLength(0);

      const IMPORT = `mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { created invalidRows problems { row column message } } }`;
      const csv = (rows: string[][]) => ({ name: '证号.csv', base64: Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n')).toString('base64') });
      const header = ['姓名', '身份证号', '学历', '保安员证号', '发证日期'];
      const held = expectData(await company2.gql(IMPORT, { input: { file: csv([header, ['借证人', other, '高中', cert, '2020-05-01']]), mode: 'PREVIEW' } })).importGuards;
      expect(held.problems).toEqual([{ row: 2, column: '保安员证号', message: expect.stringContaining('已登记在另一人名下') }]);
      const twice = `辽盘保同号${Date.now() % 100000}`;
      const inFile = expectData(await company2.gql(IMPORT, { input: { file: csv([header, ['甲同号', personId(35), '高中', twice, '2020-05-01'], ['乙同号', personId(36), '高中', twice, '2020-05-01']]), mode: 'COMMIT' } })).importGuards;
      expect(inFile).toMatchObject({ created: 0, invalidRows: 1 });
      expect(inFile.problems[0]).toMatchObject({ row: 3, column: '保安员证号', message: expect.stringContaining('与第2行是不同的人') });

      // any other path: the database refuses (SQLSTATE EV001)
      const [{ id: companyTwo }] = await t.sql(`SELECT unit_id AS id FROM users WHERE username = 'company2'`);
      await expect(
        t.sql(`INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, certificate_no, education) VALUES ($1, '直写', 'x', $2, '1990-01-01', 'MALE', $3, 'SENIOR_MIDDLE')`, [companyTwo, idHash(other), cert]),
      ).rejects.toMatchObject({ code: 'EV001' });
    });

    it('一证一人 under a race: 8 people registering one 保安员证 number at once, through two companies; one is stored, the rest refused naming the field', async () => {
      const [company1, company2] = await Promise.all([t.login('company1'), t.login('company2')]);
      const cert = `辽盘保并发${Date.now() % 100000}`;
      const people = Array.from({ length: 8 }, (_, i) => personId(40 + i));
      const results = await Promise.all(
        people.map((idNumber, i) => (i % 2 ? company2 : company1).gql(CREATE, { input: newGuard({ idNumber, certificateNo: cert, certificateIssuedOn: '2020-05-01' }) })),
      );
      const stored = results.filter((r) => !r.errors);
      expect(stored).toHaveLength(1);
      for (const refused of results.filter((r) => r.errors)) {
        // refused by the form's check, or (when both passed it in the same instant) by the trigger after waiting for the first
        expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(refused.errors![0].extensions!.code);
        expect(JSON.stringify(refused.errors)).toContain(`保安员证号“${cert}”已登记在另一人名下（一证一人）`);
      }
      expect(await t.sql('SELECT 1 FROM guards WHERE certificate_no = $1', [cert])).toHaveLength(1);
    });

    it('a guard is a Chinese citizen (条例第十六条): a foreigner’s permanent residence number is refused on the form and the import, a 126-year-old is a typo; a relative may hold such a card', async () => {
      const company1 = await t.login('company1');
      const foreigner = withIdCheckDigit(`921103${addDays(addYears(today, -31), 10).replace(/-/g, '')}031`);
      const form = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ idNumber: foreigner }) }), 'BAD_USER_INPUT');
      expect(form.extensions!.fields).toEqual([{ field: 'idNumber', message: '外国人永久居留身份证号：保安员应为中国公民（《保安服务管理条例》第十六条）' }]);
      expect(expectErrorCode(await company1.gql(CREATE, { input: newGuard({ idNumber: withIdCheckDigit(`211103${addYears(today, -126).replace(/-/g, '')}031`) }) }), 'BAD_USER_INPUT').extensions!.fields)
        .toEqual([{ field: 'idNumber', message: expect.stringContaining('距今已超过100年') }]);
      const IMPORT = `mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { created invalidRows problems { row column message } } }`;
      const csv = Buffer.from('\uFEFF姓名,身份证号,学历\r\n外籍人,' + foreigner + ',高中').toString('base64');
      const r = expectData(await company1.gql(IMPORT, { input: { file: { name: '外籍.csv', base64: csv }, mode: 'COMMIT' } })).importGuards;
      expect(r).toMatchObject({ created: 0, invalidRows: 1, problems: [{ row: 2, column: '身份证号', message: expect.stringContaining('保安员应为中国公民') }] });
      expect(await t.sql('SELECT 1 FROM guards WHERE id_hash = $1', [idHash(foreigner)])).toHaveLength(0);
      // a spouse with a foreigner's card is declared as she is
      const spouse = withIdCheckDigit(`921103${addDays(addYears(today, -30), 10).replace(/-/g, '')}042`);
      expectData(await company1.gql(CREATE, { input: newGuard({ idNumber: personId(32), relatives: [{ name: '外籍配偶', relation: 'SPOUSE', idNumber: spouse }] }) }));
    });

    it('takes names with rare characters (生僻字, GB 18030-2022) for the guard and a relative, as stored', async () => {
      const company1 = await t.login('company1');
      const relatives = [{ name: '刘䶮', relation: 'FATHER', idNumber: personId(55, 'M') }];
      const { createGuard } = expectData(await company1.gql(CREATE, { input: newGuard({ name: '吉𠮷', idNumber: personId(28), relatives }) }));
      expect(createGuard.name).toBe('吉𠮷');
      const [{ name }] = await t.sql('SELECT name FROM guards WHERE id = $1', [createGuard.id]);
      expect(name).toBe('吉𠮷');
    });

    it('derives birth date and sex, stores relatives, and writes one audit entry', async () => {
      const company1 = await t.login('company1');
      const idNumber = personId(25, 'F');
      const relatives = [
        { name: '测试父亲', relation: 'FATHER', idNumber: personId(52, 'M') },
        { name: '测试母亲', relation: 'MOTHER', idNumber: personId(50, 'F') },
      ];
      const { createGuard } = expectData(await company1.gql(CREATE, { input: newGuard({ idNumber, relatives }) }));
      expect(createGuard).toMatchObject({
        companyId: companyId.company1,
        // The birth date is what the masked ID number hides: the company gets the age (issue 10).
        birthDate: null,
        sex: 'FEMALE',
        age: 25,
        status: 'ACTIVE',
        relativeCount: 2,
        eligibilityProblems: [],
      });
      expect(await audits(createGuard.id)).toEqual([expect.objectContaining({ action: 'CREATE' })]);
      const baoan = await t.login('baoan');
      const { guard } = expectData(await baoan.gql(`query($id: ID!) { guard(id: $id) { birthDate } }`, { id: createGuard.id }));
      expect(guard.birthDate).toBe(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    });

    it('refuses relatives with a wrong row: row and field named, nothing stored', async () => {
      const company1 = await t.login('company1');
      const idNumber = personId(33);
      const relatives = [
        { name: '测试父亲', relation: 'FATHER', idNumber: personId(60, 'F') },
        { name: '测试配偶', relation: 'SPOUSE', idNumber: flipCheck(personId(31, 'F')) },
      ];
      const error = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ idNumber, relatives }) }), 'BAD_USER_INPUT');
      expect(error.extensions!.fields!.map((f) => [f.field, f.row])).toEqual([
        ['relatives.0.idNumber', 1],
        ['relatives.1.idNumber', 2],
      ]);
      expect(await t.sql('SELECT 1 FROM guards WHERE id_hash = $1', [idHash(idNumber)])).toHaveLength(0);
    });

    it('refuses under 18 and primary-school education naming 第十六条', async () => {
      const company1 = await t.login('company1');
      // (no certificate yet: one issued before 18 is refused on its own, guard.rules)
      const young = expectErrorCode(
        await company1.gql(CREATE, { input: newGuard({ idNumber: personId(17), certificateNo: null, certificateIssuedOn: null }) }),
        'BAD_USER_INPUT',
      );
      expect(young.extensions!.fields).toEqual([{ field: 'idNumber', message: expect.stringContaining('第十六条') }]);
      const edu = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ education: 'PRIMARY' }) }), 'BAD_USER_INPUT');
      expect(edu.extensions!.fields).toEqual([{ field: 'education', message: expect.stringContaining('第十六条') }]);
    });

    it('refuses a person whose 保安员证 was revoked within 3 years, or twice, naming 第十七条', async () => {
      const baoan = await t.login('baoan');
      const company1 = await t.login('company1');
      const recent = personId(40);
      const { recordCertificateRevocation } = expectData(await baoan.gql(REVOKE, { idNumber: recent, date: addDays(today, -100), reason: '扣押他人证件' }));
      expect(recordCertificateRevocation.idNumber).toBe(recent);
      expect(await audits(recordCertificateRevocation.id, 'CREATE')).toHaveLength(1);
      const e1 = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ idNumber: recent }) }), 'BAD_USER_INPUT');
      expect(e1.message).toContain('第十七条');
      const twice = personId(45);
      // twice: two certificates (the second issued after the first was revoked)
      expectData(await baoan.gql(REVOKE, { idNumber: twice, date: addDays(today, -3000), reason: '一', certificateNo: `辽盘保旧${serial}A` }));
      // (more than 3 years after the first: no certificate is issued sooner, red-team 6 M1)
      expectData(await baoan.gql(REVOKE, { idNumber: twice, date: addDays(today, -1500), reason: '二', certificateNo: `辽盘保旧${serial}B` }));
      const e2 = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ idNumber: twice }) }), 'BAD_USER_INPUT');
      expect(e2.message).toMatch(/吊销2次.*第十七条/);
      const once = personId(46);
      await baoan.gql(REVOKE, { idNumber: once, date: addDays(today, -1500), reason: '旧事' });
      expectData(await company1.gql(CREATE, { input: newGuard({ idNumber: once }) }));
      expectErrorCode(await company1.gql(REVOKE, { idNumber: once, date: today, reason: 'x' }), 'FORBIDDEN');
      // a typed date before the 条例 (2010) or before the holder turned 18 is no revocation: two of them would bar for life
      const typo = personId(30);
      const before = (await t.sql(`SELECT count(*)::int AS n FROM certificate_revocations`))[0].n;
      for (const [date, says] of [['1999-06-01', '不能早于2010-01-01'], [addDays(today, -30 * 365 + 17 * 365), '年满18周岁']]) {
        const refused = expectErrorCode(await baoan.gql(REVOKE, { idNumber: typo, date, reason: '录入' }), 'BAD_USER_INPUT');
        expect(refused.extensions!.fields).toEqual([{ field: 'date', message: expect.stringContaining(says) }]);
      }
      expect((await t.sql(`SELECT count(*)::int AS n FROM certificate_revocations`))[0].n).toBe(before);
    });

    it('checks the photo: JPEG/PNG only, at most 300 KB', async () => {
      const company1 = await t.login('company1');
      const png = Buffer.alloc(301 * 1024);
      Buffer.from([0x89, 0x50, 0x4e, 0x47]).copy(png);
      const big = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ photo: `data:image/png;base64,${png.toString('base64')}` }) }), 'BAD_USER_INPUT');
      expect(big.extensions!.fields).toEqual([{ field: 'photo', message: expect.stringContaining('300KB') }]);
      const gif = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ photo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }) }), 'BAD_USER_INPUT');
      expect(gif.extensions!.fields![0].field).toBe('photo');
      const small = dataUrl(realPng(300, 400));
      const { createGuard } = expectData(await company1.gql(CREATE, { input: newGuard({ photo: small }) }));
      expect((await t.sql('SELECT photo FROM guards WHERE id = $1', [createGuard.id]))[0].photo).toBe(small);
    });

    it('refuses a photo of more than 4096×4096 pixels, on the field, in words (red team 3 H4)', async () => {
      const company1 = await t.login('company1');
      const bomb = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ photo: dataUrl(realPng(30000, 30000)) }) }), 'BAD_USER_INPUT');
      expect(bomb.extensions!.fields).toEqual([{ field: 'photo', message: '照片尺寸过大（30000×30000像素），请使用不超过4096×4096像素（约1678万像素）的照片' }]);
    });

    it('stores and gives a photo without its Exif (GPS, device); the same photo sent again is no change (red team 3 H5)', async () => {
      const company1 = await t.login('company1');
      const sent = dataUrl(jpeg(300, 400, { head: [JFIF, gpsExif(6)] }));
      const kept = dataUrl(jpeg(300, 400, { head: [JFIF, orientationExif(6)] }));
      const input = newGuard({ photo: sent });
      const { createGuard } = expectData(await company1.gql(CREATE, { input }));
      expect(createGuard.id).toBeTruthy();
      expect((await t.sql('SELECT photo FROM guards WHERE id = $1', [createGuard.id]))[0].photo).toBe(kept);
      const read = expectData(await company1.gql(`query ($id: ID!) { guard(id: $id) { photo } }`, { id: createGuard.id })).guard.photo;
      expect(read).toBe(kept);
      expect(Buffer.from(read.split(',')[1], 'base64').includes('RedTeamPhone')).toBe(false);
      const [{ updated_at: before }] = await t.sql('SELECT updated_at FROM guards WHERE id = $1', [createGuard.id]);
      const { name, phone, certificateNo, certificateIssuedOn, education } = input;
      const again = { name, phone, certificateNo, certificateIssuedOn, education, photo: sent };
      const { updateGuard } = expectData(await company1.gql(UPDATE, { id: createGuard.id, input: again }));
      expect(updateGuard.id).toBe(createGuard.id);
      expect((await t.sql('SELECT updated_at FROM guards WHERE id = $1', [createGuard.id]))[0].updated_at).toEqual(before);
    });
  });

  it('a list gives a photo when asked for, the one the guard read alone gives, in one more statement however long the page', async () => {
    const company1 = await t.login('company1');
    const photo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const { createGuard } = expectData(await company1.gql(CREATE, { input: newGuard({ name: '照片列表保安', idNumber: personId(33), certificateNo: `辽盘保2020P${serial}`, photo }) }));
    const PAGE = (fields: string) => `query ($f: GuardFilterInput, $n: Int) { guards(filter: $f, page: { pageSize: $n }) { items { ${fields} } } }`;
    const listed = expectData(await company1.gql(PAGE('id name photo'), { f: { search: '照片列表保安' }, n: 10 })).guards.items;
    expect(listed).toEqual([{ id: createGuard.id, name: '照片列表保安', photo }]);
    expect(expectData(await company1.gql(`query ($id: ID!) { guard(id: $id) { photo } }`, { id: createGuard.id })).guard.photo).toBe(photo);
    const statements = (fields: string, n: number) => countQueries(async () => {
      expect(expectData(await company1.gql(PAGE(fields), { f: { companyId: companyId.company1 }, n })).guards.items).toHaveLength(n);
    });
    const without = await statements('id name', 3);
    expect(await statements('id name photo', 3)).toBe(without + 1);
    expect(await statements('id name photo', 12)).toBe(without + 1);
  });

  it('a page of guards carries the total of its filters in the same statement; the total holds on a filtered page and past its end', async () => {
    const company1 = await t.login('company1');
    const PAGE = `query ($f: GuardFilterInput, $p: PageInput) { guards(filter: $f, page: $p) { total page items { id status } } }`;
    const [{ n: active }] = await t.sql(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1 AND status = 'ACTIVE'`, [companyId.company1]);
    expect(active).toBeGreaterThan(2);
    const f = { companyId: companyId.company1, status: 'ACTIVE' };
    let first: { total: number; items: { status: string }[] } = { total: 0, items: [] };
    const statements = await statementsDuring(async () => {
      first = expectData(await company1.gql(PAGE, { f, p: { page: 1, pageSize: 2 } })).guards;
    });
    expect(first.total).toBe(active);
    expect(first.items.map((g) => g.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(statements.filter((x) => /FROM "?guards"?/.test(x))).toHaveLength(1);
    expect(expectData(await company1.gql(PAGE, { f, p: { page: 999, pageSize: 2 } })).guards).toMatchObject({ total: active, items: [], page: 999 });
    // another company's register, asked for by company1: refused, not an empty page
    expectErrorCode(await company1.gql(PAGE, { f: { companyId: companyId.company2 } }), 'NOT_FOUND');
  });

  it('a list that does not ask for ID numbers leaves them encrypted and unread; asked for, they are there, masked as before', async () => {
    const company1 = await t.login('company1');
    const PAGE = (fields: string) => `query ($f: GuardFilterInput) { guards(filter: $f, page: { pageSize: 5 }) { items { ${fields} } } }`;
    const pageSql = async (fields: string) => {
      let items: { idNumber?: string }[] = [];
      const texts = await statementsDuring(async () => {
        items = expectData(await company1.gql(PAGE(fields), { f: { companyId: companyId.company1 } })).guards.items;
      });
      expect(items).toHaveLength(5);
      return { items, sql: texts.find((x) => /FROM "?guards"?/.test(x) && /LIMIT/.test(x)) };
    };
    const without = await pageSql('id name certificateNo');
    expect(without.sql).toBeDefined();
    expect(without.sql).not.toContain('"id_cipher"');
    const withIds = await pageSql('id name idNumber');
    expect(withIds.sql).toContain('"id_cipher"');
    for (const g of withIds.items) expect(g.idNumber).toMatch(MASKED);
  });

  describe('one person, one active record', () => {
    it('refuses a person active at another company; after they leave, the new company registers them and history stays', async () => {
      const company1 = await t.login('company1');
      const company2 = await t.login('company2');
      const idNumber = personId(35);
      const { createGuard: first } = expectData(await company1.gql(CREATE, { input: newGuard({ idNumber }) }));
      const again = expectErrorCode(await company1.gql(CREATE, { input: newGuard({ idNumber }) }), 'CONFLICT');
      expect(again.message).toContain('本公司');
      const elsewhere = expectErrorCode(await company2.gql(CREATE, { input: newGuard({ idNumber }) }), 'CONFLICT');
      expect(elsewhere.message).toContain('其他保安服务公司');
      expect(elsewhere.message).not.toContain(demoCompanyNames.company1);

      expectErrorCode(await company1.gql(LEAVES, { id: first.id, date: addDays(today, 1) }), 'BAD_USER_INPUT');
      expect(expectData(await company1.gql(LEAVES, { id: first.id, date: today })).guardLeaves).toMatchObject({ status: 'LEFT', leftOn: today });
      expectErrorCode(await company1.gql(LEAVES, { id: first.id, date: today }), 'CONFLICT');
      expectErrorCode(await company1.gql(UPDATE, { id: first.id, input: newGuard({ idNumber }) }), 'CONFLICT');
      const { createGuard: second } = expectData(await company2.gql(CREATE, { input: newGuard({ idNumber }) }));
      expect(second.companyId).toBe(companyId.company2);
      const rows = await t.sql('SELECT company_id, status FROM guards WHERE id_hash = $1 ORDER BY created_at', [idHash(idNumber)]);
      expect(rows).toEqual([
        { company_id: companyId.company1, status: 'LEFT' },
        { company_id: companyId.company2, status: 'ACTIVE' },
      ]);
      expect((await audits(first.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
    });

    it('of two registrations of the same person at once, one wins and the other gets CONFLICT', async () => {
      const company1 = await t.login('company1');
      const company2 = await t.login('company2');
      const idNumber = personId(36);
      const results = await Promise.all([
        company1.gql(CREATE, { input: newGuard({ idNumber }) }),
        company2.gql(CREATE, { input: newGuard({ idNumber }) }),
      ]);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
      expect(results.filter((r) => r.data?.createGuard)).toHaveLength(1);
      expect(await t.sql(`SELECT 1 FROM guards WHERE id_hash = $1`, [idHash(idNumber)])).toHaveLength(1);
    });

    it('保安管理支队 transfers a guard: the old record is LEFT, the new one ACTIVE with the relatives copied; the SD message names the company', async () => {
      const baoan = await t.login('baoan');
      const g = await guardOf('company2', true, true); // one on an open roster stays (vetting.integrity.int.test.ts)
      const elsewhere = expectErrorCode(
        await baoan.gql(CREATE, { input: newGuard({ idNumber: g.id_number, companyId: companyId.company1 }) }),
        'CONFLICT',
      );
      expect(elsewhere.message).toContain(demoCompanyNames.company2);
      const { transferGuard } = expectData(await baoan.gql(TRANSFER, { id: g.id, to: companyId.company1, date: today }));
      expect(transferGuard).toMatchObject({ companyId: companyId.company1, status: 'ACTIVE' });
      const [old] = await t.sql('SELECT status, left_on::text FROM guards WHERE id = $1', [g.id]);
      expect(old).toEqual({ status: 'LEFT', left_on: today });
      const count = async (id: string) => (await t.sql('SELECT count(*)::int AS n FROM guard_relatives WHERE guard_id = $1', [id]))[0].n;
      expect(await count(transferGuard.id)).toBe(await count(g.id));
      const company1 = await t.login('company1');
      expectErrorCode(await company1.gql(TRANSFER, { id: transferGuard.id, to: companyId.company2, date: today }), 'FORBIDDEN');
    });
  });

  describe('updateGuard and setGuardRelatives', () => {
    it('edits a guard, re-deriving facts, and replaces relatives; both audited without identities', async () => {
      const company1 = await t.login('company1');
      const { createGuard: g } = expectData(await company1.gql(CREATE, { input: newGuard() }));
      const idNumber = personId(41, 'F');
      const { updateGuard } = expectData(await company1.gql(UPDATE, { id: g.id, input: newGuard({ idNumber, name: '改名保安', education: 'COLLEGE' }) }));
      expect(updateGuard).toMatchObject({ name: '改名保安', sex: 'FEMALE', age: 41, education: 'COLLEGE' });
      const edu = expectErrorCode(await company1.gql(UPDATE, { id: g.id, input: newGuard({ idNumber, education: 'PRIMARY' }) }), 'BAD_USER_INPUT');
      expect(edu.message).toContain('第十六条');
      // A company sees only the masked number: leaving idNumber out keeps it.
      const { idNumber: _unchanged, ...withoutId } = newGuard({ name: '再改名', education: 'COLLEGE' });
      expect(expectData(await company1.gql(UPDATE, { id: g.id, input: withoutId })).updateGuard).toMatchObject({ name: '再改名', age: 41 });
      expect(decryptPii((await t.sql('SELECT id_cipher FROM guards WHERE id = $1', [g.id]))[0].id_cipher)).toBe(idNumber);
      const spouse = personId(40, 'M');
      const { setGuardRelatives } = expectData(await company1.gql(RELATIVES, { id: g.id, relatives: [{ name: '测试配偶', relation: 'SPOUSE', idNumber: spouse }] }));
      expect(setGuardRelatives.relativeCount).toBe(1);
      const dup = expectErrorCode(
        await company1.gql(RELATIVES, { id: g.id, relatives: [{ name: '甲乙', relation: 'SPOUSE', idNumber: spouse }, { name: '丙丁', relation: 'SPOUSE', idNumber: personId(39) }] }),
        'BAD_USER_INPUT',
      );
      expect(dup.extensions!.fields).toEqual([{ field: 'relatives.1.relation', row: 2, message: '配偶只能登记一位' }]);
      const entries = await audits(g.id);
      expect(entries.map((e: { action: string }) => e.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE']);
      expect(JSON.stringify(entries)).not.toContain(spouse);
    });
  });

  describe('eligibility', () => {
    it('lists each reason with its article; eligibleOn keeps exactly the guards without problems', async () => {
      const baoan = await t.login('baoan');
      const filter = { companyId: companyId.oldGuards, status: 'ACTIVE' };
      const all = expectData(await baoan.gql(LIST, { filter, page: { pageSize: 500 } })).guards.items;
      const over = all.filter((g: { age: number }) => g.age > 55);
      expect(over.length).toBeGreaterThan(0);
      for (const g of over) expect(g.eligibilityProblems.map((p: { code: string }) => p.code)).toContain('OVER_AGE');
      const eligible = expectData(await baoan.gql(LIST, { filter: { ...filter, eligibleOn: today }, page: { pageSize: 500 } })).guards.items;
      expect(eligible.map((g: { id: string }) => g.id).sort()).toEqual(
        all.filter((g: { eligibilityProblems: unknown[] }) => g.eligibilityProblems.length === 0).map((g: { id: string }) => g.id).sort(),
      );
      const [revoked] = await t.sql(
        `SELECT g.id FROM guards g JOIN certificate_revocations r ON r.id_hash = g.id_hash
         WHERE g.status = 'ACTIVE' AND r.revoked_on > current_date - 1000 LIMIT 1`,
      );
      const { guard } = expectData(await baoan.gql(ONE, { id: revoked.id }));
      expect(guard.eligibilityProblems).toContainEqual(expect.objectContaining({ code: 'REVOKED_RECENTLY', article: expect.stringContaining('第十七条') }));
      expectErrorCode(await baoan.gql(LIST, { filter: { eligibleOn: '2026-13-01' } }), 'BAD_USER_INPUT');
    });

    it('follows the age limits of 设置 from the next request on, in the field and in the eligibleOn filter alike', async () => {
      const baoan = await t.login('baoan');
      const filter = { companyId: companyId.oldGuards, status: 'ACTIVE' };
      const all = expectData(await baoan.gql(LIST, { filter, page: { pageSize: 500 } })).guards.items;
      const younger = all.filter((g: { age: number }) => g.age <= 55);
      const youngest = Math.min(...younger.map((g: { age: number }) => g.age));
      const lowered = younger.filter((g: { age: number }) => g.age > youngest);
      expect(lowered.length).toBeGreaterThan(0);
      expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.maxAge', value: youngest }] }));
      try {
        const now = expectData(await baoan.gql(LIST, { filter, page: { pageSize: 500 } })).guards.items;
        for (const g of now.filter((x: { age: number }) => x.age > youngest)) {
          expect(g.eligibilityProblems.map((p: { code: string }) => p.code)).toContain('OVER_AGE');
        }
        const eligible = expectData(await baoan.gql(LIST, { filter: { ...filter, eligibleOn: today }, page: { pageSize: 500 } })).guards.items;
        expect(eligible.map((g: { id: string }) => g.id).sort()).toEqual(
          now.filter((g: { eligibilityProblems: unknown[] }) => g.eligibilityProblems.length === 0).map((g: { id: string }) => g.id).sort(),
        );
        expect(eligible.some((g: { age: number }) => g.age > youngest)).toBe(false);
      } finally {
        expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.maxAge', value: 55 }] }));
      }
    });
  });

  it('costs the same number of SQL queries for 5 guards as for 50, relatives and figures included', async () => {
    const baoan = await t.login('baoan');
    const run = (pageSize: number) =>
      countQueries(async () => {
        const { guards } = expectData(await baoan.gql(LIST_WITH_RELATIVES, { filter: { companyId: companyId.company1 }, page: { pageSize } }));
        expect(guards.items).toHaveLength(pageSize);
      });
    const small = await run(5);
    const large = await run(50);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
