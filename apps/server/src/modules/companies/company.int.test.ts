import { withCreditCheckChar } from '@evs/schema';
import { countQueries, createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { demoCompanyNames, DEMO_COMPANY_COUNT } from '../../database/seed/demo-register';

const COMPANY_FIELDS = `id name creditCode licenseNo licenseExpiry registeredCapital address district contactName contactPhone
  status statusReason version licenseValid licenseDaysLeft guardsOnRegister guardsWithValidCertificate guardsWithValidVetting
  ageProfile { under30 from30to39 from40to49 from50to55 over55 averageAge } activitiesServed findingsRate performanceScore
  performance { score hasHistory findingsPer100 vettingFailureRate }`;
const LIST = `query ($filter: CompanyFilterInput, $sort: CompanySortInput, $page: PageInput) {
  companies(filter: $filter, sort: $sort, page: $page) { total page pageSize items { ${COMPANY_FIELDS} } } }`;
const ONE = `query ($id: ID!) { company(id: $id) { ${COMPANY_FIELDS} } }`;
const CREATE = `mutation ($input: CreateCompanyInput!) {
  createCompany(input: $input) { ${COMPANY_FIELDS} issuedAccount { initialPassword account { username role mustChangePassword } } }
}`;
const UPDATE = `mutation ($id: ID!, $input: CompanyInput!, $version: Int) { updateCompany(id: $id, input: $input, version: $version) { id name version } }`;
const STATUS = `mutation ($id: ID!, $status: CompanyStatus!, $reason: String!) { setCompanyStatus(id: $id, status: $status, reason: $reason) { id status statusReason } }`;
const PROFILE = `mutation ($input: CompanyProfileInput!) { updateCompanyProfile(input: $input) { id address contactName contactPhone name } }`;

let seq = 0;
function newCompany(over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    name: `盘锦测试${seq}号保安服务有限公司`,
    creditCode: withCreditCheckChar(`91211100MA0T${String(10000 + seq)}`),
    licenseNo: `辽公保服2026${String(seq).padStart(3, '0')}号`,
    licenseExpiry: '2031-12-31',
    registeredCapital: 3_000_000,
    address: '盘锦市兴隆台区惠宾大街100号',
    district: 'XINGLONGTAI',
    contactName: '测试联系人',
    contactPhone: '13904279999',
    ...over,
  };
}

