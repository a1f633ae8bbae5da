import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { decryptPii, encryptPii, idHash } from '../../common/pii';
import { addRecord, csvFile, ensureCompany, idFor, insertRelative, makeActivity, makeGuard, passAllSeen, unitOf } from '../../../test/vetting-fixtures';
import { GUARD_COLUMNS } from '../guards/guard-import.service';

/**
 * Issue 10: vetting that cannot be bypassed, and privacy tiers that hold in every answer. Each rule
 * is tried the way a hostile company account or a hurried officer would, from the refused side.
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) {
  submitRoster(input: $input) { activityStatus entries { id guardId decision reasonCategory checked reused } }
}`;
const ENTRIES = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { items {
  id guardId guardName idNumber decision reasonCategory checked reused state version precheckProblems { code } } } }`;
const ENTRIES_SD = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { items {
  id guardId decision reasonCategory suggestion suggestionCategory suggestionReason hitCount version } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { activityStatus closed decided closeBlockers } }`;
const UPDATE_GUARD = `mutation($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id name } }`;
const SET_RELATIVES = `mutation($id: ID!, $r: [RelativeInput!]!, $s: String) { setGuardRelatives(guardId: $id, relatives: $r, statement: $s) { id relativeCount relativesDeclared } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const IMPORT = `mutation($input: ImportGuardsInput!) { importGuards(input: $input) { created updated unchanged invalidRows problems { row column message } } }`;

type Entry = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('vetting integrity and privacy (issue 10)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let office: TestClient;
  let leader: TestClient;
  let dahuo: TestClient;
  let district: TestClient;
  let organizer: TestClient;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await unitOf(t, 'organizer1');
    const clients: TestClient[] = [];
    for (const u of ['baoan', 'company1', 'office', 'leader', 'dahuo', 'xinglongtai', 'organizer1']) clients.push(await t.login(u));
    [baoan, company, office, leader, dahuo, district, organizer] = clients;
  });
  afterAll(() => t?.close());

  let seq = 0;
  const newActivity = (extra: Parameters<typeof makeActivity>[1] = {}) =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, startsAt: `2031-0${1 + (seq % 9)}-${10 + (++seq % 18)}T02:00:00Z`, ...extra });
  const entriesOf = async (client: TestClient, activityId: string, query = ENTRIES): Promise<Entry[]> =>
    expectData(await client.gql(query, { id: activityId })).rosterEntries.items;
  const entryOf = async (activityId: string, guardId: string): Promise<Entry> =>
    (await entriesOf(baoan, activityId, ENTRIES_SD)).find((e) => e.guardId === guardId)!;
  const submit = async (activityId: string, guardIds: string[]) => expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster;
  const updateInput = (name: string, idNumber?: string) => ({ name, education: 'SENIOR_MIDDLE', idNumber: idNumber ?? null });

  describe('a decision binds to the identity it was made on', () => {
    it('refuses a name or ID number swap of a cleared guard on every path, and the database refuses it too', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId, { name: '郑原身' });
      await submit(activityId, [g.id]);
      await passAllSeen(baoan, activityId);
      expect((await entryOf(activityId, g.id)).decision).toBe('PASSED');
      const [{ status }] = await t.sql(`SELECT status FROM activities WHERE id = $1`, [activityId]);
      expect(status).toBe('TRAINING');

      const stranger = idFor('1991-09-09');
      for (const client of [company, baoan]) {
        const swap = expectErrorCode(await client.gql(UPDATE_GUARD, { id: g.id, input: updateInput('冒名者', stranger) }), 'CONFLICT');
        expect(swap.message).toContain('郑原身在“');
        expect(swap.message).toContain('须待活动结束后再修改');
        expectErrorCode(await client.gql(UPDATE_GUARD, { id: g.id, input: updateInput('改名者') }), 'CONFLICT');
      }
      // Other particulars stay editable (the certificate as it is: vetting.integrity's certificate tests).
      const [{ certificate_no: certificateNo }] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [g.id]);
      expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { ...updateInput('郑原身'), phone: '13912340000', certificateNo, certificateIssuedOn: '2020-01-01' } }));
      const [row] = await t.sql(`SELECT name, id_cipher, phone FROM guards WHERE id = $1`, [g.id]);
      expect({ ...row, id_cipher: decryptPii(row.id_cipher) }).toEqual({ name: '郑原身', id_cipher: g.idNumber, phone: '13912340000' });

      // Import: the same rule, row by row, nothing stored.
      const file = csvFile('改名.csv', [GUARD_COLUMNS, GUARD_COLUMNS.map((c) => ({ 姓名: '换了名', 身份证号: g.idNumber, 学历: '高中' } as Record<string, string>)[c] ?? '')]);
      const imported = expectData(await company.gql(IMPORT, { input: { file, mode: 'COMMIT' } })).importGuards;
      expect(imported).toMatchObject({ updated: 0, invalidRows: 1 });
      expect(imported.problems[0]).toMatchObject({ row: 2, column: '姓名' });
      expect(imported.problems[0].message).toContain('不能修改');

      // Any other path: the database itself refuses (SQLSTATE EV001).
      await expect(t.sql(`UPDATE guards SET name = '后门' WHERE id = $1`, [g.id])).rejects.toMatchObject({ code: 'EV001' });
      await expect(t.sql(`UPDATE guards SET id_cipher = $2, id_hash = $3 WHERE id = $1`, [g.id, encryptPii(stranger), idHash(stranger)])).rejects.toMatchObject({ code: 'EV001' });
      expect((await t.sql(`SELECT name FROM guards WHERE id = $1`, [g.id]))[0].name).toBe('郑原身');
    });

    it('refuses relatives added after a PASSED decision, whoever adds them and however', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId, { name: '周亲属' });
      await submit(activityId, [g.id]);
      await passAllSeen(baoan, activityId);
      const withRecord = idFor('1961-01-01');
      await addRecord(t, withRecord, 'INTENTIONAL_CRIME');
      const relatives = [{ relation: 'FATHER', name: '新父亲', idNumber: withRecord }];
      for (const client of [company, baoan]) {
        expectErrorCode(await client.gql(SET_RELATIVES, { id: g.id, r: relatives }), 'CONFLICT');
        expectErrorCode(await client.gql(SET_RELATIVES, { id: g.id, r: [], s: '另行说明' }), 'CONFLICT');
      }
      const file = csvFile('亲属.csv', [GUARD_COLUMNS, GUARD_COLUMNS.map((c) => ({ 姓名: g.name, 身份证号: g.idNumber, 学历: '高中', 父亲姓名: '新父亲', 父亲身份证号: withRecord } as Record<string, string>)[c] ?? '')]);
      const imported = expectData(await company.gql(IMPORT, { input: { file, mode: 'COMMIT' } })).importGuards;
      expect(imported).toMatchObject({ updated: 0, invalidRows: 1 });
      expect(imported.problems[0].column).toBe('直系亲属');
      await expect(insertRelative(t, g.id, { relation: 'SPOUSE', name: '后门', idNumber: withRecord })).rejects.toMatchObject({ code: 'EV001' });
      // (his parents, registered before the pass)
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM guard_relatives WHERE guard_id = $1`, [g.id]);
      expect(n).toBe(2);
    });

    it('during vetting, shows the way: take the guard off the roster, correct, submit again (checked afresh)', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId, { name: '钟待改' });
      const [entry] = (await submit(activityId, [g.id])).entries;
      const refused = expectErrorCode(await company.gql(UPDATE_GUARD, { id: g.id, input: updateInput('钟已改') }), 'CONFLICT');
      expect(refused.message).toContain('请先将其移出名单');
      expectData(await company.gql(REMOVE, { e: entry.id }));
      expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: updateInput('钟已改') }));
      const again = (await submit(activityId, [g.id])).entries[0];
      expect(again).toMatchObject({ decision: 'PENDING', checked: true });
    });

    it('never reuses a decision across an identity change (name or relatives)', async () => {
      const mother = idFor('1963-03-03', true);
      const g = await makeGuard(t, companyId, {
        name: '孔复用', relatives: [{ relation: 'FATHER', name: '孔父', idNumber: idFor('1961-03-03') }, { relation: 'MOTHER', name: '孔母', idNumber: mother }],
      });
      const first = await newActivity({ guardsRequired: 1 });
      await submit(first, [g.id]);
      await passAllSeen(baoan, first);
      // The first activity ends; the identity may change now.
      await t.sql(`UPDATE activities SET status = 'CLOSED' WHERE id = $1`, [first]);
      const same = await newActivity();
      expect((await submit(same, [g.id])).entries[0]).toMatchObject({ decision: 'PASSED', reused: true });
      await t.sql(`UPDATE activities SET status = 'CLOSED' WHERE id = $1`, [same]);

      expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: updateInput('孔改名') }));
      const renamed = await newActivity();
      expect((await submit(renamed, [g.id])).entries[0]).toMatchObject({ decision: 'PENDING', reused: false });
      await t.sql(`UPDATE activities SET status = 'CLOSED' WHERE id = $1`, [renamed]);

      const h = await makeGuard(t, companyId, { name: '秦亲属' });
      const a1 = await newActivity({ guardsRequired: 1 });
      await submit(a1, [h.id]);
      await passAllSeen(baoan, a1);
      await t.sql(`UPDATE activities SET status = 'CLOSED' WHERE id = $1`, [a1]);
      expectData(await company.gql(SET_RELATIVES, { id: h.id, r: [{ relation: 'SPOUSE', name: '秦配偶', idNumber: idFor('1992-02-02', true) }] }));
      const a2 = await newActivity();
      expect((await submit(a2, [h.id])).entries[0]).toMatchObject({ decision: 'PENDING', reused: false });
    });

    it('refuses a decision on an entry whose identity no longer matches what was checked', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId);
      const [entry] = (await submit(activityId, [g.id])).entries;
      await t.sql(`UPDATE roster_entries SET identity_hash = 'stale' WHERE id = $1`, [entry.id]);
      const refused = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [entry.id], decision: 'PASSED' } }), 'BAD_USER_INPUT');
      expect(refused.message).toContain('请先重新比对');
      expect(await passAllSeen(baoan, activityId)).toBe(0);
      expect((await entryOf(activityId, g.id)).decision).toBe('PENDING');
    });
  });

  describe('the vetted certificate and the vetted person hold through the day', () => {
    const REVOKE = `mutation($id: String!, $date: String!, $cert: String) { recordCertificateRevocation(idNumber: $id, date: $date, reason: "违法从业", certificateNo: $cert) { id } }`;
    const LEAVE = `mutation($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status } }`;
    const TRANSFER = `mutation($id: ID!, $to: ID!, $date: String!) { transferGuard(id: $id, toCompanyId: $to, date: $date) { id } }`;
    const ON_DUTY = `query($id: ID!) { onDutyRoster(activityId: $id) { guardId } }`;
    const guardRow = async (id: string) =>
      (await t.sql(`SELECT certificate_no, to_char(certificate_issued_on, 'YYYY-MM-DD') AS issued, photo, status, education FROM guards WHERE id = $1`, [id]))[0];
    const auditCount = async (id: string) => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [id]))[0].n;
    const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

    it('refuses a change or removal of the 保安员证 or the photo of a cleared guard on the form and the import; the database refuses it too', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId, { name: '钱持证' });
      await submit(activityId, [g.id]);
      await passAllSeen(baoan, activityId);
      const stored = await guardRow(g.id);
      const photo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      const form = { ...updateInput('钱持证'), certificateNo: stored.certificate_no, certificateIssuedOn: stored.issued };
      for (const [change, field] of [
        [{ certificateNo: null, certificateIssuedOn: null }, 'certificateNo'],
        [{ certificateNo: 'SWAP-9999' }, 'certificateNo'],
        [{ certificateIssuedOn: '2021-03-03' }, 'certificateIssuedOn'],
        [{ photo }, 'photo'],
        [{ education: 'BACHELOR' }, 'education'],
      ] as const) {
        const refused = expectErrorCode(await company.gql(UPDATE_GUARD, { id: g.id, input: { ...form, ...change } }), 'CONFLICT');
        expect(refused.message).toContain('保安员证号、发证日期、学历和照片不能修改');
        expect(refused.message).toContain('须待活动结束后再修改');
        expect(refused.extensions?.fields?.[0]?.field).toBe(field);
      }
      expect(await guardRow(g.id)).toEqual(stored);

      // Saved again unchanged (or twice): nothing written, nothing audited.
      const before = await auditCount(g.id);
      expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: form }));
      expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: form }));
      expect(await auditCount(g.id)).toBe(before);

      // Import: a file without the certificate columns keeps them; one that changes them is refused on its row.
      const bare = csvFile('名单.csv', [['姓名', '身份证号', '学历'], [g.name, g.idNumber, '高中']]);
      expect(expectData(await company.gql(IMPORT, { input: { file: bare, mode: 'COMMIT' } })).importGuards).toMatchObject({ updated: 0, unchanged: 1, invalidRows: 0 });
      const swapped = csvFile('换证.csv', [['姓名', '身份证号', '学历', '保安员证号'], [g.name, g.idNumber, '高中', 'SWAP-0001']]);
      const imported = expectData(await company.gql(IMPORT, { input: { file: swapped, mode: 'COMMIT' } })).importGuards;
      expect(imported).toMatchObject({ updated: 0, invalidRows: 1 });
      expect(imported.problems[0]).toMatchObject({ row: 2, column: '保安员证号' });
      expect(imported.problems[0].message).toContain('不能修改');
      expect(await guardRow(g.id)).toEqual(stored);
      // the education is a pre-check of the decision (条例第十六条): held alike
      const schooled = csvFile('学历.csv', [['姓名', '身份证号', '学历'], [g.name, g.idNumber, '本科']]);
      const reschooled = expectData(await company.gql(IMPORT, { input: { file: schooled, mode: 'COMMIT' } })).importGuards;
      expect(reschooled).toMatchObject({ updated: 0, invalidRows: 1 });
      expect(reschooled.problems[0]).toMatchObject({ row: 2, column: '学历', message: expect.stringContaining('学历') });
      expect(await guardRow(g.id)).toEqual(stored);

      // Any other path: the database refuses (SQLSTATE EV001).
      await expect(t.sql(`UPDATE guards SET certificate_no = NULL WHERE id = $1`, [g.id])).rejects.toMatchObject({ code: 'EV001' });
      await expect(t.sql(`UPDATE guards SET photo = $2 WHERE id = $1`, [g.id, photo])).rejects.toMatchObject({ code: 'EV001' });
      await expect(t.sql(`UPDATE guards SET education = 'BACHELOR' WHERE id = $1`, [g.id])).rejects.toMatchObject({ code: 'EV001' });
      expect(await guardRow(g.id)).toEqual(stored);
    });

    it('tells the register keepers (the company, 保安管理支队) what is locked while the guard is on an open roster, and no one else', async () => {
      const LOCK = `query($id: ID!) { guard(id: $id) { rosterLock } }`;
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId, { name: '周锁定' });
      expect(expectData(await company.gql(LOCK, { id: g.id })).guard.rosterLock).toBeNull();
      await submit(activityId, [g.id]);
      const during = expectData(await company.gql(LOCK, { id: g.id })).guard.rosterLock;
      expect(during).toContain('名单中：姓名、身份证号、直系亲属、保安员证、学历和照片不能修改，不能办理离职或调转');
      expect(during).toContain('请先将其移出名单');
      expect(expectData(await baoan.gql(LOCK, { id: g.id })).guard.rosterLock).toBe(during);
      for (const other of [office, leader, dahuo]) expect(expectData(await other.gql(LOCK, { id: g.id })).guard.rosterLock).toBeNull();
      await passAllSeen(baoan, activityId);
      expect(expectData(await company.gql(LOCK, { id: g.id })).guard.rosterLock).toContain('须待活动结束后再修改');
      // the list carries it too (one statement for the page: the loader)
      const LIST = `query($s: String) { guards(filter: { search: $s }) { items { id rosterLock } } }`;
      const listed = expectData(await company.gql(LIST, { s: '周锁定' })).guards.items;
      expect(listed).toEqual([{ id: g.id, rosterLock: expect.stringContaining('须待活动结束后再修改') }]);
    });

    it('a file without the certificate columns keeps the certificates of a guard on no roster', async () => {
      const g = await makeGuard(t, companyId, { name: '孙留证' });
      const stored = await guardRow(g.id);
      const bare = csvFile('名单.csv', [['姓名', '身份证号', '学历'], ['孙留证', g.idNumber, '大专']]);
      expect(expectData(await company.gql(IMPORT, { input: { file: bare, mode: 'COMMIT' } })).importGuards).toMatchObject({ updated: 1, invalidRows: 0 });
      expect(await guardRow(g.id)).toEqual({ ...stored, education: 'COLLEGE' });
    });

    it('refuses leaving or a transfer of a guard on an open roster; during vetting the way is to take them off first', async () => {
      const other = await ensureCompany(t, await unitOf(t, 'company2'));
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId, { name: '李在岗' });
      const [entry] = (await submit(activityId, [g.id])).entries;
      const during = expectErrorCode(await company.gql(LEAVE, { id: g.id, date: today() }), 'CONFLICT');
      expect(during.message).toContain('不能办理离职或调转');
      expect(during.message).toContain('请先将其移出名单');
      expectErrorCode(await baoan.gql(TRANSFER, { id: g.id, to: other, date: today() }), 'CONFLICT');
      await expect(t.sql(`UPDATE guards SET status = 'LEFT', left_on = CURRENT_DATE WHERE id = $1`, [g.id])).rejects.toMatchObject({ code: 'EV001' });
      expect((await guardRow(g.id)).status).toBe('ACTIVE');
      expectData(await company.gql(REMOVE, { e: entry.id }));
      expect(expectData(await company.gql(LEAVE, { id: g.id, date: today() })).guardLeaves.status).toBe('LEFT');

      const cleared = await makeGuard(t, companyId, { name: '周已审' });
      const later = await newActivity({ guardsRequired: 1 });
      await submit(later, [cleared.id]);
      await passAllSeen(baoan, later);
      const after = expectErrorCode(await company.gql(LEAVE, { id: cleared.id, date: today() }), 'CONFLICT');
      const [{ ends }] = await t.sql(`SELECT to_char(ends_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS ends FROM activities WHERE id = $1`, [later]);
      expect(after.message).toContain(`须待活动结束后再办理（${ends}结束）`);
      expectErrorCode(await baoan.gql(TRANSFER, { id: cleared.id, to: other, date: today() }), 'CONFLICT');
      expect((await guardRow(cleared.id)).status).toBe('ACTIVE');
    });

    it('the lock ends with the event: an activity left open after its end (never closed) no longer holds its guards', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId, { name: '郑散场' });
      await submit(activityId, [g.id]);
      await passAllSeen(baoan, activityId);
      expectErrorCode(await company.gql(LEAVE, { id: g.id, date: today() }), 'CONFLICT');
      // The event took place (by the database's clock, as the trigger decides), still TRAINING: nobody closed or cancelled it.
      await t.sql(`UPDATE activities SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1`, [activityId]);
      expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [activityId]))[0].status).toBe('TRAINING');
      expect(expectData(await company.gql(`query($id: ID!) { guard(id: $id) { rosterLock } }`, { id: g.id })).guard.rosterLock).toBeNull();
      expect(expectData(await company.gql(LEAVE, { id: g.id, date: today() })).guardLeaves.status).toBe('LEFT');
    });

    it('a revocation recorded after the pass withdraws it: off duty, the company told, vetting reopened when too few are left (so the guard can be replaced); a pending entry shows it and cannot pass', async () => {
      // Within 3 years of today: the activities are a few weeks away.
      const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      const ready = await newActivity({ guardsRequired: 1, startsAt: soon(20) });
      const g = await makeGuard(t, companyId, { name: '吴被吊' });
      await submit(ready, [g.id]);
      await passAllSeen(baoan, ready);
      await t.sql(
        `INSERT INTO training_sessions (id, activity_id, starts_at, place, instructor, topics, periods, created_by)
         VALUES (gen_random_uuid(), $1, now() - interval '1 day', '培训中心', '王教官', '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, (SELECT id FROM users WHERE username = 'baoan'))`,
        [ready],
      );
      await t.sql(
        `INSERT INTO training_attendance (session_id, roster_entry_id, attended, passed, passed_topics, scores, recorded_by, recorded_at)
         SELECT s.id, r.id, true, true, '{LAWS,DUTY_SKILLS,EMERGENCY}', '{"LAWS": 90, "DUTY_SKILLS": 90, "EMERGENCY": 90}', s.created_by, now()
           FROM training_sessions s JOIN roster_entries r ON r.activity_id = s.activity_id WHERE s.activity_id = $1`,
        [ready],
      );
      await t.sql(`UPDATE activities SET status = 'READY' WHERE id = $1`, [ready]);
      expect(expectData(await baoan.gql(ON_DUTY, { id: ready })).onDutyRoster.map((d: { guardId: string }) => d.guardId)).toEqual([g.id]);

      // The same person, pending on a roster still in vetting.
      const pendingActivity = await newActivity({ guardsRequired: 1, startsAt: soon(25) });
      const h = await makeGuard(t, companyId, { name: '郑待审' });
      await submit(pendingActivity, [h.id]);

      // A revocation older than 3 years before the day, once (of an earlier certificate: the one he holds was issued
      // 2020-01-01, after it; not in the register, so recorded without its number, red-team 6 M1): no bar, nothing changes.
      expectData(await baoan.gql(REVOKE, { id: g.idNumber, date: '2019-06-01' }));
      expect((await entryOf(ready, g.id)).decision).toBe('PASSED');

      expectData(await baoan.gql(REVOKE, { id: h.idNumber, date: today() }));
      expectData(await baoan.gql(REVOKE, { id: g.idNumber, date: today() }));
      const [withdrawn] = await t.sql(`SELECT decision, reason_category, decision_note, precheck_problems FROM roster_entries WHERE activity_id = $1`, [ready]);
      expect(withdrawn).toMatchObject({ decision: 'FAILED', reason_category: 'PRE_CHECK' });
      expect(withdrawn.decision_note).toContain('被吊销');
      expect(withdrawn.precheck_problems.map((p: { code: string }) => p.code)).toContain('REVOKED');
      expect(expectData(await baoan.gql(ON_DUTY, { id: ready })).onDutyRoster).toEqual([]);
      // 0 cleared of 1 required: not stranded in training (replacements are taken in vetting only), vetting reopens by the system
      const [{ status }] = await t.sql(`SELECT status FROM activities WHERE id = $1`, [ready]);
      expect(status).toBe('VETTING');
      const [back] = await t.sql(`SELECT from_status, actor_name, comment FROM activity_transitions WHERE activity_id = $1 AND to_status = 'VETTING' ORDER BY at DESC LIMIT 1`, [ready]);
      expect(back).toMatchObject({ from_status: 'READY', actor_name: expect.stringContaining('系统') });
      expect(back.comment).toContain('背景审核重新开放');
      // the organizer reads the 台账: a count, not who (review 5 A-F2)
      expect(back.comment).toMatch(/^1名保安员的审核结论改为不通过/);
      expect(back.comment).not.toContain('吴被吊');
      const [told] = await t.sql(`SELECT n.title, n.body FROM notifications n WHERE n.activity_id = $1 AND n.title LIKE '%吊销%'`, [ready]);
      expect(told.body).toContain('吴被吊');
      expect(told.body).toContain('请替换或移出名单');
      const spare = await makeGuard(t, companyId, { name: '王替补' });
      const withdrawnEntry = await entryOf(ready, g.id);
      expectData(await company.gql(`mutation ($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id } }`, { e: withdrawnEntry.id, g: spare.id }));
      expect((await entryOf(ready, spare.id)).decision).toBe('PENDING');
      // Audited on the entry, by reference: the name stays out of the append-only log.
      const audited = await t.sql(`SELECT summary, after FROM audit_log WHERE entity_type = 'RosterEntry' AND entity_id = $1 AND summary LIKE '%保安员证被吊销%'`, [withdrawnEntry.id]);
      expect(audited).toHaveLength(1);
      expect(audited[0].summary).toContain('名单中1人保安员证被吊销（条例第十七条），审核结论由通过改为不通过');
      expect(audited[0].after).toMatchObject({ id: withdrawnEntry.id, guardId: g.id, decision: 'FAILED' });
      expect(JSON.stringify(audited)).not.toContain('吴被吊');

      const pending = await entryOf(pendingActivity, h.id);
      expect(pending.decision).toBe('PENDING');
      const refused = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [pending.id], decision: 'PASSED', note: '核实无误' } }), 'BAD_USER_INPUT');
      expect(refused.message).toContain('被吊销');
      expect(await passAllSeen(baoan, pendingActivity)).toBe(0);
      expect((await entryOf(pendingActivity, h.id)).decision).toBe('PENDING');
    });
  });

  describe('records imported after a decision', () => {
    const IMPORT_RECORDS = `mutation($file: FileInput!) { importRecords(file: $file, mode: COMMIT) { created } }`;
    const RECORD_HEADER = ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'];

    it('a record that bars the guard withdraws the pass; another new record asks the detachment to review; a pending entry must be checked again', async () => {
      const cleared = await newActivity({ guardsRequired: 2 });
      const barred = await makeGuard(t, companyId, { name: '马后犯' });
      const minor = await makeGuard(t, companyId, { name: '牛小过' });
      await submit(cleared, [barred.id, minor.id]);
      await passAllSeen(baoan, cleared);
      const pendingActivity = await newActivity({ guardsRequired: 1 });
      const pending = await makeGuard(t, companyId, { name: '杨待核' });
      await submit(pendingActivity, [pending.id]);

      const file = csvFile('新记录.csv', [
        RECORD_HEADER,
        [barred.idNumber, '马后犯', '故意犯罪刑事处罚', '2026-10-01', '兴隆台公安分局', '重', ''],
        [minor.idNumber, '牛小过', '行政拘留', '2026-10-02', '兴隆台公安分局', '', ''],
        [pending.idNumber, '杨待核', '故意犯罪刑事处罚', '2026-10-03', '兴隆台公安分局', '重', ''],
      ]);
      expect(expectData(await baoan.gql(IMPORT_RECORDS, { file })).importRecords.created).toBe(3);

      expect(await entryOf(cleared, barred.id)).toMatchObject({ decision: 'FAILED', reasonCategory: 'OWN_RECORD' });
      expect((await entryOf(cleared, minor.id)).decision).toBe('PASSED');
      const withdrawn = await t.sql(
        `SELECT summary FROM audit_log WHERE entity_type = 'RosterEntry' AND entity_id = $1 AND summary LIKE '%在审核通过后导入的本人记录属条例第十七条情形%'`,
        [(await entryOf(cleared, barred.id)).id],
      );
      expect(withdrawn).toHaveLength(1);
      expect(withdrawn[0].summary).not.toContain('马后犯');
      const toCompany = await t.sql(`SELECT body FROM notifications WHERE activity_id = $1 AND title LIKE '新导入的记录%'`, [cleared]);
      expect(toCompany.map((n: { body: string }) => n.body).join()).toContain('马后犯');
      const toReview = await t.sql(`SELECT body FROM notifications WHERE activity_id = $1 AND title LIKE '已通过人员有新记录%'`, [cleared]);
      expect(toReview).toHaveLength(1);
      expect(toReview[0].body).toContain('1名');
      expect(toReview[0].body).not.toContain('牛小过'); // the detachment opens the workbench; no name in a notice

      // Undecided: checked before the record arrived, so no decision until checked again.
      const entry = await entryOf(pendingActivity, pending.id);
      const refused = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [entry.id], decision: 'PASSED', note: '核实' } }), 'BAD_USER_INPUT');
      expect(refused.message).toContain('比对后有新导入的记录');
      expect(await passAllSeen(baoan, pendingActivity)).toBe(0);
      expect((await entryOf(pendingActivity, pending.id)).decision).toBe('PENDING');
    });
  });

  describe('relatives are declared, not assumed', () => {
    it('suggests no PASS for a guard with no relatives and no statement; one-click pass skips them; a pass needs a note', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const silent = await makeGuard(t, companyId, { name: '无亲属', relativesStatement: null });
      const onlyFather = await makeGuard(t, companyId, { name: '只有父', relativesStatement: null, relatives: [{ relation: 'FATHER', name: '某父', idNumber: idFor('1960-06-06') }] });
      await submit(activityId, [silent.id, onlyFather.id]);
      for (const g of [silent, onlyFather]) {
        const e = await entryOf(activityId, g.id);
        expect(e).toMatchObject({ suggestion: 'PENDING', decision: 'PENDING', reasonCategory: null });
        expect(e.suggestionReason).toContain('直系亲属未申报完整');
      }
      expect((await entryOf(activityId, silent.id)).suggestionReason).toContain('父亲、母亲');
      expect((await entryOf(activityId, onlyFather.id)).suggestionReason).toContain('未登记母亲');
      expect(await passAllSeen(baoan, activityId)).toBe(0);
      const e = await entryOf(activityId, silent.id);
      const refused = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'PASSED' } }), 'BAD_USER_INPUT');
      expect(refused.message).toContain('直系亲属未申报完整');
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'PASSED', note: '经核实父母均已故，已电话确认' } }));

      // The company's statement, audited, makes the declaration complete.
      const other = await newActivity();
      const g = await makeGuard(t, companyId, { relativesStatement: null });
      const declared = expectData(await company.gql(SET_RELATIVES, { id: g.id, r: [], s: '父母均已故' })).setGuardRelatives;
      expect(declared).toMatchObject({ relativeCount: 0, relativesDeclared: true });
      const [audit] = await t.sql(`SELECT summary, after FROM audit_log WHERE entity_type = 'Guard' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [g.id]);
      expect(audit.summary).toContain('说明未登记亲属的原因');
      // That there is one, not its text: it is about the relatives, and goes with them at anonymisation.
      expect(audit.after).toMatchObject({ count: 0, hasStatement: true });
      expect(JSON.stringify(audit)).not.toContain('父母均已故');
      // Nobody was checked in the parents' place (red-team F1): the officer reads the statement and decides, with a note.
      await submit(other, [g.id]);
      const stated = await entryOf(other, g.id);
      expect(stated).toMatchObject({ suggestion: 'PENDING', suggestionReason: '请审核：未登记父亲、母亲，申报说明：父母均已故' });
      expect(await passAllSeen(baoan, other)).toBe(0);
      const noNote = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [stated.id], decision: 'PASSED' } }), 'BAD_USER_INPUT');
      expect(noNote.extensions?.fields).toEqual([{ field: 'note', message: `${g.name}未登记父亲、母亲，申报说明：父母均已故，通过时请填写审核意见` }]);
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [stated.id], decision: 'PASSED', note: '经核实父母均已故' } }));
    });

    it('does not ask for relatives when the relatives check is off (setting)', async () => {
      await t.sql(`INSERT INTO settings (key, value) VALUES ('vetting.checkRelatives', 'false') ON CONFLICT (key) DO UPDATE SET value = 'false'`);
      try {
        const activityId = await newActivity();
        const g = await makeGuard(t, companyId, { relativesStatement: null });
        await submit(activityId, [g.id]);
        expect((await entryOf(activityId, g.id)).suggestion).toBe('PASSED');
      } finally {
        await t.sql(`DELETE FROM settings WHERE key = 'vetting.checkRelatives'`);
      }
    });
  });

  describe('no oracle before the detachment decides', () => {
    let activityId: string;
    let hit: { id: string; idNumber: string; name: string };
    let clean: { id: string; idNumber: string; name: string };

    beforeAll(async () => {
      activityId = await newActivity({ guardsRequired: 2, name: '神谕测试活动' });
      // The hit entry is submitted second so that insertion order cannot mask an order by hits.
      // Names sort the clean one first (by code point and by pinyin): a list ordered by hits would not.
      clean = await makeGuard(t, companyId, { name: '安清白' });
      hit = await makeGuard(t, companyId, { name: '张有记录' });
      await addRecord(t, hit.idNumber, 'ADMIN_DETENTION', { name: '张有记录', source: '神谕来源' });
      await submit(activityId, [clean.id, hit.id]);
      // The detachment knows.
      expect((await entryOf(activityId, hit.id)).hitCount).toBe(1);
    });

    const project = (e: Entry) => {
      const { id: _id, guardId: _g, guardName: _n, idNumber: _i, ...rest } = e;
      return rest;
    };

    it('companies and every police role but the detachment see a hit and a clean entry alike', async () => {
      for (const client of [company, office, leader, dahuo, district]) {
        const items = await entriesOf(client, activityId);
        const a = items.find((e) => e.guardId === clean.id)!;
        const b = items.find((e) => e.guardId === hit.id)!;
        expect(project(b)).toEqual(project(a));
        expect(a.reasonCategory).toBeNull();
        // Order does not depend on hits (submission, then name).
        expect(items.map((e) => e.guardId)).toEqual([clean.id, hit.id]);
        for (const field of ['suggestion', 'suggestionCategory', 'suggestionReason', 'hitCount', 'hits { id }', 'relatives { name }', 'decisionNote']) {
          expectErrorCode(await client.gql(`query($id: ID!) { rosterEntries(activityId: $id) { items { id ${field} } } }`, { id: activityId }), 'FORBIDDEN');
        }
        const one = expectData(await client.gql(`query($id: ID!) { rosterEntry(id: $id) { reasonCategory decision } }`, { id: b.id })).rosterEntry;
        expect(one).toEqual({ reasonCategory: null, decision: 'PENDING' });
        const s = expectData(await client.gql(`query($id: ID!) { vettingSummary(activityId: $id) { reasonCounts { reasonCategory } entries { guardName reasonCategory decisionNote hitCount } } }`, { id: activityId })).vettingSummary;
        expect(s.reasonCounts).toEqual([]);
        expect(s.entries.map((e: Entry) => [e.reasonCategory, e.decisionNote, e.hitCount])).toEqual([[null, null, null], [null, null, null]]);
        expect(JSON.stringify(s)).not.toContain('神谕来源');
      }
    });

    it('the filters of the list cannot be used to find hits', async () => {
      const r = expectData(await company.gql(`query($id: ID!) { rosterEntries(activityId: $id, filter: { withHitsOnly: true }) { total } }`, { id: activityId }));
      expect(r.rosterEntries.total).toBe(2);
    });

    it('the overview drill-down, the audit log, notifications and the Excel notice give nothing away', async () => {
      const DRILL = `query($kind: DrilldownKind!, $filter: DrilldownFilterInput!) { overviewDrilldown(kind: $kind, filter: $filter, page: { pageSize: 200 }) { items { cells } } }`;
      const names = ['张有记录', '安清白'];
      for (const client of [office, leader]) {
        const d = expectData(await client.gql(DRILL, { kind: 'VETTING_ENTRIES', filter: { from: '2031-01-01', to: '2031-12-31', decision: 'PENDING' } })).overviewDrilldown.items as { cells: string[] }[];
        const rows = d.filter((r) => r.cells.some((c) => names.includes(c)));
        expect(rows).toHaveLength(2);
        const rest = (cells: string[]) => JSON.stringify(cells.filter((c) => !names.includes(c) && !String(c).includes('*')));
        expect(rest(rows[0].cells)).toBe(rest(rows[1].cells));
      }
      const log = expectData(await office.gql(`{ auditLog(filter: { entityType: "RosterEntry" }, page: { pageSize: 50 }) { items { summary before after payloadHidden } } }`)).auditLog.items as Entry[];
      const submitted = log.find((e) => e.summary.includes('神谕测试活动'))!;
      expect(submitted.summary).not.toMatch(/比中|记录/);
      expect(submitted).toMatchObject({ before: null, after: null, payloadHidden: true });
      const own = expectData(await baoan.gql(`{ auditLog(filter: { entityType: "RosterEntry" }, page: { pageSize: 50 }) { items { summary after } } }`)).auditLog.items as Entry[];
      expect(own.find((e) => e.summary.includes('神谕测试活动'))!.after.withHits).toBe(1);

      const notes = await t.sql(`SELECT title, body FROM notifications WHERE activity_id = $1`, [activityId]);
      expect(JSON.stringify(notes)).not.toMatch(/比中|记录/);

      const res = await fetch(`${t.url}/exports/vetting/${activityId}.xlsx`, { headers: { cookie: `evs_session=${company.cookie('evs_session')}` } });
      expect(res.status).toBe(200);
      const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
      expect(text).not.toContain('OWN_RECORD');
    });
  });

  describe('audit entries are tiered on read', () => {
    it('shows a decision note to the detachment alone; the office and the security auditor see that it happened', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId);
      await addRecord(t, g.idNumber, 'INTENTIONAL_CRIME');
      await submit(activityId, [g.id]);
      const e = await entryOf(activityId, g.id);
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OWN_RECORD', note: '本人有故意犯罪记录（记录详情甲乙丙）' } }));
      const Q = `query($id: String) { auditLog(filter: { entityId: $id, action: UPDATE }) { items { summary before after payloadHidden } } }`;
      const forOffice = expectData(await office.gql(Q, { id: e.id })).auditLog.items as Entry[];
      expect(forOffice).toHaveLength(1);
      expect(forOffice[0]).toMatchObject({ before: null, after: null, payloadHidden: true });
      expect(JSON.stringify(forOffice)).not.toContain('记录详情甲乙丙');
      // SPEC §1: record details are the detachment's alone; the auditor oversees the trail, not the records.
      const auditor = await t.login('auditor');
      const forAuditor = expectData(await auditor.gql(Q, { id: e.id })).auditLog.items as Entry[];
      expect(forAuditor).toHaveLength(1);
      expect(forAuditor[0]).toMatchObject({ before: null, after: null, payloadHidden: true });
      expect(JSON.stringify(forAuditor)).not.toContain('记录详情甲乙丙');
      const forSd = expectData(await baoan.gql(Q, { id: e.id })).auditLog.items as Entry[];
      // The detachment reads the payload: that a note was written and its length; the words are on the entry
      // (rosterEntry.decisionNote), not in the append-only log that outlives the retention period.
      expect(forSd[0].after.note).toEqual({ chars: '本人有故意犯罪记录（记录详情甲乙丙）'.length });
      expect(JSON.stringify(forSd)).not.toContain('记录详情甲乙丙');
      expect(forSd[0].payloadHidden).toBe(false);
      // Which entries the detachment opened in detail would hint at hits: not the office's to read.
      expectData(await baoan.gql(`query($id: ID!) { rosterEntry(id: $id) { decisionNote } }`, { id: e.id }));
      const READS = `{ auditLog(filter: { action: READ_DETAIL }, page: { pageSize: 50 }) { total } }`;
      expect(expectData(await office.gql(READS)).auditLog.total).toBe(0);
      expect(expectData(await baoan.gql(READS)).auditLog.total).toBeGreaterThan(0);
    });

    it('keeps the company’s statement about a guard’s relatives out of the audit log (that there is one is there, for every reader of the payload)', async () => {
      const g = await makeGuard(t, companyId, { name: '褚说明' });
      const statement = '父亲早年失联（说明详情丁戊）';
      expectData(
        await company.gql(`mutation($id: ID!, $s: String) { setGuardRelatives(guardId: $id, relatives: [], statement: $s) { id } }`, { id: g.id, s: statement }),
      );
      const Q = `query($id: String) { auditLog(filter: { entityId: $id }, page: { pageSize: 50 }) { items { summary before after payloadHidden } } }`;
      const auditor = await t.login('auditor');
      const forAuditor = expectData(await auditor.gql(Q, { id: g.id })).auditLog.items as Entry[];
      expect(forAuditor.length).toBeGreaterThan(0);
      expect(forAuditor.some((e) => e.after != null)).toBe(true); // the rest of the entry stays the auditor's
      expect(JSON.stringify(forAuditor)).not.toContain('说明详情丁戊');
      for (const reader of [office, baoan]) expect(JSON.stringify(expectData(await reader.gql(Q, { id: g.id })).auditLog.items)).not.toContain('说明详情丁戊');
      const forSd = expectData(await baoan.gql(Q, { id: g.id })).auditLog.items as Entry[];
      expect(forSd.find((e) => e.summary.includes('说明未登记亲属的原因'))).toMatchObject({ after: { hasStatement: true }, payloadHidden: false });
      expect((await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE before::text LIKE '%说明详情丁戊%' OR after::text LIKE '%说明详情丁戊%'`))[0].n).toBe(0);
    });

    it('keeps the birth date and revocation reasons out of what others can read', async () => {
      const g = await makeGuard(t, companyId, { name: '冯生日' });
      expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { ...updateInput('冯生日'), phone: '13800001111' } }));
      const [entry] = await t.sql(`SELECT before, after FROM audit_log WHERE entity_type = 'Guard' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [g.id]);
      expect(JSON.stringify(entry)).not.toContain('birthDate');
      expect(JSON.stringify(entry)).not.toContain(g.idNumber.slice(6, 14));

      const revoked = expectData(await baoan.gql(`mutation($id: String!) { recordCertificateRevocation(idNumber: $id, date: "2024-02-02", reason: "殴打他人（原因详情）") { id } }`, { id: g.idNumber }));
      expect(revoked.recordCertificateRevocation.id).toBeTruthy();
      const REV = `query($id: ID!) { guard(id: $id) { birthDate age revocations { revokedOn reason } } }`;
      // (A district bureau reads only the people on its district's rosters, this guard is on none: not found.)
      expectErrorCode(await district.gql(REV, { id: g.id }), 'NOT_FOUND');
      for (const client of [company, office]) {
        const { guard } = expectData(await client.gql(REV, { id: g.id }));
        expect(guard).toMatchObject({ birthDate: null, revocations: [{ revokedOn: '2024-02-02', reason: null }] });
        expect(guard.age).toBeGreaterThan(18);
      }
      expect(expectData(await baoan.gql(REV, { id: g.id })).guard).toMatchObject({ birthDate: '1990-05-01', revocations: [{ reason: '殴打他人（原因详情）' }] });
      for (const reader of [office, await t.login('auditor')]) {
        const log = expectData(await reader.gql(`{ auditLog(filter: { entityType: "CertificateRevocation" }) { items { summary after } } }`)).auditLog.items as Entry[];
        expect(log.length).toBeGreaterThan(0);
        expect(JSON.stringify(log)).not.toContain('原因详情');
      }
    });
  });

  describe('every read of detail is audited, whichever query reaches it', () => {
    const readDetails = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_DETAIL'`))[0].n as number;

    it('writes READ_DETAIL for notes through rosterEntries, rosterEntry and vettingSummary', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId);
      await submit(activityId, [g.id]);
      const e = await entryOf(activityId, g.id);
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'PASSED', note: '核实无误' } }));
      for (const q of [
        [`query($id: ID!) { rosterEntries(activityId: $id) { items { decisionNote } } }`, activityId],
        [`query($id: ID!) { rosterEntry(id: $id) { decisionNote } }`, e.id],
        [`query($id: ID!) { vettingSummary(activityId: $id) { entries { decisionNote } } }`, activityId],
        [`query($id: ID!) { rosterEntry(id: $id) { suggestionReason } }`, e.id],
      ] as const) {
        const before = await readDetails();
        expectData(await baoan.gql(q[0], { id: q[1] }));
        expect(await readDetails()).toBe(before + 1);
      }
      // Reading outcomes only is not a detail read.
      const before = await readDetails();
      expectData(await baoan.gql(`query($id: ID!) { vettingSummary(activityId: $id) { entries { decision reasonCategory } } }`, { id: activityId }));
      expect(await readDetails()).toBe(before);
    });
  });

  describe('vetting is closed by the detachment or by the system, never in a company’s name', () => {
    it('records the system as the actor when the company’s removal completes vetting', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const good = await makeGuard(t, companyId);
      const bad = await makeGuard(t, companyId);
      await addRecord(t, bad.idNumber, 'INTENTIONAL_CRIME');
      await submit(activityId, [good.id, bad.id]);
      await passAllSeen(baoan, activityId);
      const e = await entryOf(activityId, bad.id);
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OWN_RECORD', note: '本人记录' } }));
      expectData(await company.gql(REMOVE, { e: e.id }));
      const [tr] = await t.sql(`SELECT actor_id, actor_name FROM activity_transitions WHERE activity_id = $1 AND to_status = 'TRAINING'`, [activityId]);
      expect(tr.actor_id).toBeNull();
      expect(tr.actor_name).toContain('系统');
      const [audit] = await t.sql(`SELECT actor_id, actor_name, actor_role FROM audit_log WHERE entity_id = $1 AND action = 'TRANSITION' ORDER BY id DESC LIMIT 1`, [activityId]);
      expect(audit).toEqual({ actor_id: null, actor_name: '系统', actor_role: null });
      const timeline = expectData(await office.gql(`query($id: ID!) { activityTimeline(activityId: $id) { entries { title actorName } } }`, { id: activityId }));
      const step = (timeline.activityTimeline.entries as Entry[]).find((x) => String(x.title).includes('岗前培训'));
      expect(step?.actorName).toBe('系统（条件满足自动办理）');
    });

    it('names the officer when the detachment’s decision completes it', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId);
      await submit(activityId, [g.id]);
      await passAllSeen(baoan, activityId);
      const [tr] = await t.sql(`SELECT actor_id FROM activity_transitions WHERE activity_id = $1 AND to_status = 'TRAINING'`, [activityId]);
      const [sd] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
      expect(tr.actor_id).toBe(sd.id);
    });
  });

  describe('failure categories follow the facts', () => {
    it('refuses a record category for a pre-check failure, and a pre-check category without a pre-check problem', async () => {
      const activityId = await newActivity({ guardsRequired: 1, startsAt: '2032-05-05T02:00:00Z' });
      const old = await makeGuard(t, companyId, { birthDate: '1960-01-01' });
      const fine = await makeGuard(t, companyId);
      await submit(activityId, [old.id, fine.id]);
      const eo = await entryOf(activityId, old.id);
      const ef = await entryOf(activityId, fine.id);
      const wrong = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [eo.id], decision: 'FAILED', reasonCategory: 'OWN_RECORD', note: '超龄' } }), 'BAD_USER_INPUT');
      expect(wrong.message).toContain('本人未比中记录');
      expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [ef.id], decision: 'FAILED', reasonCategory: 'PRE_CHECK', note: 'x' } }), 'BAD_USER_INPUT');
      expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [ef.id], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: 'x' } }), 'BAD_USER_INPUT');
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [eo.id], decision: 'FAILED', reasonCategory: 'PRE_CHECK', note: '活动当日超过年龄上限' } }));
      const [row] = await t.sql(`SELECT reason_category FROM roster_entries WHERE id = $1`, [eo.id]);
      expect(row.reason_category).toBe('PRE_CHECK');
      const overview = expectData(await office.gql(`{ overview(range: { from: "2032-01-01", to: "2032-12-31" }) { failureReasons { key value } } }`)).overview;
      expect(overview.failureReasons.find((r: Entry) => r.key === 'PRE_CHECK')?.value).toBe(1);
      expect(overview.failureReasons.find((r: Entry) => r.key === 'OWN_RECORD')?.value ?? 0).toBe(0);
    });
  });

  describe('repeated and concurrent decisions', () => {
    it('refuses a decision made on a stale copy (expected versions) and changes nothing', async () => {
      const activityId = await newActivity({ guardsRequired: 1 });
      const g = await makeGuard(t, companyId);
      await submit(activityId, [g.id]);
      const e = await entryOf(activityId, g.id);
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], expectedVersions: [e.version], decision: 'FAILED', reasonCategory: 'OTHER', note: '形象不佳' } }));
      const stale = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.id], expectedVersions: [e.version], decision: 'PASSED', note: '复核' } }), 'CONFLICT');
      expect(stale.message).toContain('请刷新');
      expect((await entryOf(activityId, g.id)).decision).toBe('FAILED');
      // Without versions, changing a decision already made is refused too.
      expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'PASSED', note: '复核' } }), 'CONFLICT');
      const fresh = await entryOf(activityId, g.id);
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], expectedVersions: [fresh.version], decision: 'PASSED', note: '复核后通过' } }));
    });

    it('a double click or 10 parallel identical decisions write one audit row and one notification', async () => {
      const activityId = await newActivity({ guardsRequired: 5 });
      const g = await makeGuard(t, companyId);
      await addRecord(t, g.idNumber, 'INTENTIONAL_CRIME');
      await submit(activityId, [g.id]);
      const e = await entryOf(activityId, g.id);
      const input = { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OWN_RECORD', note: '本人有故意犯罪记录' };
      const results = await Promise.all(Array.from({ length: 10 }, () => baoan.gql(DECIDE, { input })));
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(results.map((r) => r.data.decideVetting.decided).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
      const [{ n: audits }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [e.id]);
      expect(audits).toBe(1);
      const [{ n: notes }] = await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE activity_id = $1 AND title = '有保安员审核未通过'`, [activityId]);
      expect(notes).toBe(1);
      // And a second one-click pass of nothing leaves no audit row.
      const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log`);
      await passAllSeen(baoan, activityId);
      await passAllSeen(baoan, activityId);
      const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log`);
      expect(after).toBe(before);
    });
  });

  it('an organizer reads no guard that is not cleared, and no vetting list', async () => {
    const activityId = await newActivity({ guardsRequired: 1 });
    const g = await makeGuard(t, companyId);
    await submit(activityId, [g.id]);
    expectErrorCode(await organizer.gql(`query($id: ID!) { guard(id: $id) { id name phone } }`, { id: g.id }), 'NOT_FOUND');
    expectErrorCode(await organizer.gql(`query($id: ID!) { rosterEntries(activityId: $id) { items { id } } }`, { id: activityId }), 'FORBIDDEN');
    await passAllSeen(baoan, activityId);
    const { guard } = expectData(await organizer.gql(`query($id: ID!) { guard(id: $id) { id name phone idNumber } }`, { id: g.id }));
    expect(guard).toMatchObject({ id: g.id, phone: null, idNumber: expect.stringContaining('********') });
  });
});
