import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { csvFile, ensureCompany, idFor, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';
import { GUARD_COLUMNS } from './guard-import.service';

/**
 * A self-recruiting organizer (自招保安单位, SPEC §2) keeps its own register as a company keeps its own
 * (review 11-C F3): it lists, reads, registers, edits and records the leaving of its own guards, at
 * the company's tier (masked ID numbers, no relatives); nobody else's. And its register is no
 * 保安服务公司: `company(id)` answers it to the police and to itself alone (review 11-C F4).
 */

const IMPORT = `mutation($input: ImportGuardsInput!) { importGuards(input: $input) { created ids } }`;
const LIST = `query($filter: GuardFilterInput) { guards(filter: $filter, page: { pageSize: 100 }) { total items { id name companyId } } }`;
/** What a register's keeper reads of its own guard (the register page's fields, and the ones kept from it). */
const READ = `query($id: ID!) {
  guard(id: $id) {
    id companyId name idNumber birthDate age sex phone certificateNo education status leftOn
    relativeCount relativesDeclared relativesStatement rosterLock relatives { id name idNumber }
    company { id name } revocations { id revokedOn reason } eligibilityProblems { code }
  }
}`;
const CREATE = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id companyId } }`;
const UPDATE = `mutation($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id name phone } }`;
const RELATIVES = `mutation($guardId: ID!, $relatives: [RelativeInput!]!, $statement: String) {
  setGuardRelatives(guardId: $guardId, relatives: $relatives, statement: $statement) { id relativeCount relativesDeclared relativesStatement }
}`;
const LEAVES = `mutation($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status leftOn } }`;
const COMPANY = `query($id: ID!) {
  company(id: $id) { id name licenseValid licenseDaysLeft registeredCapital guardsOnRegister performanceScore }
}`;

/** Today in China (the server's calendar). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const row = (values: Partial<Record<string, string>>) => GUARD_COLUMNS.map((c) => values[c] ?? '');

describe('a self-recruiting organizer keeps its own register (review 11-C F3, F4)', () => {
  let t: TestApp;
  let organizer1: TestClient;
  let organizer2: TestClient;
  let company1: TestClient;
  let baoan: TestClient;
  let office: TestClient;
  let organizerUnit: string;
  let organizer2Unit: string;
  let company1Id: string;
  /** organizer1's guards, imported as a self-recruiting unit. */
  let own: { id: string; idNumber: string }[];
  /** A guard on company1's register, on no roster of organizer1's. */
  let foreignGuard: { id: string; idNumber: string };

  beforeAll(async () => {
    t = await createTestApp();
    [organizerUnit, organizer2Unit] = [await unitOf(t, 'organizer1'), await unitOf(t, 'organizer2')];
    company1Id = await ensureCompany(t, await unitOf(t, 'company1'));
    [organizer1, organizer2, company1, baoan, office] = await Promise.all(
      ['organizer1', 'organizer2', 'company1', 'baoan', 'office'].map((u) => t.login(u)),
    );
    const ids = [idFor('1990-03-01'), idFor('1991-04-02'), idFor('1992-05-03')];
    const file = csvFile('自招名册.csv', [
      GUARD_COLUMNS,
      ...ids.map((id, i) => row({ 姓名: `自招${'甲乙丙'[i]}`, 身份证号: id, 手机号: `1390427000${i}`, 学历: '高中', 未登记亲属说明: '父母已故' })),
    ]);
    const imported = expectData(await organizer1.gql(IMPORT, { input: { file, mode: 'COMMIT' } })).importGuards;
    expect(imported.created).toBe(3);
    const rows: { id: string; name: string }[] = await t.sql(`SELECT id, name FROM guards WHERE company_id = $1`, [organizerUnit]);
    own = ids.map((idNumber, i) => ({ id: rows.find((r) => r.name === `自招${'甲乙丙'[i]}`)!.id, idNumber }));
    const g = await makeGuard(t, company1Id);
    foreignGuard = { id: g.id, idNumber: g.idNumber };
  });
  afterAll(() => t?.close());

  it('lists its own register and nothing else; naming another register is NOT_FOUND', async () => {
    const list = expectData(await organizer1.gql(LIST, { filter: {} })).guards;
    expect(list.total).toBe(3);
    expect(new Set(list.items.map((i: { companyId: string }) => i.companyId))).toEqual(new Set([organizerUnit]));
    expect(expectData(await organizer1.gql(LIST, { filter: { companyId: organizerUnit } })).guards.total).toBe(3);
    expectErrorCode(await organizer1.gql(LIST, { filter: { companyId: company1Id } }), 'NOT_FOUND');
    expectErrorCode(await organizer1.gql(LIST, { filter: { companyId: organizer2Unit } }), 'NOT_FOUND');
    // A keeper matches a whole ID number of its own register (it entered them), as a company does.
    expect(expectData(await organizer1.gql(LIST, { filter: { search: own[0].idNumber } })).guards.total).toBe(1);
    expect(expectData(await organizer1.gql(LIST, { filter: { search: foreignGuard.idNumber } })).guards.total).toBe(0);
  });

  it('reads its own guard at the company’s tier: masked ID number, no birth date, no relatives’ identities', async () => {
    const g = expectData(await organizer1.gql(READ, { id: own[0].id })).guard;
    expect(g).toMatchObject({ id: own[0].id, companyId: organizerUnit, company: { id: organizerUnit }, status: 'ACTIVE', phone: expect.stringMatching(/^1390427000/) });
    expect(g.idNumber).toBe(`${own[0].idNumber.slice(0, 6)}********${own[0].idNumber.slice(-4)}`);
    expect(g.birthDate).toBeNull();
    expect(g.relatives).toBeNull();
    expect(g.relativeCount).toBe(0);
    expect(g.relativesDeclared).toBe(true);
    expect(g.relativesStatement).toBe('父母已故');

    // The same fields are null (not shown) for the organizer of its own guard as for a company of its own.
    const created = expectData(
      await company1.gql(CREATE, { input: { name: '公司对照', idNumber: idFor('1990-03-01'), phone: '13904270099', education: 'SENIOR_MIDDLE', relativesStatement: '父母已故' } }),
    ).createGuard;
    const c = expectData(await company1.gql(READ, { id: created.id })).guard;
    const nulls = (x: Record<string, unknown>) => Object.keys(x).filter((k) => x[k] === null).sort();
    expect(nulls(g)).toEqual(nulls(c));
  });

  it('registers, edits, replaces the relatives of and records the leaving of its own guards', async () => {
    const father = idFor('1960-01-01');
    const added = expectData(
      await organizer1.gql(CREATE, { input: { name: '自招丁', idNumber: idFor('1993-06-04'), education: 'JUNIOR_MIDDLE', relatives: [{ relation: 'FATHER', name: '丁父', idNumber: father }], relativesStatement: '母亲已故' } }),
    ).createGuard;
    expect(added.companyId).toBe(organizerUnit);
    // Naming another register on the form is NOT_FOUND, as for a company.
    expectErrorCode(await organizer1.gql(CREATE, { input: { companyId: company1Id, name: '自招戊', idNumber: idFor('1993-06-05'), education: 'JUNIOR_MIDDLE' } }), 'NOT_FOUND');

    const renamed = expectData(await organizer1.gql(UPDATE, { id: added.id, input: { name: '自招丁改', education: 'SENIOR_MIDDLE', phone: '13904271234' } })).updateGuard;
    expect(renamed).toEqual({ id: added.id, name: '自招丁改', phone: '13904271234' });
    const rel = expectData(
      await organizer1.gql(RELATIVES, { guardId: added.id, relatives: [{ relation: 'FATHER', name: '丁父', idNumber: father }, { relation: 'MOTHER', name: '丁母', idNumber: idFor('1962-02-02', true) }], statement: '' }),
    ).setGuardRelatives;
    expect(rel).toMatchObject({ relativeCount: 2, relativesDeclared: true, relativesStatement: null });

    const left = expectData(await organizer1.gql(LEAVES, { id: added.id, date: today() })).guardLeaves;
    expect(left).toEqual({ id: added.id, status: 'LEFT', leftOn: today() });
  });

  it('after the organizer records the leaving, a company can register the person', async () => {
    const person = own[1];
    const input = { name: '自招乙', idNumber: person.idNumber, education: 'SENIOR_MIDDLE' };
    // One active record per person: while on the organizer's register the company is refused …
    expectErrorCode(await company1.gql(CREATE, { input }), 'CONFLICT');
    // … and the organizer, the 原单位, can now do what it is told to do.
    expect(expectData(await organizer1.gql(LEAVES, { id: person.id, date: today() })).guardLeaves.status).toBe('LEFT');
    const moved = expectData(await company1.gql(CREATE, { input })).createGuard;
    expect(moved.companyId).toBe(company1Id);
    // The organizer keeps its LEFT record (history), read-only.
    expect(expectData(await organizer1.gql(READ, { id: person.id })).guard.status).toBe('LEFT');
    expectErrorCode(await organizer1.gql(UPDATE, { id: person.id, input: { name: '自招乙', education: 'SENIOR_MIDDLE' } }), 'CONFLICT');
  });

  it('is refused another register’s guard: NOT_FOUND on read, edit, relatives and leaving', async () => {
    const id = foreignGuard.id;
    expectErrorCode(await organizer1.gql(READ, { id }), 'NOT_FOUND');
    expectErrorCode(await organizer1.gql(UPDATE, { id, input: { name: '改名', education: 'SENIOR_MIDDLE' } }), 'NOT_FOUND');
    expectErrorCode(await organizer1.gql(RELATIVES, { guardId: id, relatives: [] }), 'NOT_FOUND');
    expectErrorCode(await organizer1.gql(LEAVES, { id, date: today() }), 'NOT_FOUND');
    expect((await t.sql(`SELECT status FROM guards WHERE id = $1`, [id]))[0].status).toBe('ACTIVE');
  });

  it('another organizer sees none of them and touches none; it has no register, so its list is empty', async () => {
    const list = expectData(await organizer2.gql(LIST, { filter: {} })).guards;
    expect(list).toEqual({ total: 0, items: [] });
    expectErrorCode(await organizer2.gql(LIST, { filter: { companyId: organizerUnit } }), 'NOT_FOUND');
    const id = own[2].id;
    expectErrorCode(await organizer2.gql(READ, { id }), 'NOT_FOUND');
    expectErrorCode(await organizer2.gql(UPDATE, { id, input: { name: '改名', education: 'SENIOR_MIDDLE' } }), 'NOT_FOUND');
    expectErrorCode(await organizer2.gql(RELATIVES, { guardId: id, relatives: [] }), 'NOT_FOUND');
    expectErrorCode(await organizer2.gql(LEAVES, { id, date: today() }), 'NOT_FOUND');
    // Nor does a company.
    expectErrorCode(await company1.gql(READ, { id }), 'NOT_FOUND');
    expectErrorCode(await company1.gql(LEAVES, { id, date: today() }), 'NOT_FOUND');
    expect((await t.sql(`SELECT status FROM guards WHERE id = $1`, [id]))[0].status).toBe('ACTIVE');
  });

  it('a company’s cleared guard on its activity’s roster stays a roster read: organizer tier, never on its list, never its to edit', async () => {
    const activity = await makeActivity(t, { organizerUnitId: organizerUnit, selectedCompanyId: company1Id, status: 'TRAINING' });
    const cleared = await makeGuard(t, company1Id);
    await t.sql(`UPDATE guards SET phone = '13904275555' WHERE id = $1`, [cleared.id]);
    await t.sql(
      `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, decided_at, state) VALUES ($1, $2, $3, 'PASSED', now(), 'ACTIVE')`,
      [activity, cleared.id, company1Id],
    );
    const g = expectData(await organizer1.gql(READ, { id: cleared.id })).guard;
    expect(g).toMatchObject({ id: cleared.id, companyId: company1Id, phone: null, relativeCount: null, relativesDeclared: null, relativesStatement: null, rosterLock: null, revocations: [], eligibilityProblems: [] });
    const listed = expectData(await organizer1.gql(LIST, { filter: {} })).guards.items.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(cleared.id);
    expectErrorCode(await organizer1.gql(UPDATE, { id: cleared.id, input: { name: '改名', education: 'SENIOR_MIDDLE' } }), 'NOT_FOUND');
    expectErrorCode(await organizer1.gql(LEAVES, { id: cleared.id, date: today() }), 'NOT_FOUND');
  });

  it('company(id) on the organizer’s register: the police and the organizer itself; NOT_FOUND to another organizer and to a company (F4)', async () => {
    for (const reader of [organizer1, baoan, office]) {
      expect(expectData(await reader.gql(COMPANY, { id: organizerUnit })).company.id).toBe(organizerUnit);
    }
    for (const reader of [organizer2, company1]) expectErrorCode(await reader.gql(COMPANY, { id: organizerUnit }), 'NOT_FOUND');
    // A 保安服务公司 stays readable to every organizer (to compare candidates).
    expect(expectData(await organizer2.gql(COMPANY, { id: company1Id })).company.id).toBe(company1Id);
    // The list of 保安服务公司 leaves the register out, for every reader.
    const listed = expectData(await baoan.gql(`query { companies(page: { pageSize: 500 }) { items { id } } }`)).companies.items.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(organizerUnit);
  });

  it('an organizer with no self-recruited activity keeps no register: the form and the import refused, nothing stored (code review 11 C6)', async () => {
    expect(await t.sql(`SELECT 1 FROM companies WHERE id = $1`, [organizer2Unit])).toHaveLength(0);
    const [{ n: selfRecruited }] = await t.sql(`SELECT count(*)::int AS n FROM activities WHERE organizer_unit_id = $1 AND security_mode = 'SELF_RECRUITED' AND status <> 'CANCELLED'`, [organizer2Unit]);
    expect(selfRecruited).toBe(0);
    const guardsBefore = (await t.sql(`SELECT count(*)::int AS n FROM guards`))[0].n;
    const refused = expectErrorCode(await organizer2.gql(CREATE, { input: { name: '二号自招', idNumber: idFor('1994-07-07'), education: 'SENIOR_MIDDLE', relativesStatement: '父母已故' } }), 'FORBIDDEN');
    expect(refused.message).toBe('只有自招保安单位可以登记保安员：本单位没有安保方式为“自招保安员”的活动');
    expect(await t.sql(`SELECT 1 FROM companies WHERE id = $1`, [organizer2Unit])).toHaveLength(0);
    expect((await t.sql(`SELECT count(*)::int AS n FROM guards`))[0].n).toBe(guardsBefore);
  });

  it('an organizer registering its first guard on the form gets its own register, as on the first import', async () => {
    const before = await t.sql(`SELECT 1 FROM companies WHERE id = $1`, [organizer2Unit]);
    expect(before).toHaveLength(0);
    await makeActivity(t, { organizerUnitId: organizer2Unit, securityMode: 'SELF_RECRUITED', status: 'APPROVED' });
    const first = expectData(await organizer2.gql(CREATE, { input: { name: '二号自招', idNumber: idFor('1994-07-07'), education: 'SENIOR_MIDDLE', relativesStatement: '父母已故' } })).createGuard;
    expect(first.companyId).toBe(organizer2Unit);
    const [reg] = await t.sql(`SELECT u.kind FROM companies c JOIN units u ON u.id = c.id WHERE c.id = $1`, [organizer2Unit]);
    expect(reg.kind).toBe('ORGANIZER');
    const list = expectData(await organizer2.gql(LIST, { filter: {} })).guards;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    // Neither organizer sees the other's.
    expect(expectData(await organizer1.gql(LIST, { filter: {} })).guards.items.map((i: { id: string }) => i.id)).not.toContain(first.id);
    expectErrorCode(await organizer1.gql(READ, { id: first.id }), 'NOT_FOUND');
    expectErrorCode(await organizer1.gql(COMPANY, { id: organizer2Unit }), 'NOT_FOUND');
  });
});
