import { createTestApp, expectData, expectErrorCode, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { addRecord, csvFile, ensureCompany, idFor, makeActivity, makeGuard, passAllSeenResult, unitOf } from '../../../test/vetting-fixtures';

/**
 * Review 9 C1 / review 10 R10-1: a reused pass "to review" (a relative's record, or the guard's own short
 * of 条例第十七条, arrived since the pass) is stored PASSED so that the company cannot tell it apart; the
 * same submission may complete the roster and close vetting. 保安管理支队, asked to review, must still be
 * able to act: after the close (TRAINING, READY, IN_PROGRESS) it may withdraw a pass (PASSED → FAILED)
 * with the effects of any withdrawn pass (open-roster-effects.ts `withdrawPass`), and nothing else.
 *
 * Review 9 C2 / R10-3: once the event has started, vetting no longer closes into 岗前培训 by itself, and
 * 保安管理支队 cannot close it (the way out is the cancellation).
 */

// Every field of RosterEntry the company may read.
const COMPANY_FIELDS = `id activityId guardId guardName idNumber companyId companyName post state precheckProblems { code message }
  checked decision reasonCategory decidedAt reused replacesEntryId version`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus warning entries { ${COMPANY_FIELDS} } } }`;
const ENTRIES = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { total items { ${COMPANY_FIELDS} } } }`;
const ENTRIES_SD = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { items {
  id guardId decision reasonCategory decidedByName decisionNote reused version hitCount } } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { tier closed counts { total passed failed pending unchecked removed }
  reasonCounts { reasonCategory count } entries { entryId guardName idNumber companyName post decision reasonCategory removed replaced reused decisionNote hitCount }
  clearedRoster { guardName idNumber companyName post } } }`;
const NOTIFICATIONS = `query { notifications(page: { pageSize: 200 }) { items { id title body link activityId } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { activityStatus closed decided closeBlockers } }`;
const CLOSE = `mutation($id: ID!) { closeVetting(activityId: $id) { activityStatus closed } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const ON_DUTY = `query($id: ID!) { onDutyRoster(activityId: $id) { guardId } }`;
const VETTING_ACTIVITIES = `query { vettingActivities(statuses: [VETTING], page: { pageSize: 500 }) { items { id status closeBlockers } } }`;
const IMPORT_RECORDS = `mutation($file: FileInput!) { importRecords(file: $file, mode: COMMIT) { created } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What tells two guards apart by who they are, not by how they fared. */
const IDENTITY = ['id', 'entryId', 'guardId', 'guardName', 'idNumber', 'decidedAt', 'version'];
const shape = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => !IDENTITY.includes(k)));
/** `2031-05-11 10:00` in Beijing, as the server names a date in a message. */
const cn = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);

describe('vetting after its close and after the event’s start (reviews 9 C1/C2, 10 R10-1/R10-3)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let organizer: TestClient;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await unitOf(t, 'organizer1');
    [baoan, company, organizer] = await Promise.all([t.login('baoan'), t.login('company1'), t.login('organizer1')]);
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  let seq = 0;
  /** Each activity a day apart, weeks ahead: rosters are taken until the event starts. */
  const newActivity = (guardsRequired: number, startsAt = new Date(Date.now() + (40 + ++seq) * 86400_000)) =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired, startsAt: startsAt.toISOString() });
  const submit = async (activityId: string, guardIds: string[]) => expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster;
  const companyEntries = async (activityId: string): Promise<Row[]> => expectData(await company.gql(ENTRIES, { id: activityId })).rosterEntries.items;
  const sdEntry = async (activityId: string, guardId: string): Promise<Row> =>
    expectData(await baoan.gql(ENTRIES_SD, { id: activityId })).rosterEntries.items.find((e: Row) => e.guardId === guardId);
  const status = async (activityId: string) => (await t.sql(`SELECT status FROM activities WHERE id = $1`, [activityId]))[0].status;
  const noticesOf = (activityId: string): Promise<{ title: string; body: string; link: string; kind: string }[]> =>
    t.sql(`SELECT n.title, n.body, n.link, u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1 ORDER BY n.id`, [activityId]);
  /** A guard with both parents declared (the mother's ID number kept to give her a record later). */
  const declaredGuard = async (name: string) => {
    const mother = { name: `${name}母`, idNumber: idFor('1960-03-03', true) };
    const g = await makeGuard(t, companyId, {
      name,
      relatives: [{ relation: 'FATHER', name: `${name}父`, idNumber: idFor('1958-08-08') }, { relation: 'MOTHER', ...mother }],
    });
    return { ...g, mother };
  };
  /** Trains entries of an activity in all three subjects (as 登记培训结果 would). */
  const train = async (activityId: string, guardIds: string[]) => {
    const [s] = await t.sql(
      `INSERT INTO training_sessions (id, activity_id, starts_at, place, instructor, topics, periods, created_by)
       VALUES (gen_random_uuid(), $1, now() - interval '1 day', '培训中心', '王教官', '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, (SELECT id FROM users WHERE username = 'baoan'))
       RETURNING id`,
      [activityId],
    );
    await t.sql(
      `INSERT INTO training_attendance (session_id, roster_entry_id, attended, passed, passed_topics, scores, recorded_by, recorded_at)
       SELECT $1, r.id, true, true, '{LAWS,DUTY_SKILLS,EMERGENCY}', '{"LAWS": 90, "DUTY_SKILLS": 90, "EMERGENCY": 90}', (SELECT id FROM users WHERE username = 'baoan'), now()
         FROM roster_entries r WHERE r.activity_id = $2 AND r.guard_id = ANY($3::uuid[])`,
      [s.id, activityId, guardIds],
    );
  };
  const onDuty = async (activityId: string) =>
    (expectData(await baoan.gql(ON_DUTY, { id: activityId })).onDutyRoster as { guardId: string }[]).map((d) => d.guardId).sort();

  describe('保安管理支队 withdraws a pass after vetting closed (C1)', () => {
    it('a reused pass with a relative’s new record closes vetting with the roster; the detachment can still withdraw it: FAILED, company told, vetting reopened', async () => {
      const first = await newActivity(2);
      const related = await declaredGuard('甲复核');
      const clean = await declaredGuard('乙无事');
      await submit(first, [related.id, clean.id]);
      expect(await passAllSeenResult(baoan, first)).toMatchObject({ decided: 2, activityStatus: 'TRAINING' });
      await addRecord(t, related.mother.idNumber, 'ADMIN_DETENTION', { name: related.mother.name });

      // The second roster of 2 required, both reused: vetting closes in the same request.
      const second = await newActivity(2);
      const answer = await submit(second, [related.id, clean.id]);
      expect(answer.activityStatus).toBe('TRAINING');
      const [a, b] = [related, clean].map((g) => answer.entries.find((e: Row) => e.guardId === g.id));
      expect(a).toMatchObject({ decision: 'PASSED', reused: true, reasonCategory: 'CLEAR' });
      expect(shape(a)).toEqual(shape(b));

      // Until the officer acts, the company's answers are the same for both guards.
      const listed = await companyEntries(second);
      expect(shape(listed.find((e) => e.guardId === related.id)!)).toEqual(shape(listed.find((e) => e.guardId === clean.id)!));
      const summary = expectData(await company.gql(SUMMARY, { id: second })).vettingSummary;
      expect(summary.counts).toMatchObject({ total: 2, passed: 2, failed: 0 });
      const [sa, sb] = [related, clean].map((g) => summary.entries.find((e: Row) => e.guardName === g.name));
      expect(shape(sa)).toEqual(shape(sb));
      const toCompany = JSON.stringify(expectData(await company.gql(NOTIFICATIONS)).notifications.items.filter((n: Row) => n.activityId === second));
      for (const text of [related.name, related.mother.name, '亲属', '复核']) expect(toCompany).not.toContain(text);

      // 保安管理支队 is asked to review, and the notice leads to the workbench of this activity.
      const review = (await noticesOf(second)).filter((n) => n.title.startsWith('已通过人员有新记录'));
      expect(review).toHaveLength(1);
      expect(review[0]).toMatchObject({ kind: 'SECURITY_DETACHMENT', link: `/vetting?activity=${second}` });

      // Neither the company nor the organizer may decide.
      const current = await sdEntry(second, related.id);
      const withdraw = {
        entryIds: [current.id], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: '复核：母亲有行政拘留记录，不宜上岗', expectedVersions: [current.version],
      };
      for (const client of [company, organizer]) expectErrorCode(await client.gql(DECIDE, { input: withdraw }), 'FORBIDDEN');
      // No new pass after the close, not even a repeat of the standing one.
      const pass = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [current.id], decision: 'PASSED', note: '复核后维持', expectedVersions: [current.version] } }), 'CONFLICT');
      expect(pass.message).toContain('背景审核已结束');
      // A stale copy is refused as in vetting.
      expectErrorCode(await baoan.gql(DECIDE, { input: { ...withdraw, expectedVersions: [current.version - 1] } }), 'CONFLICT');
      expect(await status(second)).toBe('TRAINING');

      const [sd] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
      const result = expectData(await baoan.gql(DECIDE, { input: withdraw })).decideVetting;
      // 1 cleared of 2 required: back to vetting, where the company replaces the guard.
      expect(result).toMatchObject({ activityStatus: 'VETTING', closed: false, decided: 1 });
      expect(result.closeBlockers.join()).toContain('少于所需2人');
      const [row] = await t.sql(`SELECT decision, reason_category, decision_note, decided_by, reused_from_entry_id FROM roster_entries WHERE id = $1`, [current.id]);
      expect(row).toMatchObject({ decision: 'FAILED', reason_category: 'RELATIVE_RECORD', decided_by: sd.id, reused_from_entry_id: null });
      expect(row.decision_note).toContain('母亲有行政拘留记录');
      expect(await companyEntries(second)).toEqual(
        expect.arrayContaining([expect.objectContaining({ guardId: related.id, decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', reused: false })]),
      );

      const [back] = await t.sql(`SELECT from_status, actor_name, comment FROM activity_transitions WHERE activity_id = $1 AND to_status = 'VETTING' ORDER BY at DESC LIMIT 1`, [second]);
      expect(back).toMatchObject({ from_status: 'TRAINING', actor_name: expect.stringContaining('系统') });
      expect(back.comment).toContain('背景审核重新开放');
      expect(back.comment).not.toContain(related.name);

      // The company is told who and the category (as for any 不通过), never the relative.
      const told = (await noticesOf(second)).filter((n) => n.kind === 'COMPANY' && n.title.includes('改为不通过'));
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain(related.name);
      expect(told[0].body).toContain('直系亲属违法犯罪记录');
      expect(told[0].body).toContain('请替换或移出名单');
      expect(told[0].body).not.toContain(related.mother.name);
      expect(told[0].link).toBe(`/roster?activity=${second}`);

      const audit = await t.sql(`SELECT actor_id, summary, before, after FROM audit_log WHERE entity_type = 'RosterEntry' AND entity_id = $1 AND action = 'UPDATE'`, [current.id]);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: sd.id, before: { decision: 'PASSED' }, after: { decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD' } });
      expect(audit[0].summary).toContain('由通过改为不通过');
      expect(audit[0].summary).not.toContain(related.mother.name);

      // Back in vetting, the company replaces the guard as for any 不通过.
      const spare = await makeGuard(t, companyId, { name: '丙替补' });
      expectData(await company.gql(`mutation ($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id } }`, { e: current.id, g: spare.id }));
      expect((await sdEntry(second, spare.id)).decision).toBe('PENDING');
    });

    it('only PASSED → FAILED after the close: a FAILED entry stays as it is; READY re-syncs and IN_PROGRESS takes the guard off duty', async () => {
      const activityId = await newActivity(2);
      const guards = await Promise.all(['丁一', '丁二', '丁三', '丁四'].map((name) => makeGuard(t, companyId, { name })));
      const [g1, g2, g3, g4] = guards;
      await submit(activityId, guards.map((g) => g.id));
      expect((await passAllSeenResult(baoan, activityId)).activityStatus).toBe('TRAINING');
      // Three trained (the on-duty roster of 2 required): READY.
      await train(activityId, [g1.id, g2.id, g3.id]);
      await t.sql(`UPDATE activities SET status = 'READY' WHERE id = $1`, [activityId]);
      expect(await onDuty(activityId)).toEqual([g1.id, g2.id, g3.id].sort());

      // One at a time after the close: two in one call are refused, nothing changes.
      const [b1, b2] = [await sdEntry(activityId, g1.id), await sdEntry(activityId, g2.id)];
      const many = expectErrorCode(
        await baoan.gql(DECIDE, { input: { entryIds: [b1.id, b2.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '复核：不宜上岗', expectedVersions: [b1.version, b2.version] } }),
        'BAD_USER_INPUT',
      );
      expect(many.message).toBe('背景审核结束后，每次只能撤销一名人员的审核通过结论');
      expect(await sdEntry(activityId, g1.id)).toMatchObject({ decision: 'PASSED', version: b1.version });
      expect(await sdEntry(activityId, g2.id)).toMatchObject({ decision: 'PASSED', version: b2.version });

      // A withdrawal that leaves enough cleared and trained guards: READY stays, the guard leaves the on-duty roster.
      let e = await sdEntry(activityId, g1.id);
      const r1 = expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '复核：不宜上岗', expectedVersions: [e.version] } })).decideVetting;
      expect(r1).toMatchObject({ activityStatus: 'READY', decided: 1, closeBlockers: [] });
      expect(await onDuty(activityId)).toEqual([g2.id, g3.id].sort());
      // The company is told, but cannot replace in READY: no "请替换".
      const [told] = (await noticesOf(activityId)).filter((n) => n.kind === 'COMPANY' && n.body.includes(g1.name));
      expect(told.body).toContain('审核结论改为不通过，不得上岗');
      expect(told.body).not.toContain('请替换');

      // The FAILED entry stays FAILED: no pass, no other 不通过 after the close.
      const failed = await sdEntry(activityId, g1.id);
      expect(expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [failed.id], decision: 'PASSED', note: '改回通过', expectedVersions: [failed.version] } }), 'CONFLICT').message).toContain('背景审核已结束');
      const again = expectErrorCode(
        await baoan.gql(DECIDE, { input: { entryIds: [failed.id], decision: 'FAILED', reasonCategory: 'PRE_CHECK', note: '改原因', expectedVersions: [failed.version] } }),
        'BAD_USER_INPUT',
      );
      expect(again.message).toContain('不能作出该审核结论');
      expect(JSON.stringify(again.extensions)).toContain('只能撤销审核通过');
      expect(await sdEntry(activityId, g1.id)).toMatchObject({ decision: 'FAILED', reasonCategory: 'OTHER', version: failed.version });

      // Leaving 2 cleared, 1 trained: READY → TRAINING (re-synced), not back to vetting.
      e = await sdEntry(activityId, g2.id);
      const r2 = expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '复核：不宜上岗', expectedVersions: [e.version] } })).decideVetting;
      expect(r2).toMatchObject({ activityStatus: 'TRAINING', decided: 1 });
      expect(await onDuty(activityId)).toEqual([g3.id]);

      // During the event: off duty at once; the activity stays under way.
      await train(activityId, [g4.id]);
      await t.sql(`UPDATE activities SET status = 'IN_PROGRESS' WHERE id = $1`, [activityId]);
      e = await sdEntry(activityId, g4.id);
      const r3 = expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '现场发现问题', expectedVersions: [e.version] } })).decideVetting;
      expect(r3).toMatchObject({ activityStatus: 'IN_PROGRESS', decided: 1 });
      expect(await onDuty(activityId)).toEqual([g3.id]);
    });

    it('a relative’s record imported after the pass (activity in TRAINING): the review asked for can be made with the register’s facts', async () => {
      const activityId = await newActivity(1);
      const g = await declaredGuard('戊后记');
      const other = await declaredGuard('己同队');
      await submit(activityId, [g.id, other.id]);
      expect((await passAllSeenResult(baoan, activityId)).activityStatus).toBe('TRAINING');

      const file = csvFile('新记录.csv', [
        ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'],
        [g.mother.idNumber, g.mother.name, '行政拘留', '2026-10-02', '兴隆台公安分局', '', ''],
      ]);
      expect(expectData(await baoan.gql(IMPORT_RECORDS, { file })).importRecords.created).toBe(1);
      expect((await noticesOf(activityId)).filter((n) => n.title.startsWith('已通过人员有新记录'))).toHaveLength(1);

      const e = await sdEntry(activityId, g.id);
      expect(e).toMatchObject({ decision: 'PASSED', hitCount: 0 });
      // The own-record category still follows the facts: the guard himself has none.
      const wrong = expectErrorCode(
        await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OWN_RECORD', note: 'x', expectedVersions: [e.version] } }),
        'BAD_USER_INPUT',
      );
      expect(JSON.stringify(wrong.extensions)).toContain('本人未比中记录');
      // With relatives out of vetting's scope (setting vetting.checkRelatives off), a relative's record is no reason.
      expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'vetting.checkRelatives', value: false }] }));
      try {
        const outOfScope = expectErrorCode(
          await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: 'x', expectedVersions: [e.version] } }),
          'BAD_USER_INPUT',
        );
        expect(JSON.stringify(outOfScope.extensions)).toContain('直系亲属未比中记录');
      } finally {
        expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'vetting.checkRelatives', value: true }] }));
      }
      const r = expectData(await baoan.gql(DECIDE, {
        input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: '复核：母亲新有行政拘留记录', expectedVersions: [e.version] },
      })).decideVetting;
      expect(r).toMatchObject({ activityStatus: 'TRAINING', decided: 1 });
      expect(await sdEntry(activityId, g.id)).toMatchObject({ decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD' });
    });
  });

  describe('vetting does not close once the event has started (C2)', () => {
    const atStart = (start: Date, offsetMs = 0) => t.clock.set(new Date(start.getTime() + offsetMs));
    /** Starting in a few days, on a whole minute. */
    const soon = () => {
      const start = new Date(Date.now() + (3 + ++seq) * 86400_000);
      start.setUTCSeconds(0, 0);
      return start;
    };
    const trainingNotices = async (activityId: string) => (await noticesOf(activityId)).filter((n) => n.body.includes('进入岗前培训'));
    const toTraining = async (activityId: string) =>
      (await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1 AND to_status = 'TRAINING'`, [activityId]))[0].n;

    it('the company’s removal that completes the roster after the start leaves the activity in vetting; closeVetting is refused naming the start', async () => {
      const start = soon();
      const activityId = await newActivity(1, start);
      const [good, bad] = await Promise.all([makeGuard(t, companyId, { name: '庚好' }), makeGuard(t, companyId, { name: '辛坏' })]);
      await submit(activityId, [good.id, bad.id]);
      const [eg, eb] = [await sdEntry(activityId, good.id), await sdEntry(activityId, bad.id)];
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [eg.id], decision: 'PASSED' } }));
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [eb.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '不宜上岗' } }));
      expect(await status(activityId)).toBe('VETTING');

      atStart(start);
      expectData(await company.gql(REMOVE, { e: eb.id }));
      expect(await status(activityId)).toBe('VETTING');
      expect(await toTraining(activityId)).toBe(0);
      expect(await trainingNotices(activityId)).toEqual([]);
      // The workbench says why it cannot close.
      const listed = expectData(await baoan.gql(VETTING_ACTIVITIES)).vettingActivities.items.find((a: Row) => a.id === activityId);
      expect(listed.closeBlockers).toEqual([`活动已于${cn(start)}开始，不能再结束背景审核、进入岗前培训`]);

      const refused = expectErrorCode(await baoan.gql(CLOSE, { id: activityId }), 'CONFLICT');
      expect(refused.message).toBe(`活动已于${cn(start)}开始，不能再结束背景审核；如活动未按安保要求举办，请取消活动并说明原因`);
      expect(await status(activityId)).toBe('VETTING');

      // A minute before the start, the same close goes through.
      atStart(start, -60_000);
      expect(expectData(await baoan.gql(CLOSE, { id: activityId })).closeVetting.activityStatus).toBe('TRAINING');
    });

    it('a decision or 一键通过 that completes the roster after the start records the decision and leaves the activity in vetting', async () => {
      const start = soon();
      const activityId = await newActivity(2, start);
      const [g1, g2] = await Promise.all([makeGuard(t, companyId), makeGuard(t, companyId)]);
      await submit(activityId, [g1.id, g2.id]);
      const e1 = await sdEntry(activityId, g1.id);

      atStart(start, 3600_000);
      const decided = expectData(await baoan.gql(DECIDE, { input: { entryIds: [e1.id], decision: 'PASSED' } })).decideVetting;
      expect(decided).toMatchObject({ activityStatus: 'VETTING', closed: false, decided: 1 });
      const all = await passAllSeenResult(baoan, activityId);
      expect(all).toMatchObject({ activityStatus: 'VETTING', closed: false, decided: 1 });
      expect(all.closeBlockers).toEqual([`活动已于${cn(start)}开始，不能再结束背景审核、进入岗前培训`]);
      expect(await status(activityId)).toBe('VETTING');
      expect(await toTraining(activityId)).toBe(0);
      expect(await trainingNotices(activityId)).toEqual([]);
    });

    it('a withdrawal in READY after the start that leaves too few cleared does not reopen vetting (review 10 D2): no 替换 asked, the guard off duty', async () => {
      const start = soon();
      const activityId = await newActivity(2, start);
      const [g1, g2] = await Promise.all([makeGuard(t, companyId, { name: '壬已开' }), makeGuard(t, companyId, { name: '癸已开' })]);
      await submit(activityId, [g1.id, g2.id]);
      expect((await passAllSeenResult(baoan, activityId)).activityStatus).toBe('TRAINING');
      await train(activityId, [g1.id, g2.id]);
      await t.sql(`UPDATE activities SET status = 'READY' WHERE id = $1`, [activityId]);
      expect(await onDuty(activityId)).toEqual([g1.id, g2.id].sort());

      atStart(start, 60_000);
      const e = await sdEntry(activityId, g1.id);
      const r = expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '复核：不宜上岗', expectedVersions: [e.version] } })).decideVetting;
      // 1 on duty of 2 required: readiness sync moves READY → TRAINING; vetting, which could neither take a
      // replacement nor close after the start, stays closed.
      expect(r).toMatchObject({ activityStatus: 'TRAINING', decided: 1 });
      expect(await status(activityId)).toBe('TRAINING');
      expect((await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1 AND to_status = 'VETTING' AND from_status IN ('TRAINING', 'READY')`, [activityId]))[0].n).toBe(0);
      expect(await onDuty(activityId)).toEqual([g2.id]);

      const notices = await noticesOf(activityId);
      const told = notices.filter((n) => n.kind === 'COMPANY' && n.body.includes(g1.name));
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('审核结论改为不通过，不得上岗');
      expect(told[0].body).not.toContain('替换');
      expect(notices.filter((n) => n.title === '背景审核重新开放')).toEqual([]);
    });
  });
});
