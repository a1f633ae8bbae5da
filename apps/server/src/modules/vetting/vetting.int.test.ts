import ExcelJS from 'exceljs';
import { countQueries, createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { encryptPii, idHash } from '../../common/pii';
import { addRecord, ensureCompany, idFor, makeActivity, makeGuard, passableSeen, passAllSeen, passAllSeenResult, unitOf } from '../../../test/vetting-fixtures';

const SUBMIT = `mutation($input: SubmitRosterInput!) {
  submitRoster(input: $input) { activityStatus warning entries { id guardId guardName idNumber decision reasonCategory checked reused precheckProblems { code message } } }
}`;
const ENTRIES_SD = `query($id: ID!) {
  rosterEntries(activityId: $id, page: { pageSize: 100 }) { total items { id guardId guardName idNumber decision reasonCategory suggestion suggestionCategory suggestionReason hitCount reused state checked version
    precheckProblems { code } } }
}`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { activityStatus closed decided closeBlockers } }`;
const PASS_ALL = `mutation($id: ID!, $expected: [EntryVersionInput!]!) { passAllClean(activityId: $id, expected: $expected) { decided } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { tier closed counts { total passed failed pending }
  reasonCounts { reasonCategory count } entries { guardName idNumber decision reasonCategory decisionNote hitCount removed replaced }
  clearedRoster { guardName idNumber companyName } exportUrl } }`;

describe('roster and vetting', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let company2: TestClient;
  let organizer: TestClient;
  let companyId: string;
  let company2Id: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    company2Id = await ensureCompany(t, await unitOf(t, 'company2'));
    organizerUnit = await unitOf(t, 'organizer1');
    [baoan, company, company2, organizer] = await Promise.all([t.login('baoan'), t.login('company1'), t.login('company2'), t.login('organizer1')]);
  });
  afterAll(() => t?.close());

  const entries = async (activityId: string) => expectData(await baoan.gql(ENTRIES_SD, { id: activityId })).rosterEntries.items as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const byGuard = async (activityId: string) => new Map((await entries(activityId)).map((e) => [e.guardId, e]));
  const newActivity = (extra: Parameters<typeof makeActivity>[1] = {}) =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, ...extra });

  it('runs every pre-check at once and shows it per guard', async () => {
    // A month ahead, not a fixed date: a roster is refused once the event has started (review 9-C F1).
    const start = new Date(Date.now() + 30 * 86_400_000);
    start.setUTCHours(2, 0, 0, 0);
    const activityId = await newActivity({ startsAt: start.toISOString(), guardsRequired: 1 });
    const ok = await makeGuard(t, companyId);
    const old = await makeGuard(t, companyId, { birthDate: '1965-01-01' });
    const noCert = await makeGuard(t, companyId, { certificateNo: null });
    const primary = await makeGuard(t, companyId, { education: 'PRIMARY' });
    const revoked = await makeGuard(t, companyId);
    await t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, CURRENT_DATE - 365, '测试')`, [
      encryptPii(revoked.idNumber), idHash(revoked.idNumber),
    ]);
    const twice = await makeGuard(t, companyId);
    await t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, DATE '2010-01-01', 'a'), ($1, $2, DATE '2012-01-01', 'b')`, [
      encryptPii(twice.idNumber), idHash(twice.idNumber),
    ]);
    const badId = await makeGuard(t, companyId);
    const wrongCheck = badId.idNumber.slice(0, 17) + (badId.idNumber.endsWith('0') ? '1' : '0');
    await t.sql(`UPDATE guards SET id_cipher = $2, id_hash = $3 WHERE id = $1`, [badId.id, encryptPii(wrongCheck), idHash(wrongCheck)]);
    // The same person on an overlapping activity's roster.
    const busy = await makeGuard(t, companyId);
    const other = await newActivity({ startsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), status: 'VETTING' });
    await t.sql(`INSERT INTO roster_entries (activity_id, guard_id, company_id) VALUES ($1, $2, $3)`, [other, busy.id, companyId]);

    const all = [ok, old, noCert, primary, revoked, twice, badId, busy];
    const pre = expectData(await company.gql(`query($a: ID!, $g: [ID!]!) { rosterPrecheck(activityId: $a, guardIds: $g) { guardId problems { code } } }`, { a: activityId, g: all.map((g) => g.id) }));
    const preCodes = new Map<string, string[]>(pre.rosterPrecheck.map((p: { guardId: string; problems: { code: string }[] }) => [p.guardId, p.problems.map((x) => x.code)]));
    expect(preCodes.get(ok.id)).toEqual([]);
    expect(preCodes.get(old.id)).toEqual(['AGE']);

    const r = expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: all.map((g) => g.id) } }));
    expect(r.submitRoster.activityStatus).toBe('VETTING');
    const codes = new Map<string, string[]>(r.submitRoster.entries.map((e: { guardId: string; precheckProblems: { code: string }[] }) => [e.guardId, e.precheckProblems.map((p) => p.code)]));
    expect(codes.get(ok.id)).toEqual([]);
    expect(codes.get(old.id)).toEqual(['AGE']);
    expect(codes.get(noCert.id)).toEqual(['CERTIFICATE']);
    expect(codes.get(primary.id)).toEqual(['EDUCATION']);
    expect(codes.get(revoked.id)).toEqual(['REVOKED']);
    expect(codes.get(twice.id)).toEqual(['REVOKED']);
    expect(codes.get(badId.id)).toEqual(['ID_NUMBER']);
    expect(codes.get(busy.id)).toEqual(['OVERLAP']);
    const sd = await byGuard(activityId);
    expect(sd.get(old.id).suggestion).toBe('FAILED');
    expect(sd.get(old.id).suggestionCategory).toBe('PRE_CHECK');
    // Undecided: no category for anybody to read (the suggestion's is the detachment's alone).
    expect(sd.get(old.id).reasonCategory).toBeNull();
    expect(sd.get(ok.id).suggestion).toBe('PASSED');

    // The activity's own age limit overrides the setting.
    const strict = await newActivity({ startsAt: new Date(start.getTime() + 365 * 86_400_000).toISOString(), ageLimit: 30 });
    const r2 = expectData(await company.gql(SUBMIT, { input: { activityId: strict, guardIds: [ok.id] } }));
    expect(r2.submitRoster.entries[0].precheckProblems.map((p: { code: string }) => p.code)).toEqual(['AGE']);

    // A pre-check failure can never be passed.
    const refused = await baoan.gql(DECIDE, { input: { entryIds: [sd.get(old.id).id], decision: 'PASSED', note: '同意' } });
    expect(expectErrorCode(refused, 'BAD_USER_INPUT').message).toContain('资格预审不符');
  });

  it('accepts only the selected company, its own active guards, at the right stage; notifies the detachment', async () => {
    const activityId = await newActivity();
    const g = await makeGuard(t, companyId);
    const foreign = await makeGuard(t, company2Id);
    expectErrorCode(await company2.gql(SUBMIT, { input: { activityId, guardIds: [foreign.id] } }), 'NOT_FOUND');
    expectErrorCode(await organizer.gql(SUBMIT, { input: { activityId, guardIds: [g.id] } }), 'FORBIDDEN');
    expectErrorCode(await baoan.gql(SUBMIT, { input: { activityId, guardIds: [g.id] } }), 'FORBIDDEN');
    const bad = expectErrorCode(await company.gql(SUBMIT, { input: { activityId, guardIds: [g.id, foreign.id] } }), 'BAD_USER_INPUT');
    expect(bad.extensions?.fields?.[0].field).toBe('guardIds.1');
    const early = await newActivity({ status: 'CANDIDATES_RECOMMENDED' });
    expectErrorCode(await company.gql(SUBMIT, { input: { activityId: early, guardIds: [g.id] } }), 'CONFLICT');
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1`, [activityId]);
    expect(before).toBe(0);

    const CANDIDATES = `query($a: ID!, $s: String) { rosterCandidates(activityId: $a, search: $s) { total items { guardId idNumber onRoster problems { code } } } }`;
    const before1 = expectData(await company.gql(CANDIDATES, { a: activityId, s: g.name })).rosterCandidates.items;
    expect(before1).toEqual([{ guardId: g.id, idNumber: expect.stringContaining('********'), onRoster: false, problems: [] }]);
    expectErrorCode(await organizer.gql(CANDIDATES, { a: activityId }), 'FORBIDDEN');
    expectErrorCode(await company2.gql(CANDIDATES, { a: activityId }), 'NOT_FOUND');

    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [g.id], posts: ['东门'] } }));
    expect(expectData(await company.gql(CANDIDATES, { a: activityId, s: g.name })).rosterCandidates.items[0].onRoster).toBe(true);
    const [n] = await t.sql(
      `SELECT count(*)::int AS n FROM notifications n JOIN units u ON u.id = n.unit_id WHERE u.kind = 'SECURITY_DETACHMENT' AND n.activity_id = $1`,
      [activityId],
    );
    expect(n.n).toBe(1);
    // Already on the roster: the roster's state is in the way, not the input (SPEC §8: CONFLICT).
    const again = expectErrorCode(await company.gql(SUBMIT, { input: { activityId, guardIds: [g.id] } }), 'CONFLICT');
    expect(again.message).toBe(`所选人员（${g.name}）已全部在名单中（名单现有1人，可能已在其他窗口或由同事上报），请刷新页面查看`);
    expect(again.extensions?.fields).toEqual([{ field: 'guardIds.0', message: `${g.name}已在名单中` }]);
  });

  it('matches records by ID number only: own Art. 17 record → FAILED; relative → review; 3 detentions bar, 2 do not', async () => {
    const activityId = await newActivity({ guardsRequired: 1 });
    const dad = idFor('1960-03-03');
    const self = await makeGuard(t, companyId, { name: '王自身' });
    const rel = await makeGuard(t, companyId, { relatives: [{ relation: 'FATHER', name: '李父', idNumber: dad }] });
    const namesake = await makeGuard(t, companyId, { name: '赵同名' });
    const twice = await makeGuard(t, companyId);
    const thrice = await makeGuard(t, companyId);
    await addRecord(t, self.idNumber, 'INTENTIONAL_CRIME', { name: '王自身' });
    await addRecord(t, dad, 'COMPULSORY_DETOX', { name: '李父' });
    await addRecord(t, idFor('1991-01-01'), 'INTENTIONAL_CRIME', { name: '赵同名' }); // same name, another person
    for (let i = 0; i < 2; i++) await addRecord(t, twice.idNumber, 'ADMIN_DETENTION');
    for (let i = 0; i < 3; i++) await addRecord(t, thrice.idNumber, 'ADMIN_DETENTION');

    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [self.id, rel.id, namesake.id, twice.id, thrice.id] } }));
    const e = await byGuard(activityId);
    expect(e.get(self.id)).toMatchObject({ suggestion: 'FAILED', suggestionCategory: 'OWN_RECORD', reasonCategory: null, hitCount: 1 });
    expect(e.get(rel.id)).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'RELATIVE_RECORD', reasonCategory: null, hitCount: 1 });
    // The relation, not the relative's name: names are personal information kept encrypted (the hits show them).
    expect(e.get(rel.id).suggestionReason).toContain('父亲有');
    expect(e.get(rel.id).suggestionReason).not.toContain('李父');
    expect(e.get(namesake.id)).toMatchObject({ suggestion: 'PASSED', hitCount: 0 });
    expect(e.get(twice.id)).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'OWN_RECORD', reasonCategory: null });
    expect(e.get(thrice.id)).toMatchObject({ suggestion: 'FAILED', suggestionCategory: 'OWN_RECORD', reasonCategory: null });

    // An own Art. 17 record can never be passed; passing despite a relative's record needs a note.
    expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.get(self.id).id], decision: 'PASSED', note: '核实' } }), 'BAD_USER_INPUT');
    expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.get(rel.id).id], decision: 'PASSED' } }), 'BAD_USER_INPUT');
    // The relatives check is a setting.
    await t.sql(`INSERT INTO settings (key, value) VALUES ('vetting.checkRelatives', 'false') ON CONFLICT (key) DO UPDATE SET value = 'false'`);
    const other = await newActivity({ startsAt: '2028-01-01T02:00:00Z' });
    expectData(await company.gql(SUBMIT, { input: { activityId: other, guardIds: [rel.id] } }));
    expect((await byGuard(other)).get(rel.id)).toMatchObject({ suggestion: 'PASSED', hitCount: 0 });
    await t.sql(`DELETE FROM settings WHERE key = 'vetting.checkRelatives'`);
  });

  it('decides, replaces a failed guard, and closes vetting only when the rule holds; notifies company, organizer and office', async () => {
    const activityId = await newActivity({ guardsRequired: 2 });
    const a = await makeGuard(t, companyId);
    const b = await makeGuard(t, companyId);
    const bad = await makeGuard(t, companyId);
    await addRecord(t, bad.idNumber, 'REEDUCATION_LABOR');
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [a.id, b.id, bad.id] } }));
    const e = await byGuard(activityId);

    expectErrorCode(await company.gql(PASS_ALL, { id: activityId, expected: await passableSeen(baoan, activityId) }), 'FORBIDDEN');
    expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.get(bad.id).id], decision: 'FAILED', note: '记录' } }), 'BAD_USER_INPUT');
    expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.get(bad.id).id], decision: 'FAILED', reasonCategory: 'OWN_RECORD' } }), 'BAD_USER_INPUT');

    const passed = await passAllSeenResult(baoan, activityId);
    expect(passed).toMatchObject({ decided: 2, closed: false });
    expect(passed.closeBlockers.join()).toContain('1人未作审核结论');
    const failed = expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.get(bad.id).id], decision: 'FAILED', reasonCategory: 'OWN_RECORD', note: '本人有劳动教养记录' } })).decideVetting;
    expect(failed.closed).toBe(false);
    expect(failed.closeBlockers.join()).toContain('未通过人员在名单中');
    expectErrorCode(await baoan.gql(`mutation($id: ID!) { closeVetting(activityId: $id) { closed } }`, { id: activityId }), 'CONFLICT');

    // Only a FAILED entry can be replaced, by a guard of the company's own register.
    expectErrorCode(await company.gql(`mutation($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id } }`, { e: e.get(a.id).id, g: bad.id }), 'CONFLICT');
    const c = await makeGuard(t, companyId);
    const replacement = expectData(await company.gql(`mutation($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id guardId decision replacesEntryId } }`, { e: e.get(bad.id).id, g: c.id })).replaceRosterEntry;
    expect(replacement).toMatchObject({ guardId: c.id, decision: 'PENDING', replacesEntryId: e.get(bad.id).id });
    const [old] = await t.sql(`SELECT state FROM roster_entries WHERE id = $1`, [e.get(bad.id).id]);
    expect(old.state).toBe('REMOVED');

    const done = expectData(await baoan.gql(DECIDE, { input: { entryIds: [replacement.id], decision: 'PASSED' } })).decideVetting;
    expect(done).toMatchObject({ closed: true, activityStatus: 'TRAINING' });
    const notified: { kind: string }[] = await t.sql(
      `SELECT u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1 AND n.title = '背景审核通报'`,
      [activityId],
    );
    expect(notified.map((n) => n.kind).sort()).toEqual(['COMPANY', 'LEADING_GROUP_OFFICE', 'ORGANIZER']);
    const [tr] = await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1 AND to_status = 'TRAINING'`, [activityId]);
    expect(tr.n).toBe(1);
    // After closing nothing changes any more.
    expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [replacement.id], decision: 'FAILED', reasonCategory: 'OTHER', note: 'x' } }), 'CONFLICT');
  });

  it('does not close while cleared guards are fewer than required', async () => {
    const activityId = await newActivity({ guardsRequired: 3 });
    const gs = [await makeGuard(t, companyId), await makeGuard(t, companyId)];
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: gs.map((g) => g.id) } }));
    const r = await passAllSeenResult(baoan, activityId);
    expect(r).toMatchObject({ closed: false, activityStatus: 'VETTING' });
    expect(r.closeBlockers.join()).toContain('少于所需3人');
    // Adding a guard during VETTING, then passing, closes it.
    const more = await makeGuard(t, companyId);
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [more.id] } }));
    expect(await passAllSeenResult(baoan, activityId)).toMatchObject({ closed: true, activityStatus: 'TRAINING' });
  });

  it('reuses a PASSED decision within the window, also when a record arrived since (the detachment reviews it), never outside the window', async () => {
    const mom = idFor('1962-02-02', true);
    const g = await makeGuard(t, companyId, { relatives: [{ relation: 'FATHER', name: '周父', idNumber: idFor('1960-02-02') }, { relation: 'MOTHER', name: '周母', idNumber: mom }] });
    const first = await newActivity({ startsAt: '2029-01-01T02:00:00Z' });
    expectData(await company.gql(SUBMIT, { input: { activityId: first, guardIds: [g.id] } }));
    await passAllSeen(baoan, first);

    const second = await newActivity({ startsAt: '2029-02-01T02:00:00Z' });
    const r = expectData(await company.gql(SUBMIT, { input: { activityId: second, guardIds: [g.id] } }));
    expect(r.submitRoster.entries[0]).toMatchObject({ decision: 'PASSED', reused: true, reasonCategory: 'CLEAR' });
    const [firstEntry] = await t.sql(`SELECT id, decided_at FROM roster_entries WHERE activity_id = $1`, [first]);
    const [reusedRow] = await t.sql(`SELECT reused_from_entry_id, decided_at FROM roster_entries WHERE activity_id = $1`, [second]);
    expect(reusedRow.reused_from_entry_id).toBe(firstEntry.id);

    // A record for the mother arrives after the decision: reused all the same, or the company would learn
    // of it (reviews 5-A F3, 9-A F1); 保安管理支队 is asked to review it (reuse-privacy.int.test.ts).
    await addRecord(t, mom, 'ADMIN_DETENTION');
    const third = await newActivity({ startsAt: '2029-03-01T02:00:00Z' });
    const r3 = expectData(await company.gql(SUBMIT, { input: { activityId: third, guardIds: [g.id] } }));
    expect(r3.submitRoster.entries[0]).toMatchObject({ decision: 'PASSED', reused: true, reasonCategory: 'CLEAR' });
    const review = await t.sql(`SELECT 1 FROM notifications WHERE activity_id = $1 AND title LIKE '已通过人员有新记录%'`, [third]);
    expect(review).not.toHaveLength(0);

    // Outside the window: no reuse either.
    const h = await makeGuard(t, companyId);
    const old = await newActivity({ startsAt: '2029-04-01T02:00:00Z' });
    expectData(await company.gql(SUBMIT, { input: { activityId: old, guardIds: [h.id] } }));
    await passAllSeen(baoan, old);
    await t.sql(`UPDATE roster_entries SET decided_at = now() - interval '200 days' WHERE activity_id = $1`, [old]);
    const later = await newActivity({ startsAt: '2029-05-01T02:00:00Z' });
    const r4 = expectData(await company.gql(SUBMIT, { input: { activityId: later, guardIds: [h.id] } }));
    expect(r4.submitRoster.entries[0]).toMatchObject({ decision: 'PENDING', reused: false });
  });

  describe('privacy tiers', () => {
    let activityId: string;
    let relGuard: { id: string; idNumber: string; name: string };
    let cleanGuard: { id: string; idNumber: string; name: string };
    let relEntryId: string;

    beforeAll(async () => {
      activityId = await newActivity({ guardsRequired: 1, name: '隐私测试活动' });
      const sister = idFor('1970-07-07');
      relGuard = await makeGuard(t, companyId, { name: '钱有亲', relatives: [{ relation: 'SPOUSE', name: '孙配偶', idNumber: sister }] });
      cleanGuard = await makeGuard(t, companyId, { name: '吴清白' });
      await addRecord(t, sister, 'INTENTIONAL_CRIME', { name: '孙配偶' });
      expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [relGuard.id, cleanGuard.id] } }));
      relEntryId = (await byGuard(activityId)).get(relGuard.id).id;
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [relEntryId], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: '配偶孙配偶有故意犯罪记录' } }));
      await passAllSeen(baoan, activityId);
    });

    it('company: masked IDs, own outcomes with the reason category, never hits, relatives or notes', async () => {
      const list = expectData(await company.gql(`query($id: ID!) { rosterEntries(activityId: $id) { items { guardName idNumber decision reasonCategory } } }`, { id: activityId }));
      const mine = list.rosterEntries.items.find((e: { guardName: string }) => e.guardName === '钱有亲');
      expect(mine).toMatchObject({ decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD' });
      expect(mine.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(mine.idNumber).not.toBe(relGuard.idNumber);
      for (const field of ['hits { subjectName }', 'relatives { name }', 'suggestion', 'suggestionReason', 'decisionNote', 'hitCount']) {
        const r = await company.gql(`query($id: ID!) { rosterEntries(activityId: $id) { items { id ${field} } } }`, { id: activityId });
        expectErrorCode(r, 'FORBIDDEN');
        expect(JSON.stringify(r.data ?? {})).not.toContain('孙配偶');
      }
      const s = expectData(await company.gql(SUMMARY, { id: activityId })).vettingSummary;
      expect(s.tier).toBe('SUBMITTER');
      expect(s.entries.find((e: { guardName: string }) => e.guardName === '钱有亲')).toMatchObject({ decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', decisionNote: null, hitCount: null });
      expect(JSON.stringify(s)).not.toContain('孙配偶');
      expect(JSON.stringify(s)).not.toContain(relGuard.idNumber);
      expectErrorCode(await company2.gql(SUMMARY, { id: activityId }), 'NOT_FOUND');
      expectErrorCode(await company2.gql(ENTRIES_SD.replace(/suggestion suggestionReason hitCount /, ''), { id: activityId }), 'NOT_FOUND');
    });

    it('organizer: counts and the cleared roster only', async () => {
      expectErrorCode(await organizer.gql(`query($id: ID!) { rosterEntries(activityId: $id) { items { id } } }`, { id: activityId }), 'FORBIDDEN');
      const s = expectData(await organizer.gql(SUMMARY, { id: activityId })).vettingSummary;
      expect(s.tier).toBe('ORGANIZER');
      expect(s.entries).toEqual([]);
      expect(s.reasonCounts).toEqual([]);
      expect(s.counts).toMatchObject({ total: 2, passed: 1, failed: 1 });
      expect(s.clearedRoster).toEqual([{ guardName: '吴清白', idNumber: expect.stringMatching(/\*{8}/), companyName: expect.any(String) }]);
      const text = JSON.stringify(s);
      expect(text).not.toContain('钱有亲');
      expect(text).not.toContain('孙配偶');
      expect(text).not.toContain(cleanGuard.idNumber);
      const other = await t.login('organizer2');
      expectErrorCode(await other.gql(SUMMARY, { id: activityId }), 'NOT_FOUND');
    });

    it('detachment: full detail, and every read of it is audited', async () => {
      const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_DETAIL'`);
      const r = expectData(await baoan.gql(`query($id: ID!) { rosterEntries(activityId: $id) { items { guardId idNumber decisionNote decidedByName
        hits { relation subjectName subjectIdNumber record { category } } relatives { relation name idNumber } } } }`, { id: activityId }));
      const e = r.rosterEntries.items.find((x: { guardId: string }) => x.guardId === relGuard.id);
      expect(e.idNumber).toBe(relGuard.idNumber);
      expect(e.hits).toEqual([{ relation: 'SPOUSE', subjectName: '孙配偶', subjectIdNumber: expect.any(String), record: { category: 'INTENTIONAL_CRIME' } }]);
      expect(e.relatives[0]).toMatchObject({ relation: 'SPOUSE', name: '孙配偶' });
      expect(e.decidedByName).toBe('刘宝军');
      const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_DETAIL'`);
      expect(after - before).toBe(4); // one for hits, one for relatives, one for notes, one for the whole ID numbers, whatever the list length
    });

    it('Excel notice: same tiers, session cookie required', async () => {
      const url = `${t.url}/exports/vetting/${activityId}.xlsx`;
      expect((await fetch(url)).status).toBe(401);
      const get = (c: TestClient) => fetch(url, { headers: { cookie: `evs_session=${c.cookie('evs_session')}` } });
      const sheetText = async (res: Response) => {
        expect(res.status).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        return wb.worksheets.map((ws) => {
          const rows: string[] = [];
          ws.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
          return `${ws.name}\n${rows.join('\n')}`;
        }).join('\n');
      };
      const sessionCookie = company.cookie('evs_session');
      if (!sessionCookie) throw new Error('session cookie name differs: update the test');
      const companyText = await sheetText(await get(company));
      expect(companyText).toContain('钱有亲');
      expect(companyText).toContain('直系亲属违法犯罪记录');
      expect(companyText).not.toContain('孙配偶');
      expect(companyText).not.toContain(relGuard.idNumber);
      const orgText = await sheetText(await get(organizer));
      expect(orgText).toContain('吴清白');
      expect(orgText).not.toContain('钱有亲');
      expect((await get(company2)).status).toBe(404);
      const sdText = await sheetText(await get(baoan));
      expect(sdText).toContain('孙配偶');
      expect(sdText).toContain(relGuard.idNumber);
    });
  });

  it('costs the same number of SQL queries for 5 roster entries as for 40, hits, relatives and audit included', async () => {
    // The roster with the most decided entries, so both pages name deciding officers.
    const [{ activity_id: activityId, n }] = await t.sql(
      `SELECT activity_id, count(*)::int AS n FROM roster_entries WHERE decision <> 'PENDING' GROUP BY activity_id ORDER BY n DESC LIMIT 1`,
    );
    expect(n).toBeGreaterThanOrEqual(40);
    const FULL = `query($id: ID!, $page: PageInput) { rosterEntries(activityId: $id, page: $page) { total items {
      id guardId guardName idNumber decision reasonCategory suggestion suggestionReason decisionNote decidedByName hitCount reused state checked
      precheckProblems { code } hits { relation subjectName record { category } } relatives { relation name idNumber } } } }`;
    const run = (pageSize: number) =>
      countQueries(async () => {
        const { rosterEntries } = expectData(await baoan.gql(FULL.replace('page: $page', 'page: $page, filter: { decision: PASSED }'), { id: activityId, page: { pageSize } }));
        expect(rosterEntries.items).toHaveLength(pageSize);
      });
    const small = await run(5);
    const large = await run(40);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
