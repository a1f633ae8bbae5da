import ExcelJS from 'exceljs';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';
import { unitOf } from '../../../test/vetting-fixtures';

/**
 * Training after a pass is withdrawn (review 11-C): the 签到表 (API and Excel) shows each reader only
 * what it may see — the organizer the cleared list only (F2) — and the activity, back in vetting,
 * keeps sessions that can still be moved or cancelled before they begin (F5).
 */
const SCHEDULE = /* GraphQL */ `
  mutation ($id: ID!, $input: ScheduleTrainingInput!) { scheduleTraining(activityId: $id, input: $input) { id startsAt attendance { rosterEntryId } } }
`;
const RECORD = /* GraphQL */ `mutation ($s: ID!, $r: [TrainingResultInput!]!) { recordTrainingResults(sessionId: $s, results: $r) { id } }`;
const DECIDE = /* GraphQL */ `mutation ($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const ATTENDANCE = 'attendance { rosterEntryId guardName certificateNo attended passed scores { topic score } }';
const SESSION = /* GraphQL */ `query ($id: ID!) { trainingSession(id: $id) { id ${ATTENDANCE} } }`;
const OVERVIEW = /* GraphQL */ `query ($id: ID!) { training(activityId: $id) { clearedCount trainees { rosterEntryId } sessions { id ${ATTENDANCE} } } }`;
const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: UpdateTrainingSessionInput!) { updateTrainingSession(id: $id, input: $input) { id startsAt place } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelTrainingSession(id: $id, reason: $reason) { id cancelledAt attendance { rosterEntryId } } }`;

const NOW = '2031-04-01T10:00:00+08:00';
const HOUR = 3600_000;
const ALL_TOPICS = ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'];
const passedAll = (rosterEntryId: string) => ({ rosterEntryId, attended: true, scores: ALL_TOPICS.map((topic) => ({ topic, score: 80 })) });