describe('companies (GraphQL, real PostgreSQL)', () => {
  let t: TestApp;
  const idOf: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const [key, name] of Object.entries(demoCompanyNames)) {
      const [row] = await t.sql('SELECT id FROM companies WHERE name = $1', [name]);
      idOf[key] = row.id;
    }
  });
  afterAll(() => t?.close());

  const auditCount = async (entityId?: string) =>
    Number(
      (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Company' ${entityId ? 'AND entity_id = $1' : ''}`, entityId ? [entityId] : []))[0].n,
    );

  describe('the demo register', () => {
    it('holds about 30 companies over every district, with the special cases', async () => {
      const baoan = await t.login('baoan');
      const { companies } = expectData(await baoan.gql(LIST, { page: { pageSize: 100 } }));
      expect(companies.total).toBe(DEMO_COMPANY_COUNT);
      expect(new Set(companies.items.map((c: { district: string }) => c.district)).size).toBe(6);
      const byName = new Map(companies.items.map((c: { name: string }) => [c.name, c]));
      expect(byName.get(demoCompanyNames.expiredLicence)).toMatchObject({ licenseValid: false });
      const soon = byName.get(demoCompanyNames.expiringSoon) as { licenseDaysLeft: number; licenseValid: boolean };
      expect(soon.licenseValid).toBe(true);
      expect(soon.licenseDaysLeft).toBeLessThanOrEqual(30);
      expect(byName.get(demoCompanyNames.suspended)).toMatchObject({ status: 'SUSPENDED' });
      const old = byName.get(demoCompanyNames.oldGuards) as { guardsOnRegister: number; ageProfile: Record<string, number> };
      expect(old.ageProfile.from50to55 + old.ageProfile.over55).toBeGreaterThan(old.guardsOnRegister / 2);
      expect((byName.get(demoCompanyNames.tooSmall) as { guardsOnRegister: number }).guardsOnRegister).toBeLessThan(10);
      const big = byName.get(demoCompanyNames.company1) as { guardsOnRegister: number; licenseValid: boolean; status: string };
      expect(big).toMatchObject({ licenseValid: true, status: 'ACTIVE' });
      expect(big.guardsOnRegister).toBeGreaterThan(100);
    });

    it('computes the figures from the register (counts agree with SQL, age bands add up)', async () => {
      const baoan = await t.login('baoan');
      const { company } = expectData(await baoan.gql(ONE, { id: idOf.company1 }));
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1 AND status = 'ACTIVE'`, [idOf.company1]);
      expect(company.guardsOnRegister).toBe(n);
      const a = company.ageProfile;
      expect(a.under30 + a.from30to39 + a.from40to49 + a.from50to55 + a.over55).toBe(n);
      expect(company.guardsWithValidCertificate).toBeLessThanOrEqual(n);
      expect(company.guardsWithValidCertificate).toBeGreaterThan(n * 0.8);
      const [{ closed }] = await t.sql(`SELECT count(*)::int AS closed FROM activities WHERE selected_company_id = $1 AND status = 'CLOSED'`, [idOf.company1]);
      expect(company.activitiesServed).toBe(closed);
      expect(company.findingsRate).toBe(company.performance.findingsPer100 ?? 0);
      expect(company.performanceScore).toBe(company.performance.score);
      expect(company.performanceScore).toBeGreaterThanOrEqual(0);
      expect(company.performanceScore).toBeLessThanOrEqual(100);
    });

    it('gives a company without any history the neutral score and a findings rate of 0', async () => {
      const [fresh] = await t.sql(
        `SELECT c.id FROM companies c WHERE NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.company_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.selected_company_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.company_id = c.id) LIMIT 1`,
      );
      const { company } = expectData(await (await t.login('office')).gql(ONE, { id: fresh.id }));
      expect(company.performance).toMatchObject({ hasHistory: false, score: 70, findingsPer100: null });
      expect(company.findingsRate).toBe(0);
    });
  });

  describe('lists', () => {
    it('searches by name or credit code, filters by district and status', async () => {
      const office = await t.login('office');
      const byName = expectData(await office.gql(LIST, { filter: { search: '辽河' } })).companies;
      expect(byName.items.map((c: { name: string }) => c.name)).toEqual([demoCompanyNames.company1]);
      const code = byName.items[0].creditCode;
      const byCode = expectData(await office.gql(LIST, { filter: { search: code.slice(4, 14).toLowerCase() } })).companies;
      expect(byCode.items.map((c: { id: string }) => c.id)).toContain(idOf.company1);
      const dawa = expectData(await office.gql(LIST, { filter: { district: 'DAWA' }, page: { pageSize: 100 } })).companies;
      expect(dawa.items.every((c: { district: string }) => c.district === 'DAWA')).toBe(true);
      const suspended = expectData(await office.gql(LIST, { filter: { status: 'SUSPENDED' } })).companies;
      expect(suspended.items.map((c: { name: string }) => c.name)).toContain(demoCompanyNames.suspended);
    });

    it('qualifiedOnly leaves out the expired licence and the suspended company', async () => {
      const office = await t.login('office');
      const q = expectData(await office.gql(LIST, { filter: { qualifiedOnly: true }, page: { pageSize: 100 } })).companies;
      const names = q.items.map((c: { name: string }) => c.name);
      expect(names).not.toContain(demoCompanyNames.expiredLicence);
      expect(names).not.toContain(demoCompanyNames.suspended);
      expect(names).toContain(demoCompanyNames.expiringSoon);
      expect(q.items.every((c: { status: string; licenseValid: boolean }) => c.status === 'ACTIVE' && c.licenseValid)).toBe(true);
    });

    it('sorts by guard count, licence expiry and name, and paginates', async () => {
      const office = await t.login('office');
      const byCount = expectData(await office.gql(LIST, { sort: { field: 'GUARD_COUNT', descending: true }, page: { pageSize: 100 } })).companies.items;
      const counts = byCount.map((c: { guardsOnRegister: number }) => c.guardsOnRegister);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const byExpiry = expectData(await office.gql(LIST, { sort: { field: 'LICENSE_EXPIRY' }, page: { pageSize: 3 } })).companies;
      expect(byExpiry.items[0].name).toBe(demoCompanyNames.expiredLicence);
      expect(byExpiry.items[1].name).toBe(demoCompanyNames.expiringSoon);
      expect(byExpiry).toMatchObject({ total: DEMO_COMPANY_COUNT, pageSize: 3 });
      const page2 = expectData(await office.gql(LIST, { sort: { field: 'LICENSE_EXPIRY' }, page: { page: 2, pageSize: 3 } })).companies;
      expect(page2.items[0].id).not.toBe(byExpiry.items[0].id);
    });

    it('costs the same number of SQL queries for 5 companies as for 30 (figures are batched)', async () => {
      const office = await t.login('office');
      const run = (pageSize: number) => countQueries(async () => {
        const { companies } = expectData(await office.gql(LIST, { page: { pageSize } }));
        expect(companies.items).toHaveLength(Math.min(pageSize, DEMO_COMPANY_COUNT));
      });
      const small = await run(5);
      const large = await run(30);
      expect(large).toBe(small);
      expect(small).toBeGreaterThan(0);
      expect(small).toBeLessThanOrEqual(8);
    });

    it('a page past the end, or one that matches nothing, still gives the right total', async () => {
      const office = await t.login('office');
      const past = expectData(await office.gql(LIST, { page: { page: 99, pageSize: 10 } })).companies;
      expect(past).toMatchObject({ items: [], total: DEMO_COMPANY_COUNT, page: 99 });
      const none = expectData(await office.gql(LIST, { filter: { search: '不存在的公司名' } })).companies;
      expect(none).toMatchObject({ items: [], total: 0 });
      const dawaAll = expectData(await office.gql(LIST, { filter: { district: 'DAWA' }, page: { pageSize: 100 } })).companies;
      const dawaPage = expectData(await office.gql(LIST, { filter: { district: 'DAWA' }, page: { page: 2, pageSize: 2 } })).companies;
      expect(dawaPage.total).toBe(dawaAll.items.length);
      expect(dawaPage.items.map((c: { id: string }) => c.id)).toEqual(dawaAll.items.slice(2, 4).map((c: { id: string }) => c.id));
    });

    it('guardsOnRegister read with the company (detail and list) equals a direct count, in the company\'s own statement', async () => {
      const baoan = await t.login('baoan');
      const direct = async (id: string) =>
        Number((await t.sql(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1 AND status = 'ACTIVE'`, [id]))[0].n);
      const listed = expectData(await baoan.gql(`query { companies(page: { pageSize: 100 }) { items { id guardsOnRegister } } }`)).companies.items;
      for (const c of listed as { id: string; guardsOnRegister: number }[]) expect(c.guardsOnRegister).toBe(await direct(c.id));
      const DETAIL = `query ($id: ID!) { company(id: $id) { id name guardsOnRegister } }`;
      expect(expectData(await baoan.gql(DETAIL, { id: idOf.company1 })).company.guardsOnRegister).toBe(await direct(idOf.company1));
      // the session (with the settings), then the company with its count: no loader statement after
      // it; a list adds its total beside the page
      const detail = await countQueries(async () => expectData(await baoan.gql(DETAIL, { id: idOf.company1 })));
      const list = await countQueries(async () => expectData(await baoan.gql(`query { companies { total items { id guardsOnRegister } } }`)));
      expect({ detail, list }).toEqual({ detail: 2, list: 3 });
    });
  });

  describe('who sees what', () => {
    it('a company sees only itself; another company is NOT_FOUND', async () => {
      const company1 = await t.login('company1');
      const { companies } = expectData(await company1.gql(LIST));
      expect(companies.total).toBe(1);
      expect(companies.items[0].id).toBe(idOf.company1);
      expectErrorCode(await company1.gql(ONE, { id: idOf.company2 }), 'NOT_FOUND');
    });

    it('the organizer and a district bureau see the whole register; the administrator sees none', async () => {
      for (const username of ['organizer1', 'panshan', 'leader', 'dahuo']) {
        const c = await t.login(username);
        expect(expectData(await c.gql(LIST)).companies.total).toBe(DEMO_COMPANY_COUNT);
      }
      const admin = await t.login('admin');
      expectErrorCode(await admin.gql(LIST), 'FORBIDDEN');
      expectErrorCode(await admin.gql(ONE, { id: idOf.company1 }), 'FORBIDDEN');
    });

    it('only 保安管理支队 registers and edits companies', async () => {
      for (const username of ['company1', 'office', 'organizer1', 'panshan']) {
        const c = await t.login(username);
        expectErrorCode(await c.gql(CREATE, { input: newCompany() }), 'FORBIDDEN');
        expectErrorCode(await c.gql(STATUS, { id: idOf.company2, status: 'SUSPENDED', reason: '试' }), 'FORBIDDEN');
      }
    });
  });

  describe('createCompany', () => {
    it('refuses a bad credit code and a capital under ¥1,000,000 with field names, and stores nothing', async () => {
      const baoan = await t.login('baoan');
      const input = newCompany({ creditCode: '91211100MA0T00000X', registeredCapital: 500_000, contactPhone: '12345' });
      const before = await auditCount();
      const error = expectErrorCode(await baoan.gql(CREATE, { input }), 'BAD_USER_INPUT');
      const fields = error.extensions!.fields!;
      expect(fields.map((f) => f.field)).toEqual(['creditCode', 'registeredCapital', 'contactPhone']);
      expect(fields[1].message).toContain('第八条');
      expect(error.message).toContain('统一社会信用代码');
      expect(await t.sql('SELECT 1 FROM companies WHERE name = $1', [input.name])).toHaveLength(0);
      expect(await t.sql('SELECT 1 FROM units WHERE name = $1', [input.name])).toHaveLength(0);
      expect(await auditCount()).toBe(before);
    });

    it('creates the unit, the company and its manager account with a one-time password, audited without the password', async () => {
      const baoan = await t.login('baoan');
      const input = newCompany({ account: { username: 'ceshi1', displayName: '测试经理' } });
      const { createCompany } = expectData(await baoan.gql(CREATE, { input }));
      expect(createCompany).toMatchObject({ name: input.name, status: 'ACTIVE', registeredCapital: 3_000_000, guardsOnRegister: 0, version: 1 });
      const { initialPassword, account } = createCompany.issuedAccount;
      expect(account).toEqual({ username: 'ceshi1', role: 'COMPANY', mustChangePassword: true });
      expect(initialPassword).toMatch(/^.{12}$/);
      const [unit] = await t.sql('SELECT kind, district FROM units WHERE id = $1', [createCompany.id]);
      expect(unit).toEqual({ kind: 'COMPANY', district: 'XINGLONGTAI' });
      const audit = await t.sql(`SELECT action, summary FROM audit_log WHERE entity_type = 'Company' AND entity_id = $1`, [createCompany.id]);
      expect(audit).toEqual([{ action: 'CREATE', summary: expect.stringContaining('ceshi1') }]);
      const leaked = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE summary LIKE $1 OR before::text LIKE $1 OR after::text LIKE $1`, [`%${initialPassword}%`]);
      expect(leaked[0].n).toBe(0);
      // Shown once: reading the company again does not carry it.
      const again = expectData(await baoan.gql(`query ($id: ID!) { company(id: $id) { issuedAccount { initialPassword } } }`, { id: createCompany.id }));
      expect(again.company.issuedAccount).toBeNull();
      // The new account works, belongs to the company and must change its password first.
      const user = await t.login('ceshi1', initialPassword);
      const { me } = expectData(await user.gql('{ me { role mustChangePassword unit { id } } }'));
      expect(me).toEqual({ role: 'COMPANY', mustChangePassword: true, unit: { id: createCompany.id } });
    });

    it('refuses a credit code already on the register (CONFLICT naming the holder) and a taken username', async () => {
      const baoan = await t.login('baoan');
      const { company } = expectData(await baoan.gql(ONE, { id: idOf.company2 }));
      const dup = expectErrorCode(await baoan.gql(CREATE, { input: newCompany({ creditCode: company.creditCode }) }), 'CONFLICT');
      expect(dup.extensions!.fields![0]).toMatchObject({ field: 'creditCode', message: expect.stringContaining(company.name) });
      const taken = newCompany({ account: { username: 'company1', displayName: '某某' } });
      expectErrorCode(await baoan.gql(CREATE, { input: taken }), 'CONFLICT');
      expect(await t.sql('SELECT 1 FROM companies WHERE name = $1', [taken.name])).toHaveLength(0);
    });
  });

  it('refuses a name already on the register under another credit code, on the form, an edit, the import and createUnit; nothing stored (企业名称登记管理规定第十七条, review 6 C-F2)', async () => {
    const baoan = await t.login('baoan');
    const { company } = expectData(await baoan.gql(ONE, { id: idOf.company1 }));
    const message = `公司名称“${company.name}”已登记（统一社会信用代码${company.creditCode}），请核对`;
    const count = async () => (await t.sql(`SELECT count(*)::int AS n FROM companies WHERE name = $1`, [company.name]))[0].n;
    const dup = expectErrorCode(await baoan.gql(CREATE, { input: newCompany({ name: company.name }) }), 'CONFLICT');
    expect(dup.extensions!.fields).toEqual([{ field: 'name', message }]);
    // an edit renaming another company to it
    const other = expectData(await baoan.gql(CREATE, { input: newCompany() })).createCompany;
    const { name: _n, ...rest } = newCompany();
    const renamed = expectErrorCode(await baoan.gql(UPDATE, { id: other.id, input: { ...rest, name: company.name, creditCode: other.creditCode }, version: other.version }), 'CONFLICT');
    expect(renamed.extensions!.fields).toEqual([{ field: 'name', message }]);
    // the same name with a space or in full width is the same name, told as such, on the form and an edit (red team 6, L1)
    for (const variant of [`${company.name.slice(0, 2)} ${company.name.slice(2)}`, `${company.name}　`]) {
      const variantMessage = `公司名称“${variant.trim() === variant ? variant : variant.trim()}”与已登记的“${company.name}”（统一社会信用代码${company.creditCode}）只差空格、大小写或全角半角，视为同一名称，请核对`;
      const created = expectErrorCode(await baoan.gql(CREATE, { input: newCompany({ name: variant }) }), 'CONFLICT');
      expect(created.extensions!.fields).toEqual([{ field: 'name', message: variant.trim() === company.name ? message : variantMessage }]);
      const edited = expectErrorCode(await baoan.gql(UPDATE, { id: other.id, input: { ...rest, name: variant, creditCode: other.creditCode }, version: other.version }), 'CONFLICT');
      expect(edited.extensions!.fields![0].field).toBe('name');
    }
    // the administrator's createUnit with a company
    const admin = await t.login('admin');
    const c = newCompany({ name: company.name });
    const unit = await admin.gql(`mutation ($input: CreateUnitInput!) { createUnit(input: $input) { unit { id } } }`, {
      input: { kind: 'COMPANY', name: company.name, district: 'DAWA', creditCode: c.creditCode, contactName: '钱经理', contactPhone: '13900000002',
        company: { licenseNo: c.licenseNo, licenseExpiry: c.licenseExpiry, registeredCapital: 2_000_000, address: c.address } },
    });
    expect(expectErrorCode(unit, 'CONFLICT').message).toBe(message);
    expect(await count()).toBe(1);
    // and the database itself
    await expect(t.sql(`UPDATE companies SET name = $1 WHERE id = $2`, [company.name, other.id])).rejects.toMatchObject({ code: '23505' });
  });

  describe('updateCompany, setCompanyStatus, updateCompanyProfile', () => {
    it('edits with the version read, refuses a stale version, and audits the change', async () => {
      const baoan = await t.login('baoan');
      const { createCompany: c } = expectData(await baoan.gql(CREATE, { input: newCompany() }));
      const edit = newCompany({ creditCode: c.creditCode, name: `${c.name.slice(0, -6)}改名保安服务有限公司` });
      const { updateCompany } = expectData(await baoan.gql(UPDATE, { id: c.id, input: edit, version: 1 }));
      expect(updateCompany).toMatchObject({ name: edit.name, version: 2 });
      const [unit] = await t.sql('SELECT name FROM units WHERE id = $1', [c.id]);
      expect(unit.name).toBe(edit.name);
      expectErrorCode(await baoan.gql(UPDATE, { id: c.id, input: newCompany({ creditCode: c.creditCode }), version: 1 }), 'CONFLICT');
      expect(await auditCount(c.id)).toBe(2);
      const capital = expectErrorCode(await baoan.gql(UPDATE, { id: c.id, input: { ...edit, registeredCapital: 10 } }), 'BAD_USER_INPUT');
      expect(capital.extensions!.fields).toEqual([{ field: 'registeredCapital', message: expect.stringContaining('第八条') }]);
      expect(await auditCount(c.id)).toBe(2);
    });

    it('suspends with a reason, notifies the company and audits; a reason is required', async () => {
      const baoan = await t.login('baoan');
      const { createCompany: c } = expectData(await baoan.gql(CREATE, { input: newCompany() }));
      expectErrorCode(await baoan.gql(STATUS, { id: c.id, status: 'SUSPENDED', reason: '  ' }), 'BAD_USER_INPUT');
      const { setCompanyStatus } = expectData(await baoan.gql(STATUS, { id: c.id, status: 'SUSPENDED', reason: '许可证年检未通过' }));
      expect(setCompanyStatus).toEqual({ id: c.id, status: 'SUSPENDED', statusReason: '许可证年检未通过' });
      expect(await t.sql('SELECT title FROM notifications WHERE unit_id = $1', [c.id])).toHaveLength(1);
      expect(await auditCount(c.id)).toBe(2);
      const q = expectData(await baoan.gql(LIST, { filter: { qualifiedOnly: true, search: c.name } })).companies;
      expect(q.total).toBe(0);
    });

    it('a company edits only its own address and contact', async () => {
      const company1 = await t.login('company1');
      const input = { address: '盘锦市兴隆台区石油大街8号', contactName: '张伟', contactPhone: '0427-2812345' };
      const { updateCompanyProfile } = expectData(await company1.gql(PROFILE, { input }));
      expect(updateCompanyProfile).toMatchObject({ id: idOf.company1, ...input, name: demoCompanyNames.company1 });
      expect(await auditCount(idOf.company1)).toBe(1);
      const bad = expectErrorCode(await company1.gql(PROFILE, { input: { ...input, contactPhone: 'abc' } }), 'BAD_USER_INPUT');
      expect(bad.extensions!.fields!.map((f) => f.field)).toEqual(['contactPhone']);
      expectErrorCode(await company1.gql(UPDATE, { id: idOf.company1, input: newCompany() }), 'FORBIDDEN');
      const baoan = await t.login('baoan');
      expectErrorCode(await baoan.gql(PROFILE, { input }), 'FORBIDDEN');
    });
  });
});
