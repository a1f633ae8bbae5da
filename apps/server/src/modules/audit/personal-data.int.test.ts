import { randomUUID } from 'node:crypto';
import { maskIdNumber } from '@evs/schema';
import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';
import { addRecord, csvFile, ensureCompany, idFor, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';
import { GUARD_COLUMNS } from '../guards/guard-import.service';

/*
 * The audit log is append-only and kept for ever; the retention job (privacy/retention.service.ts)
 * anonymises guards and deletes relatives after `privacy.retentionDays` (个人信息保护法 Art. 19, 47).
 * So no audit entry may carry a guard's, a relative's or an on-site person's name, ID number, phone or
 * 保安员证号: an entry names the person by reference (its entity, ids in its payload). Every path that
 * writes an entry about a person is driven here, through GraphQL; each entry must still be written,
 * pointing at the right record, and none may hold the personal data, in its summary or its payload.
 */

const CREATE = `mutation ($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id name } }`;
const RELATIVES = `mutation ($id: ID!, $r: [RelativeInput!]!, $s: String) { setGuardRelatives(guardId: $id, relatives: $r, statement: $s) { id relativeCount } }`;
const LEAVES = `mutation ($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status } }`;
const TRANSFER = `mutation ($id: ID!, $to: ID!, $date: String!) { transferGuard(id: $id, toCompanyId: $to, date: $date) { id companyId } }`;
const REVOKE = `mutation ($idNumber: String!, $date: String!, $reason: String!) { recordCertificateRevocation(idNumber: $idNumber, date: $date, reason: $reason) { id } }`;
const IMPORT_GUARDS = `mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { created invalidRows ids } }`;
const GUARD_RELATIVES = `query ($id: ID!) { guard(id: $id) { id relatives { name relation } } }`;
const SUBMIT = `mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision } } }`;
const ENTRIES = `query ($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { items { id guardId decision state version } } }`;
const DECIDE = `mutation ($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REPLACE = `mutation ($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id } }`;
const REMOVE = `mutation ($e: ID!) { removeRosterEntry(entryId: $e) { id } }`;
const IMPORT_RECORDS = `mutation ($file: FileInput!) { importRecords(file: $file, mode: COMMIT) { created } }`;
const RECORD_HEADER = ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'];
const INSPECT = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id findings { id item } } }`;
const CORRECT = `mutation ($id: ID!, $note: String!) { correctFinding(findingId: $id, note: $note) { id } }`;
const AUDIT_LOG = `query ($filter: AuditFilterInput, $page: PageInput) {
  auditLog(filter: $filter, page: $page) { total items { action entityType entityId summary before after } } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Person {
  name: string;
  idNumber: string;
}

describe('no personal name or ID number goes into the append-only audit log', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let companyId: string;
  let company2Id: string;
  let organizerUnit: string;
  let firstEntry: string;
  /** Everyone the paths below write about: none of their data may be in any entry written since `firstEntry`. */
  const people: Person[] = [];
  const phones: string[] = [];
  const certificates: string[] = [];

  const track = <T extends Person>(p: T): T => {
    people.push(p);
    return p;
  };
  /** A guard on company1's register, with a mother (a relative is a person too). */
  const guard = async (name: string, spec: Parameters<typeof makeGuard>[2] = {}) => {
    const mother = track({ name: `${name}母`, idNumber: idFor('1962-02-02', true) });
    const g = track(await makeGuard(t, companyId, { name, relatives: [{ relation: 'MOTHER', ...mother }], ...spec }));
    const [{ certificate_no: cert }] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [g.id]);
    if (cert) certificates.push(cert);
    return { ...g, mother };
  };
  let seq = 0;
  const newActivity = (extra: Parameters<typeof makeActivity>[1] = {}) =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 20, startsAt: new Date(Date.now() + (30 + ++seq) * 86_400_000).toISOString(), ...extra });
  const submit = async (activityId: string, guardIds: string[]) => expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries as Row[];
  const entryOf = async (activityId: string, guardId: string): Promise<Row> =>
    (expectData(await baoan.gql(ENTRIES, { id: activityId })).rosterEntries.items as Row[]).find((e) => e.guardId === guardId && e.state === 'ACTIVE')!;
  /** A decision on the entries as they stand (their versions: changing a decision is made on the latest). */
  const decide = async (entryIds: string[], decision: string, reasonCategory: string | null, note: string) => {
    const rows: { id: string; version: number }[] = await t.sql(`SELECT id, version FROM roster_entries WHERE id = ANY($1::uuid[])`, [entryIds]);
    const expectedVersions = entryIds.map((id) => rows.find((r) => r.id === id)!.version);
    return expectData(await baoan.gql(DECIDE, { input: { entryIds, decision, reasonCategory, note, expectedVersions } }));
  };
  /** The entries written since the test began, about one record. */
  const entriesOf = (entityType: string, entityId: string): Promise<Row[]> =>
    t.sql(`SELECT action, actor_name, summary, before, after FROM audit_log WHERE id > $1 AND entity_type = $2 AND entity_id = $3 ORDER BY id`, [firstEntry, entityType, entityId]);
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    company2Id = await ensureCompany(t, await unitOf(t, 'company2'));
    organizerUnit = await unitOf(t, 'organizer1');
    [baoan, company] = await Promise.all([t.login('baoan'), t.login('company1')]);
    [{ id: firstEntry }] = await t.sql(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`);
  });
  afterAll(() => t?.close());

  describe('the register', () => {
    it('create, edit, relatives, leaving, transfer, revocation, import and a relatives read: audited on the guard, without the person', async () => {
      const phone = '13904279876';
      const newPhone = '13904275432';
      phones.push(phone, newPhone);
      const created = track({ name: '禤登记', idNumber: idFor('1991-01-11') });
      const father = track({ name: '禤登记父', idNumber: idFor('1960-06-06') });
      certificates.push('辽盘保审计001');
      const { createGuard } = expectData(await company.gql(CREATE, {
        input: { ...created, phone, certificateNo: '辽盘保审计001', certificateIssuedOn: '2020-05-01', education: 'SENIOR_MIDDLE', relatives: [{ relation: 'FATHER', ...father }], relativesStatement: '母亲已故' },
      }));
      const renamed = track({ name: '禤改名', idNumber: idFor('1991-02-12') });
      expectData(await company.gql(UPDATE, { id: createGuard.id, input: { ...renamed, phone: newPhone, certificateNo: null, certificateIssuedOn: null, education: 'SENIOR_MIDDLE' } }));
      const spouse = track({ name: '禤配偶', idNumber: idFor('1992-03-13', true) });
      expectData(await company.gql(RELATIVES, { id: createGuard.id, r: [{ relation: 'FATHER', ...father }, { relation: 'SPOUSE', ...spouse }], s: '母亲已故，另有说明' }));
      // 保安管理支队 reads the relatives: a READ_DETAIL entry per guard.
      expect(expectData(await baoan.gql(GUARD_RELATIVES, { id: createGuard.id })).guard.relatives).toHaveLength(2);

      const leaver = await guard('禤离职');
      expectData(await company.gql(LEAVES, { id: leaver.id, date: today() }));
      const mover = await guard('禤调转');
      const { transferGuard } = expectData(await baoan.gql(TRANSFER, { id: mover.id, to: company2Id, date: today() }));
      const revoked = track({ name: '禤吊销', idNumber: idFor('1980-08-08') });
      const { recordCertificateRevocation } = expectData(await baoan.gql(REVOKE, { idNumber: revoked.idNumber, date: '2025-06-01', reason: '违法从业' }));
      const holder = await guard('禤持证吊销');
      const { recordCertificateRevocation: held } = expectData(await baoan.gql(REVOKE, { idNumber: holder.idNumber, date: '2025-06-02', reason: '违法从业' }));

      const imported = track({ name: '禤导入', idNumber: idFor('1993-03-03') });
      const importedFather = track({ name: '禤导入父', idNumber: idFor('1963-03-03') });
      phones.push('13904271212');
      const values: Record<string, string> = {
        姓名: imported.name, 身份证号: imported.idNumber, 手机号: '13904271212', 学历: '高中', 父亲姓名: importedFather.name, 父亲身份证号: importedFather.idNumber, 未登记亲属说明: '母亲不详',
      };
      const file = csvFile('名册.csv', [GUARD_COLUMNS, GUARD_COLUMNS.map((c) => values[c] ?? '')]);
      const { importGuards } = expectData(await company.gql(IMPORT_GUARDS, { input: { file, mode: 'COMMIT' } }));
      expect(importGuards).toMatchObject({ created: 1, invalidRows: 0 });

      const own = await entriesOf('Guard', createGuard.id);
      expect(own.map((e) => [e.action, e.summary])).toEqual([
        ['CREATE', '“' + (await companyName(companyId)) + '”登记保安员1人，直系亲属1人'],
        ['UPDATE', '修改保安员登记信息（含身份证号）'],
        ['UPDATE', '更新保安员的直系亲属：1人 → 2人，并说明未登记亲属的原因'],
        ['READ_DETAIL', '查阅保安员的直系亲属信息'],
      ]);
      expect(own[0].after).toMatchObject({ id: createGuard.id, companyId, hasPhone: true, hasCertificateNo: true, hasRelativesStatement: true, relatives: 1 });
      expect(own[1].after).toMatchObject({ idNumberChanged: true, changed: ['name', 'idNumber', 'phone', 'certificateNo', 'certificateIssuedOn'] });
      expect(own[2].after).toMatchObject({ count: 2, relations: ['FATHER', 'SPOUSE'], hasStatement: true });
      expect((await entriesOf('Guard', leaver.id)).map((e) => e.summary)).toEqual([`保安员于${today()}离职`]);
      const moved = await entriesOf('Guard', transferGuard.id);
      expect(moved).toHaveLength(1);
      expect(moved[0].summary).toMatch(/^保安员由“.+”调转至“.+”（\d{4}-\d{2}-\d{2}）$/);
      expect(moved[0].after).toMatchObject({ id: transferGuard.id, fromGuardId: mover.id, companyId: company2Id });
      expect((await entriesOf('CertificateRevocation', recordCertificateRevocation.id)).map((e) => e.summary)).toEqual(['记录吊销保安员证：未在册人员，2025-06-01']);
      const heldEntry = await entriesOf('CertificateRevocation', held.id);
      expect(heldEntry.map((e) => e.summary)).toEqual(['记录吊销保安员证：在册人员，2025-06-02']);
      expect(heldEntry[0].after).toMatchObject({ guardId: holder.id });
      const importEntry = await entriesOf('Guard', companyId);
      expect(importEntry.map((e) => e.summary)).toEqual([expect.stringContaining('导入保安员“名册.csv”：新增1人')]);
    });
  });

  describe('vetting', () => {
    it('submit, 不通过 for each reason category (one and many), pass, replace, remove: counts and categories, the people by id', async () => {
      const activityId = await newActivity();
      const ownHit = await guard('禤本人');
      await addRecord(t, ownHit.idNumber, 'ADMIN_DETENTION', { name: ownHit.name });
      const relativeHit = await guard('禤亲属');
      await addRecord(t, relativeHit.mother.idNumber, 'ADMIN_DETENTION', { name: relativeHit.mother.name });
      const precheck = await guard('禤预审', { certificateNo: null });
      const other1 = await guard('禤其他甲');
      const other2 = await guard('禤其他乙');
      const passed = await guard('禤通过');
      const removed = await guard('禤移出');
      const spare = await guard('禤替补');
      const all = [ownHit, relativeHit, precheck, other1, other2, passed, removed];
      await submit(activityId, all.map((g) => g.id));
      const entry: Record<string, string> = {};
      for (const g of [...all]) entry[g.name] = (await entryOf(activityId, g.id)).id;

      // The officers' notes name the people (as they will): the audit log keeps that a note was written, not its words.
      await decide([entry[ownHit.name]], 'FAILED', 'OWN_RECORD', `${ownHit.name}本人有行政拘留记录，不宜上岗`);
      await decide([entry[relativeHit.name]], 'FAILED', 'RELATIVE_RECORD', '直系亲属有行政拘留记录，不宜上岗');
      await decide([entry[precheck.name]], 'FAILED', 'PRE_CHECK', '未取得保安员证');
      await decide([entry[other1.name], entry[other2.name]], 'FAILED', 'OTHER', '现场表现不宜上岗');
      await decide([entry[passed.name]], 'PASSED', null, `${passed.name}核实无误`);
      const { replaceRosterEntry } = expectData(await company.gql(REPLACE, { e: entry[ownHit.name], g: spare.id }));
      expectData(await company.gql(REMOVE, { e: entry[removed.name] }));

      const [submitted] = await entriesOf('RosterEntry', activityId);
      expect(submitted).toMatchObject({ action: 'CREATE', summary: expect.stringMatching(/上报名单7人$/) });
      expect(submitted.after.guardIds.sort()).toEqual(all.map((g) => g.id).sort());
      const decisions: [string, string, string][] = [
        [ownHit.name, 'OWN_RECORD', '审核不通过1人（本人违法犯罪记录）'],
        [relativeHit.name, 'RELATIVE_RECORD', '审核不通过1人（直系亲属违法犯罪记录）'],
        [precheck.name, 'PRE_CHECK', '审核不通过1人（资格预审不符）'],
        [passed.name, 'CLEAR', '审核通过1人（无异常）'],
      ];
      for (const [name, category, summary] of decisions) {
        const [decided] = await entriesOf('RosterEntry', entry[name]);
        expect(decided.summary).toMatch(new RegExp(`^“.+”${summary.replace(/[()（）]/g, '.')}$`));
        expect(decided.after).toMatchObject({ entryIds: [entry[name]], guardIds: [all.find((g) => g.name === name)!.id], reasonCategory: category, note: { chars: expect.any(Number) } });
      }
      // Many at once: on the activity, the entries and their guards listed by id.
      const many = (await entriesOf('RosterEntry', activityId)).filter((e) => e.summary.includes('审核不通过2人'));
      expect(many).toHaveLength(1);
      expect(many[0].summary).toMatch(/审核不通过2人（其他原因）$/);
      expect(many[0].after.guardIds.sort()).toEqual([other1.id, other2.id].sort());
      const [replaced] = await entriesOf('RosterEntry', replaceRosterEntry.id);
      expect(replaced).toMatchObject({ summary: expect.stringMatching(/替换未通过人员1人$/), before: { guardId: ownHit.id }, after: { guardId: spare.id } });
      const removal = (await entriesOf('RosterEntry', entry[removed.name])).at(-1)!;
      expect(removal).toMatchObject({ summary: expect.stringMatching(/移出名单1人$/), before: { guardId: removed.id } });
    });

    it('a pass withdrawn on an open roster (a revocation, a barring record imported, the detachment after the close) and the system’s 不通过 of a reused pass', async () => {
      // A revocation and a record import withdraw passes on a roster still in vetting.
      const activityId = await newActivity();
      const revokedLater = await guard('禤后吊');
      const barredLater = await guard('禤后犯');
      await submit(activityId, [revokedLater.id, barredLater.id]);
      for (const g of [revokedLater, barredLater]) await decide([(await entryOf(activityId, g.id)).id], 'PASSED', null, '核实无误');
      expectData(await baoan.gql(REVOKE, { idNumber: revokedLater.idNumber, date: today(), reason: '违法从业' }));
      const file = csvFile('新记录.csv', [RECORD_HEADER, [barredLater.idNumber, barredLater.name, '故意犯罪刑事处罚', '2026-10-01', '兴隆台公安分局', '重', '']]);
      expect(expectData(await baoan.gql(IMPORT_RECORDS, { file })).importRecords.created).toBe(1);
      const revokedEntry = await entryOf(activityId, revokedLater.id);
      const barredEntry = await entryOf(activityId, barredLater.id);
      expect([revokedEntry.decision, barredEntry.decision]).toEqual(['FAILED', 'FAILED']);
      const byRevocation = (await entriesOf('RosterEntry', revokedEntry.id)).at(-1)!;
      expect(byRevocation.summary).toMatch(/^“.+”名单中1人保安员证被吊销（条例第十七条），审核结论由通过改为不通过$/);
      expect(byRevocation.after).toMatchObject({ id: revokedEntry.id, guardId: revokedLater.id, decision: 'FAILED', reasonCategory: 'PRE_CHECK' });
      const byRecord = (await entriesOf('RosterEntry', barredEntry.id)).at(-1)!;
      expect(byRecord.summary).toMatch(/^“.+”名单中1人在审核通过后导入的本人记录属条例第十七条情形，审核结论由通过改为不通过$/);
      expect(byRecord.after).toMatchObject({ guardId: barredLater.id, reasonCategory: 'OWN_RECORD' });

      // 保安管理支队 withdraws a pass after vetting closed (training).
      const training = await newActivity({ status: 'TRAINING' });
      const reviewed = await guard('禤复核');
      const [{ id: reviewedEntry }] = await t.sql(
        `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, reason_category, decided_by, decided_at, checked_at)
         SELECT $1, $2, $3, 'PASSED', 'CLEAR', id, now(), now() FROM users WHERE username = 'baoan' RETURNING id`,
        [training, reviewed.id, companyId],
      );
      await decide([reviewedEntry], 'FAILED', 'OTHER', `复核：${reviewed.name}不宜上岗`);
      const withdrawn = (await entriesOf('RosterEntry', reviewedEntry)).at(-1)!;
      expect(withdrawn.summary).toMatch(/^“.+”名单中1人经保安管理支队复核（其他原因），审核结论由通过改为不通过$/);
      expect(withdrawn.after).toMatchObject({ guardId: reviewed.id, reasonCategory: 'OTHER', note: { chars: `复核：${reviewed.name}不宜上岗`.length } });

      // A pass reused where the person's own record now bars them: 不通过 by the system.
      const first = await newActivity();
      const reused = await guard('禤沿用');
      await submit(first, [reused.id]);
      await decide([(await entryOf(first, reused.id)).id], 'PASSED', null, '核实无误');
      await addRecord(t, reused.idNumber, 'INTENTIONAL_CRIME', { name: reused.name });
      const second = await newActivity();
      const [barred] = await submit(second, [reused.id]);
      expect(barred.decision).toBe('FAILED');
      const bySystem = await entriesOf('RosterEntry', barred.id);
      expect(bySystem).toHaveLength(1);
      expect(bySystem[0]).toMatchObject({
        actor_name: '系统',
        summary: expect.stringMatching(/^“.+”名单中1人本人记录属条例第十七条情形，不沿用此前的审核通过结论，系统判定不通过$/),
        after: { id: barred.id, guardId: reused.id, decision: 'FAILED', reasonCategory: 'OWN_RECORD' },
      });
    });
  });

  describe('on site', () => {
    it('a person found on duty off the register, a registered guard not on the duty roster, a correction: the check by id, the person not named', async () => {
      const onsiteCompany = await createCompanyWithGuards(t, '审计留痕测试保安服务有限公司', 2);
      const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId: onsiteCompany, guardsRequired: 1, cleared: 1, startsInHours: -1, durationHours: 4 });
      await trainAll(t, a.id);
      people.push({ name: a.cleared[0].name, idNumber: '(none)' });
      const stranger = track({ name: '禤陌生', idNumber: idFor('1988-08-18') });
      const offRoster = await guard('禤未审');
      const now = () => new Date().toISOString();

      const strangerCheck = expectData(await baoan.gql(INSPECT, {
        input: { id: randomUUID(), activityId: a.id, personName: `${stranger.name}（${stranger.idNumber}）`, post: '北门', results: [], recordedAt: now() },
      })).recordInspection;
      const offRosterCheck = expectData(await baoan.gql(INSPECT, { input: { id: randomUUID(), activityId: a.id, guardId: offRoster.id, results: [], recordedAt: now() } })).recordInspection;
      const clearedCheck = expectData(await baoan.gql(INSPECT, {
        input: { id: randomUUID(), activityId: a.id, guardId: a.cleared[0].guardId, results: checklist(['UNIFORM']).map((r) => (r.compliant ? r : { ...r, note: `${a.cleared[0].name}未按规定着装` })), recordedAt: now(), note: `${a.cleared[0].name}在北门` },
      })).recordInspection;
      expectData(await baoan.gql(CORRECT, { id: offRosterCheck.findings[0].id, note: `${offRoster.name}已清退出场，由在岗名单内人员替岗` }));

      const [strangerEntry] = await entriesOf('Inspection', strangerCheck.id);
      expect(strangerEntry.summary).toMatch(/^现场检查：活动“.+”，未在册人员1人，发现问题：未经审查人员上岗$/);
      expect(strangerEntry.after).toMatchObject({ id: strangerCheck.id, guardId: null, rosterEntryId: null, offRegister: true, post: '北门' });
      const [offRosterEntry] = await entriesOf('Inspection', offRosterCheck.id);
      expect(offRosterEntry.summary).toMatch(/^现场检查：活动“.+”，在册保安员1人，发现问题：未经审查人员上岗$/);
      expect(offRosterEntry.after).toMatchObject({ guardId: offRoster.id, rosterEntryId: null, offRegister: false });
      const [clearedEntry] = await entriesOf('Inspection', clearedCheck.id);
      expect(clearedEntry.summary).toMatch(/^现场检查：活动“.+”，在册保安员1人，发现问题：着装规范$/);
      expect(clearedEntry.after).toMatchObject({ guardId: a.cleared[0].guardId, rosterEntryId: a.cleared[0].entryId, note: { chars: `${a.cleared[0].name}在北门`.length } });
      expect(clearedEntry.after.results.find((r: Row) => r.note)).toMatchObject({ note: { chars: `${a.cleared[0].name}未按规定着装`.length } });
      const [correction] = await entriesOf('Finding', offRosterCheck.findings[0].id);
      expect(correction.summary).toMatch(/^纠正问题：活动“.+”，未经审查人员上岗$/);
      expect(correction.after).toMatchObject({ correctionNote: { chars: `${offRoster.name}已清退出场，由在岗名单内人员替岗`.length } });
      expect(correction.before).toMatchObject({ id: offRosterCheck.findings[0].id, guardId: offRoster.id, item: 'UNVETTED_ON_DUTY' });
      // The finding itself still names the person (for the activity's own records, until retention).
      const [{ note }] = await t.sql(`SELECT note FROM findings WHERE id = $1`, [offRosterCheck.findings[0].id]);
      expect(note).toContain(offRoster.name);
    });
  });

  it('none of the entries written above holds a name, an ID number (whole or masked), a phone or a 保安员证号 — summary or payload', async () => {
    const entries: Row[] = await t.sql(`SELECT id, entity_type, summary, before, after FROM audit_log WHERE id > $1 ORDER BY id`, [firstEntry]);
    expect(entries.length).toBeGreaterThan(30);
    const tokens = [
      ...people.flatMap((p) => [p.name, ...(p.idNumber.length === 18 ? [p.idNumber, maskIdNumber(p.idNumber), p.idNumber.slice(6, 14)] : [])]),
      ...phones,
      ...certificates,
    ];
    const leaks = entries.flatMap((e) => {
      const text = JSON.stringify([e.summary, e.before, e.after]);
      return tokens.filter((token) => text.includes(token)).map((token) => `${e.entity_type} #${e.id}: ${token}`);
    });
    expect(leaks).toEqual([]);
  });

  it('the auditor’s search by a name finds nothing; by what happened, the entries', async () => {
    const auditor = await t.login('auditor');
    for (const name of ['禤通过', '禤陌生', '禤登记父']) {
      expect(expectData(await auditor.gql(AUDIT_LOG, { filter: { search: name } })).auditLog.total).toBe(0);
    }
    const found = expectData(await auditor.gql(AUDIT_LOG, { filter: { search: '移出名单1人' } })).auditLog;
    expect(found.total).toBeGreaterThanOrEqual(1);
    expect(found.items[0]).toMatchObject({ action: 'UPDATE', entityType: 'RosterEntry', entityId: expect.any(String) });
  });

  async function companyName(id: string): Promise<string> {
    const [{ name }] = await t.sql(`SELECT name FROM companies WHERE id = $1`, [id]);
    return name;
  }
});