describe('training after a withdrawn pass', () => {
  let t: TestApp;
  let baoan: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
  });
  beforeEach(() => t.clock.set(NOW));
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  /** 保安管理支队 withdraws the pass of this roster entry (FAILED after vetting closed). */
  async function withdraw(entryId: string) {
    const [{ version }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [entryId]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entryId], decision: 'FAILED', reasonCategory: 'OTHER', note: '复核：不宜上岗', expectedVersions: [version] } }));
  }

  /**
   * A company's 3 cleared guards on organizer2's activity in training, and a session of theirs held
   * (the clock past its end); the first guard is the one whose pass the test withdraws.
   */
  async function heldSession(companyName: string, account?: { username: string }) {
    const companyId = await createCompanyWithGuards(t, companyName, 3, account);
    const organizerUnitId = await unitOf(t, 'organizer2');
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 3, cleared: 3, organizerUnitId, startsInDays: 5 });
    const [gone, ...kept] = a.cleared;
    const s = expectData(await baoan.gql(SCHEDULE, {
      id: a.id,
      input: { startsAt: new Date(Date.parse(NOW) + HOUR).toISOString(), place: '市公安局培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 2, isMakeup: false },
    })).scheduleTraining;
    t.clock.advance(3 * HOUR);
    return { a, s, gone, kept };
  }

  /** Every cell of the exported 签到表, as the reader downloads it. */
  async function sheetText(client: TestClient, sessionId: string): Promise<string> {
    const res = await fetch(`${t.url}/exports/training/${sessionId}.xlsx`, { headers: { cookie: `evs_session=${client.cookie('evs_session')}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    return cells.join('|');
  }

  it('the organizer’s sign-in sheet (API, the activity’s sessions, Excel) does not name a guard whose pass was withdrawn; the company and the police still see him (review 11-C F2)', async () => {
    const { a, s, gone, kept } = await heldSession('签到表测试保安服务有限公司', { username: 'sheet_co' });
    expectData(await baoan.gql(RECORD, { s: s.id, r: a.cleared.map((c) => passedAll(c.entryId)) }));
    await withdraw(gone.entryId);
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [a.id]))[0].status).toBe('VETTING');

    const names = (rows: { guardName: string }[]) => rows.map((r) => r.guardName).sort();
    const keptNames = kept.map((c) => c.name).sort();
    const everyone = a.cleared.map((c) => c.name).sort();

    // The organizer: counts and the cleared roster only — the sheet lists the cleared, as `trainees` does.
    const organizer = await t.login('organizer2');
    const overview = expectData(await organizer.gql(OVERVIEW, { id: a.id })).training;
    expect(overview.clearedCount).toBe(2);
    expect(overview.trainees.map((x: { rosterEntryId: string }) => x.rosterEntryId).sort()).toEqual(kept.map((c) => c.entryId).sort());
    const session = expectData(await organizer.gql(SESSION, { id: s.id })).trainingSession;
    expect(names(session.attendance)).toEqual(keptNames);
    expect(session.attendance.every((x: { passed: boolean }) => x.passed)).toBe(true);
    expect(names(overview.sessions[0].attendance)).toEqual(keptNames);
    const excel = await sheetText(organizer, s.id);
    expect(excel).not.toContain(gone.name);
    expect(excel).not.toContain(gone.certificateNo!);
    for (const c of kept) expect(excel).toContain(c.name);
    expect(excel).toContain('应到：2人');
    expect(excel).toContain('本次科目全部合格：2人');

    // The company is the guards' employer, told each outcome: its sheet is whole. So are the police's.
    for (const username of ['sheet_co', 'baoan', 'office']) {
      const reader = username === 'baoan' ? baoan : await t.login(username);
      expect([username, names(expectData(await reader.gql(SESSION, { id: s.id })).trainingSession.attendance)]).toEqual([username, everyone]);
      expect([username, names(expectData(await reader.gql(OVERVIEW, { id: a.id })).training.sessions[0].attendance)]).toEqual([username, everyone]);
      const sheet = await sheetText(reader, s.id);
      expect([username, sheet.includes(gone.name), sheet.includes('本次科目全部合格：3人')]).toEqual([username, true, true]);
    }
  });

  it('the organizer’s 台账 (and its export) neither names nor counts a trainee whose pass was withdrawn; the police’s does (code review 11 C7)', async () => {
    const { a, s, gone, kept } = await heldSession('台账培训测试保安服务有限公司');
    // the one withdrawn later was absent
    expectData(await baoan.gql(RECORD, { s: s.id, r: [{ rosterEntryId: gone.entryId, attended: false, scores: [] }, ...kept.map((c) => passedAll(c.entryId))] }));
    await withdraw(gone.entryId);
    const TIMELINE = /* GraphQL */ `query ($id: ID!) { activityTimeline(activityId: $id) { entries { kind title detail } } }`;
    const trainingLines = async (client: TestClient) =>
      expectData(await client.gql(TIMELINE, { id: a.id })).activityTimeline.entries.filter((e: { kind: string }) => e.kind === 'TRAINING_RESULT');
    const organizer = await t.login('organizer2');
    const seen = await trainingLines(organizer);
    expect(seen.map((e: { title: string }) => e.title)).toEqual(['培训结果：2人，到课2人，本次科目全部合格2人']);
    expect(JSON.stringify(seen)).not.toContain(gone.name);
    const police = await trainingLines(baoan);
    expect(police.map((e: { title: string; detail: string }) => [e.title, e.detail])).toEqual([['培训结果：3人，到课2人，本次科目全部合格2人', `缺训：${gone.name}`]]);
  });

  it('back in vetting, a session not yet begun can be moved or cancelled (the activity keeps its sessions); results cannot be recorded, and a begun session stays as it is (review 11-C F5)', async () => {
    const companyId = await createCompanyWithGuards(t, '退回审核排课测试保安服务有限公司', 3);
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 3, cleared: 3, startsInDays: 5 });
    const at = (h: number) => new Date(Date.parse(NOW) + h * HOUR).toISOString();
    const input = (h: number, topics: string[], place = '市公安局培训中心') => ({ startsAt: at(h), place, instructor: '王教官', topics, periods: 2, isMakeup: false });
    const soon = expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(1, ['LAWS']) })).scheduleTraining;
    const later = expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(24, ['DUTY_SKILLS']) })).scheduleTraining;
    const last = expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(48, ['EMERGENCY']) })).scheduleTraining;
    t.clock.set(at(2)); // the first has begun
    await withdraw(a.cleared[0].entryId);
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [a.id]))[0].status).toBe('VETTING');

    const { startsAt: _s, isMakeup: _m, ...change } = input(30, ['DUTY_SKILLS'], '警务训练基地');
    const moved = expectData(await baoan.gql(UPDATE, { id: later.id, input: { ...change, startsAt: at(30) } })).updateTrainingSession;
    expect(moved).toMatchObject({ place: '警务训练基地', startsAt: new Date(at(30)).toISOString() });
    const cancelled = expectData(await baoan.gql(CANCEL, { id: last.id, reason: '人员复核中，另行安排' })).cancelTrainingSession;
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.attendance).toEqual([]);
    const told = await t.sql(`SELECT title FROM notifications WHERE activity_id = $1 AND unit_id = $2 ORDER BY created_at`, [a.id, companyId]);
    expect(told.map((r: { title: string }) => r.title)).toEqual(expect.arrayContaining(['培训安排变更：测试演唱会', '培训取消：测试演唱会']));

    // Still not: a session that has begun, and results while in vetting.
    expect(expectErrorCode(await baoan.gql(CANCEL, { id: soon.id, reason: '取消' }), 'CONFLICT').message).toContain('开始后不能取消');
    t.clock.set(at(4));
    expect(expectErrorCode(await baoan.gql(RECORD, { s: soon.id, r: [passedAll(a.cleared[1].entryId)] }), 'CONFLICT').message).toContain('不能再登记培训结果');
    expect((await t.sql(`SELECT count(*)::int AS n FROM training_attendance WHERE session_id = $1 AND recorded_at IS NOT NULL`, [soon.id]))[0].n).toBe(0);
    // and the company cannot do either
    const other = await createCompanyWithGuards(t, '无关保安服务有限公司', 1, { username: 'reopen_other' });
    void other;
    expectErrorCode(await (await t.login('reopen_other')).gql(CANCEL, { id: later.id, reason: '取消' }), 'FORBIDDEN');
  });
});
