import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { csvFile, ensureCompany, idFor, makeActivity, unitOf } from '../../../test/vetting-fixtures';
import { decryptPii, encryptPii, idHash, nameHash } from '../../common/pii';
import { GUARD_COLUMNS } from '../guards/guard-import.service';

const CREATE = `mutation ($input: CreateGuardInput!) { createGuard(input: $input) { id idNumber } }`;
const SET_RELATIVES = `mutation ($id: ID!, $r: [RelativeInput!]!) { setGuardRelatives(guardId: $id, relatives: $r) { id } }`;
const IMPORT_GUARDS = `mutation($input: ImportGuardsInput!) { importGuards(input: $input) { created invalidRows problems { row column message } ids } }`;
const IMPORT_RECORDS = `mutation($file: FileInput!, $mode: ImportMode!) { importRecords(file: $file, mode: $mode) { created invalidRows problems { row message } } }`;
const REVOKE = `mutation ($idNumber: String!, $date: String!, $reason: String!) { recordCertificateRevocation(idNumber: $idNumber, date: $date, reason: $reason) { id } }`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId } } }`;
const ENTRIES = `query($id: ID!, $filter: RosterEntriesFilter) {
  rosterEntries(activityId: $id, filter: $filter) { items { id guardId idNumber suggestionReason
    hits { relation subjectName subjectIdNumber record { category name } } relatives { relation name idNumber } } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const GUARDS = `query ($filter: GuardFilterInput) { guards(filter: $filter) { items { id } } }`;
const RECORD_HEADER = ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'];

/** Every column of every table that can hold text, from the catalogue: a new column is scanned too. */
async function textColumns(t: TestApp): Promise<{ table: string; column: string; type: string }[]> {
  return t.sql(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
      WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea', 'USER-DEFINED')
      ORDER BY 1, 2`,
  );
}

/** Where in the database any of `needles` occurs (as text, or as UTF-8 bytes in a bytea column). */
async function findAnywhere(t: TestApp, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column, type } of await textColumns(t)) {
    const sql =
      type === 'bytea'
        ? `SELECT count(*)::int AS n FROM "${table}" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) x WHERE position(convert_to(x, 'UTF8') IN "${column}") > 0)`
        : `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text LIKE ANY (SELECT '%' || x || '%' FROM unnest($1::text[]) x)`;
    const [{ n }] = await t.sql(sql, [needles]);
    if (n > 0) found.push(`${table}.${column} (${n})`);
  }
  return found;
}

describe('personal information at rest (个人信息保护法 Arts. 28–29)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let companyId: string;
  // The fixture people: a guard and their parents registered by form, one imported with relatives, a revoked person.
  const guard = { name: '秘保安', idNumber: idFor('1990-04-04') };
  const father = { relation: 'FATHER', name: '欧阳秘父', idNumber: idFor('1960-01-01') };
  const mother = { relation: 'MOTHER', name: '上官秘母', idNumber: idFor('1962-02-02', true) };
  const imported = { name: '秘导入', idNumber: idFor('1991-05-05') };
  const importedFather = { name: '司马秘父', idNumber: idFor('1961-03-03') };
  const spouse = { relation: 'SPOUSE', name: '诸葛秘配', idNumber: idFor('1992-06-06', true) };
  const revoked = idFor('1985-07-07');
  const people = () => [guard.idNumber, father.idNumber, mother.idNumber, imported.idNumber, importedFather.idNumber, spouse.idNumber, revoked];
  const relativeNames = [father.name, mother.name, importedFather.name, spouse.name];
  const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
  let guardId: string;
  let importedId: string;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    [baoan, company] = await Promise.all([t.login('baoan'), t.login('company1')]);

    // Registered by form, with relatives; then one more relative (a second write path).
    const created = expectData(await company.gql(CREATE, { input: {
      name: guard.name, idNumber: guard.idNumber, phone: '13904270000', certificateNo: '辽盘保秘0001', certificateIssuedOn: '2020-05-01',
      education: 'SENIOR_MIDDLE', relatives: [father, mother],
    } })).createGuard;
    guardId = created.id;
    expectData(await company.gql(SET_RELATIVES, { id: guardId, r: [father, mother, spouse] }));
    // Imported from a file, with a relative.
    const row = (v: Record<string, string>) => GUARD_COLUMNS.map((c) => v[c] ?? '');
    const file = csvFile('名册.csv', [GUARD_COLUMNS, row({ 姓名: imported.name, 身份证号: imported.idNumber, 学历: '高中', 保安员证号: '辽盘保秘0002', 发证日期: '2020-05-01', 父亲姓名: importedFather.name, 父亲身份证号: importedFather.idNumber, 未登记亲属说明: '母亲已故' })]);
    const imp = expectData(await company.gql(IMPORT_GUARDS, { input: { file, mode: 'COMMIT' } })).importGuards;
    expect(imp).toMatchObject({ created: 1, invalidRows: 0 });
    importedId = imp.ids[0];
    // Records for the guard and for two relatives (the register import), and a revocation.
    const records = csvFile('记录.csv', [
      RECORD_HEADER,
      [guard.idNumber, '秘保安', '行政拘留', '2019-03-01', '兴隆台公安分局', '一般', ''],
      [father.idNumber, father.name, '强制隔离戒毒', '2012-03-01', '双台子公安分局', '一般', ''],
      [importedFather.idNumber, importedFather.name, '行政拘留', '2018-08-08', '大洼公安分局', '一般', ''],
    ]);
    expect(expectData(await baoan.gql(IMPORT_RECORDS, { file: records, mode: 'COMMIT' })).importRecords).toMatchObject({ created: 3, invalidRows: 0 });
    expectData(await baoan.gql(REVOKE, { idNumber: revoked, date: '2015-01-01', reason: '测试吊销' }));
    // Vetting: the records check copies what it found; the detachment reads it and decides.
    activityId = await makeActivity(t, { selectedCompanyId: companyId, guardsRequired: 2 });
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [guardId, importedId] } }));
    const items = expectData(await baoan.gql(ENTRIES, { id: activityId })).rosterEntries.items;
    const mine = items.find((e: { guardId: string }) => e.guardId === guardId);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [mine.id], decision: 'PASSED', note: '本人行政拘留一次，亲属记录已核实，不影响' } }));
  });
  afterAll(() => t?.close());

  it('finds the fixture people stored (encrypted) and their plaintext nowhere: no ID number, masked number or relative name in any column', async () => {
    // Not vacuous: the rows are there and decrypt to the people.
    const [g] = await t.sql(`SELECT id_cipher FROM guards WHERE id = $1`, [guardId]);
    expect(decryptPii(g.id_cipher)).toBe(guard.idNumber);
    const rels = await t.sql(`SELECT name_cipher, id_cipher FROM guard_relatives WHERE guard_id = $1`, [guardId]);
    expect(rels.map((r: { name_cipher: string }) => decryptPii(r.name_cipher)).sort()).toEqual([father.name, mother.name, spouse.name].sort());
    expect(await t.sql(`SELECT 1 FROM vetting_hits h JOIN roster_entries re ON re.id = h.roster_entry_id WHERE re.activity_id = $1`, [activityId])).toHaveLength(3);
    expect((await t.sql(`SELECT 1 FROM certificate_revocations WHERE id_hash = $1`, [idHash(revoked)])).length).toBe(1);
    // The scanner sees plaintext where there is some (a guard's own name stays plaintext, for search).
    expect(await findAnywhere(t, [guard.name])).toEqual(expect.arrayContaining([expect.stringMatching(/^guards\.name/)]));

    const columns = await textColumns(t);
    expect(columns.length).toBeGreaterThan(50);
    expect(await findAnywhere(t, [...people(), ...people().map(masked), ...people().map((id) => id.toLowerCase())])).toEqual([]);
    expect(await findAnywhere(t, relativeNames)).toEqual([]);
  });

  it('matches by keyed hash: records of the guard and of relatives are found, shown whole to the detachment only', async () => {
    const items = expectData(await baoan.gql(ENTRIES, { id: activityId })).rosterEntries.items;
    const mine = items.find((e: { guardId: string }) => e.guardId === guardId);
    expect(mine.idNumber).toBe(guard.idNumber);
    const hits = mine.hits.map((h: { relation: string | null; subjectName: string; subjectIdNumber: string; record: { category: string; name: string } }) => [h.relation, h.subjectName, h.subjectIdNumber, h.record.category, h.record.name]);
    expect(hits.sort()).toEqual(
      [
        [null, guard.name, guard.idNumber, 'ADMIN_DETENTION', '秘保安'],
        ['FATHER', father.name, father.idNumber, 'COMPULSORY_DETOX', father.name],
      ].sort(),
    );
    expect(mine.relatives.map((r: { name: string }) => r.name)).toEqual([father.name, mother.name, spouse.name]);
    const other = items.find((e: { guardId: string }) => e.guardId === importedId);
    expect(other.hits).toEqual([expect.objectContaining({ relation: 'FATHER', subjectName: importedFather.name, subjectIdNumber: importedFather.idNumber })]);
    // The reason names the relation, not the person.
    expect(other.suggestionReason).toContain('父亲有');
    expect(other.suggestionReason).not.toContain(importedFather.name);

    // Search by the whole ID number (by its hash), not by part of it.
    const found = async (client: TestClient, filter: Record<string, unknown>) => expectData(await client.gql(GUARDS, { filter })).guards.items.map((g: { id: string }) => g.id);
    expect(await found(baoan, { search: guard.idNumber })).toEqual([guardId]);
    expect(await found(baoan, { search: guard.idNumber.toLowerCase() })).toEqual([guardId]);
    expect(await found(baoan, { search: guard.idNumber.slice(0, 14) })).toEqual([]);
    const byId = expectData(await baoan.gql(ENTRIES, { id: activityId, filter: { search: imported.idNumber } })).rosterEntries.items;
    expect(byId.map((e: { guardId: string }) => e.guardId)).toEqual([importedId]);
    // A company cannot find a person by ID number in the roster (names only), nor read it whole.
    const asCompany = expectData(await company.gql(`query($id: ID!, $filter: RosterEntriesFilter) { rosterEntries(activityId: $id, filter: $filter) { items { guardId idNumber } } }`, {
      id: activityId, filter: { search: imported.idNumber },
    })).rosterEntries.items;
    expect(asCompany).toEqual([]);
    const all = expectData(await company.gql(`query($id: ID!) { rosterEntries(activityId: $id) { items { guardId idNumber } } }`, { id: activityId })).rosterEntries.items;
    expect(all.find((e: { guardId: string }) => e.guardId === guardId).idNumber).toBe(masked(guard.idNumber));
  });

  it('refuses a second active record of the same person by the hash index, whatever the letter case', async () => {
    const r = await baoan.gql(CREATE, { input: {
      companyId, name: '重复者', idNumber: guard.idNumber.toLowerCase(), phone: '13904270001', education: 'SENIOR_MIDDLE',
    } });
    expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await expect(t.sql(`INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, education) SELECT company_id, '旁路', id_cipher, id_hash, birth_date, sex, education FROM guards WHERE id = $1`, [guardId]))
      .rejects.toMatchObject({ constraint: 'uq_guards_active_person' });
  });

  it('binds the vetted identity to the ID number and relatives through their hashes: a new ciphertext of the same person keeps it, another ID number changes it', async () => {
    const { createGuard } = expectData(await baoan.gql(CREATE, { input: {
      companyId, name: '身份绑定', idNumber: idFor('1986-03-03'), phone: '13904270002', education: 'SENIOR_MIDDLE',
    } }));
    const id = createGuard.id;
    expectData(await baoan.gql(SET_RELATIVES, { id, r: [{ relation: 'FATHER', name: '绑定父', idNumber: idFor('1960-03-03') }] }));
    const identity = async () => (await t.sql(`SELECT guard_identity_hash($1) AS h`, [id]))[0].h as string;
    const [row] = await t.sql(`SELECT id_cipher FROM guards WHERE id = $1`, [id]);
    const first = await identity();

    // Re-encrypting (what pii:rotate does) writes a different ciphertext of the same number: same identity.
    const again = encryptPii(decryptPii(row.id_cipher));
    expect(again).not.toBe(row.id_cipher);
    await t.sql(`UPDATE guards SET id_cipher = $2 WHERE id = $1`, [id, again]);
    await t.sql(`UPDATE guard_relatives SET name_cipher = $2 WHERE guard_id = $1`, [id, encryptPii('绑定父')]);
    expect(await identity()).toBe(first);

    // Another ID number (its hash), or another relative's name: another identity.
    const other = idFor('1986-04-04');
    await t.sql(`UPDATE guards SET id_cipher = $2, id_hash = $3 WHERE id = $1`, [id, encryptPii(other), idHash(other)]);
    const second = await identity();
    expect(second).not.toBe(first);
    await t.sql(`UPDATE guard_relatives SET name_cipher = $2, name_hash = $3 WHERE guard_id = $1`, [id, encryptPii('换了父'), nameHash('换了父')]);
    expect(await identity()).not.toBe(second);
  });
});
