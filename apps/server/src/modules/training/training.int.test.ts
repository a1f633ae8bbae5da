import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';

const SCHEDULE = /* GraphQL */ `
  mutation ($activityId: ID!, $input: ScheduleTrainingInput!) {
    scheduleTraining(activityId: $activityId, input: $input) {
      id isMakeup topics periods started resultsRecorded attendance { rosterEntryId guardName attended passed }
    }
  }
`;
const RECORD = /* GraphQL */ `
  mutation ($sessionId: ID!, $results: [TrainingResultInput!]!) {
    recordTrainingResults(sessionId: $sessionId, results: $results) {
      id resultsRecorded passScore attendance { rosterEntryId attended passed passedTopics scores { topic score passed } }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateTrainingSessionInput!) { updateTrainingSession(id: $id, input: $input) { id startsAt place topics updatedAt } }
`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelTrainingSession(id: $id, reason: $reason) { id cancelledAt cancelReason attendance { rosterEntryId } } }`;
const OVERVIEW = /* GraphQL */ `
  query ($id: ID!) {
    training(activityId: $id) {
      guardsRequired clearedCount onDutyCount
      trainees { rosterEntryId standing passedTopics missingTopics }
      sessions { id isMakeup cancelledAt }
    }
    onDutyRoster(activityId: $id) { rosterEntryId guardId name post area }
  }
`;
const STATUS = `query ($id: ID!) { activity(id: $id) { status transitions { fromStatus toStatus comment } } }`;
const ASSIGN = `mutation ($id: ID!, $a: [PostAssignmentInput!]!) { assignPosts(activityId: $id, assignments: $a) { rosterEntryId post area } }`;

const ALL_TOPICS = ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'];
/** Today in the tests: a fixed instant, so sessions and results sit on a known calendar. */
const NOW = '2031-03-02T10:00:00+08:00';
const at = (hours: number) => new Date(Date.parse(NOW) + hours * 3600_000).toISOString();
const scored = (rosterEntryId: string, scores: Record<string, number>) => ({
  rosterEntryId,
  attended: true,
  scores: Object.entries(scores).map(([topic, score]) => ({ topic, score })),
});
const passedAll = (rosterEntryId: string) => scored(rosterEntryId, { LAWS: 80, DUTY_SKILLS: 81, EMERGENCY: 82 });

describe('training: the calendar, three subjects, the on-duty roster and READY', () => {
  let t: TestApp;
  let baoan: TestClient;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    companyId = await createCompanyWithGuards(t, '培训测试保安服务有限公司', 30, { username: 'train_co' });
  });
  beforeEach(() => t.clock.set(NOW));
  // Every test books the same company's guards at the same hour (the clock starts again at NOW): a
  // session a previous test left would hold them, results in or not (nobody is in two places at once,
  // across activities too). Each test's sessions are its own: once it is over they are set aside.
  afterEach(() => t.sql(`UPDATE training_sessions SET cancelled_at = now() WHERE cancelled_at IS NULL`));
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  /** Schedules a session (2 学时) an hour from the clock's now, then moves the clock past its end. */
  async function heldSession(activityId: string, topics = ALL_TOPICS, extra: Record<string, unknown> = {}) {
    const startsAt = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const s = expectData(await baoan.gql(SCHEDULE, {
      activityId,
      input: { startsAt, place: '市公安局培训中心', instructor: '王教官', topics, periods: 2, ...extra },
    })).scheduleTraining;
    t.clock.advance(3 * 3600_000);
    return s;
  }

  it('only 保安管理支队 schedules, only in training, and assigns every cleared guard by default', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 4, cleared: 4, failed: 1 });
    const input = { startsAt: at(1), place: '市公安局培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 4 };
    const company = await t.login('train_co');
    expectErrorCode(await company.gql(SCHEDULE, { activityId: a.id, input }), 'FORBIDDEN');

    const vetting = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 1, cleared: 1 });
    expectErrorCode(await baoan.gql(SCHEDULE, { activityId: vetting.id, input }), 'CONFLICT');

    const bad = await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, topics: [], periods: 0 } });
    expect(expectErrorCode(bad, 'BAD_USER_INPUT').extensions!.fields!.map((f) => f.field)).toEqual(expect.arrayContaining(['topics', 'periods']));

    const makeupFirst = await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, isMakeup: true } });
    expect(expectErrorCode(makeupFirst, 'BAD_USER_INPUT').message).toMatch(/先安排集中培训|不能安排补训/);

    const session = expectData(await baoan.gql(SCHEDULE, { activityId: a.id, input })).scheduleTraining;
    expect(session.attendance.map((x: { rosterEntryId: string }) => x.rosterEntryId).sort()).toEqual(a.cleared.map((c) => c.entryId).sort());
    expect(session).toMatchObject({ started: false, resultsRecorded: false });
    expect(expectData(await company.gql(OVERVIEW, { id: a.id })).training.sessions).toHaveLength(1);
  });

  it('sessions lie between the 批示 and the event, never in the past: the refusal names the window', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 1, cleared: 1, startsInDays: 3 });
    const input = { place: '培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 2 };
    const past = expectErrorCode(await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, startsAt: at(-3) } }), 'BAD_USER_INPUT');
    expect(past.extensions!.fields).toEqual([{ field: 'startsAt', message: '培训时间应在2031-03-02 09:50至活动开始（2031-03-05 10:00）之间' }]);
    const afterEvent = expectErrorCode(await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, startsAt: at(80) } }), 'BAD_USER_INPUT');
    expect(afterEvent.message).toContain('至活动开始（2031-03-05 10:00）之间');
    // Beginning before the event is not enough: the whole session lies before it (2 × 45 min from 09:00 ends 10:30).
    const overlapping = expectErrorCode(await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, startsAt: at(71) } }), 'BAD_USER_INPUT');
    expect(overlapping.extensions!.fields).toEqual([{ field: 'periods', message: '本次培训2学时，至2031-03-05 10:30结束，晚于活动开始（2031-03-05 10:00）：请提前开始或减少学时' }]);
    // Once the event has begun there is no window at all.
    t.clock.set(at(73));
    expect(expectErrorCode(await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, startsAt: at(74) } }), 'CONFLICT').message)
      .toBe('活动已于2031-03-05 10:00开始，不能再安排培训');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [a.id]);
    expect(n).toBe(0);
  });

  it('results only once the session has begun; the refusal says from when', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 1, cleared: 1 });
    const s = expectData(await baoan.gql(SCHEDULE, {
      activityId: a.id,
      input: { startsAt: at(26), place: '培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 2 },
    })).scheduleTraining;
    const early = expectErrorCode(await baoan.gql(RECORD, { sessionId: s.id, results: [passedAll(a.cleared[0].entryId)] }), 'CONFLICT');
    expect(early.message).toBe('培训尚未开始，可于2031-03-03 12:00起登记签到与考核结果');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM training_attendance WHERE session_id = $1 AND attended IS NOT NULL`, [s.id]);
    expect(n).toBe(0);
    t.clock.set(at(26));
    expect(expectData(await baoan.gql(RECORD, { sessionId: s.id, results: [passedAll(a.cleared[0].entryId)] })).recordTrainingResults.resultsRecorded).toBe(true);
  });

  it('the demo data keeps the rule too: every result it holds was recorded after its session began, and none lies ahead', async () => {
    const rows: { early: number; ahead: number; total: number }[] = await t.sql(
      `SELECT count(*) FILTER (WHERE ta.recorded_at < ts.starts_at)::int AS early,
              count(*) FILTER (WHERE ta.recorded_at > now())::int AS ahead, count(*)::int AS total
         FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
         JOIN activities a ON a.id = ts.activity_id
        WHERE ta.recorded_at IS NOT NULL AND a.code NOT LIKE 'T-%'`,
    );
    expect(rows[0].total).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ early: 0, ahead: 0 });
  });

  it('a session is changed or cancelled (with a reason) only before it starts; the company is told', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2 });
    const s = expectData(await baoan.gql(SCHEDULE, {
      activityId: a.id,
      input: { startsAt: at(24), place: '培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 2 },
    })).scheduleTraining;
    const change = { startsAt: at(30), place: '警务训练基地', instructor: '李教官', topics: ['LAWS'], periods: 1 };
    const updated = expectData(await baoan.gql(UPDATE, { id: s.id, input: change })).updateTrainingSession;
    expect(updated).toMatchObject({ place: '警务训练基地', topics: ['LAWS'], startsAt: new Date(at(30)).toISOString() });
    expect(expectErrorCode(await baoan.gql(UPDATE, { id: s.id, input: { ...change, startsAt: at(-1) } }), 'BAD_USER_INPUT').extensions!.fields![0].field).toBe('startsAt');
    expectErrorCode(await (await t.login('train_co')).gql(CANCEL, { id: s.id, reason: '场地冲突' }), 'FORBIDDEN');
    expectErrorCode(await baoan.gql(CANCEL, { id: s.id, reason: '  ' }), 'BAD_USER_INPUT');
    const notices = await t.sql(`SELECT title FROM notifications WHERE activity_id = $1 AND unit_id = $2 ORDER BY created_at`, [a.id, companyId]);
    expect(notices.map((r: { title: string }) => r.title)).toContain(`培训安排变更：测试演唱会`);

    // Once it has begun: neither.
    t.clock.set(at(30));
    expect(expectErrorCode(await baoan.gql(UPDATE, { id: s.id, input: { ...change, startsAt: at(40) } }), 'CONFLICT').message).toBe('培训已于2031-03-03 16:00开始，开始后不能修改');
    expectErrorCode(await baoan.gql(CANCEL, { id: s.id, reason: '场地冲突' }), 'CONFLICT');

    // Another, cancelled before it starts: its participants are released and can be scheduled again.
    const s2 = expectData(await baoan.gql(SCHEDULE, {
      activityId: a.id,
      input: { startsAt: at(40), place: '培训中心', instructor: '王教官', topics: ['DUTY_SKILLS', 'EMERGENCY'], periods: 2 },
    })).scheduleTraining;
    const cancelled = expectData(await baoan.gql(CANCEL, { id: s2.id, reason: '授课人临时有任务' })).cancelTrainingSession;
    expect(cancelled).toMatchObject({ cancelReason: '授课人临时有任务', attendance: [] });
    expectErrorCode(await baoan.gql(CANCEL, { id: s2.id, reason: '再取消' }), 'CONFLICT');
    expectErrorCode(await baoan.gql(RECORD, { sessionId: s2.id, results: [passedAll(a.cleared[0].entryId)] }), 'CONFLICT');
    const tl = expectData(await baoan.gql(`query ($id: ID!) { activityTimeline(activityId: $id) { entries { title detail } } }`, { id: a.id })).activityTimeline;
    expect(tl.entries).toEqual(expect.arrayContaining([expect.objectContaining({ title: expect.stringContaining('取消岗前培训'), detail: '授课人临时有任务' })]));
  });

  it('refuses a session time with seconds (the timetable runs to the minute; it is not cut) and a score with more than one decimal, naming the field; nothing stored (review 5 C-12)', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 5 });
    const before = (await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [a.id]))[0].n;
    const refused = expectErrorCode(await baoan.gql(SCHEDULE, {
      activityId: a.id,
      input: { startsAt: new Date(Date.parse(at(1)) + 59_999).toISOString(), place: '市公安局培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 2 },
    }), 'BAD_USER_INPUT');
    expect(refused.extensions!.fields).toEqual([{ field: 'startsAt', message: '培训时间精确到分钟，不含秒' }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [a.id]))[0].n).toBe(before);
    const s = await heldSession(a.id);
    const [entry] = a.cleared;
    const bad = expectErrorCode(await baoan.gql(RECORD, { sessionId: s.id, results: [scored(entry.entryId, { LAWS: 59.99999999, DUTY_SKILLS: 80, EMERGENCY: 1e-300 })] }), 'BAD_USER_INPUT');
    expect(bad.extensions!.fields!.map((f) => f.message)).toEqual([expect.stringContaining('成绩最多保留一位小数'), expect.stringContaining('成绩最多保留一位小数')]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM training_attendance WHERE session_id = $1 AND recorded_at IS NOT NULL`, [s.id]))[0].n).toBe(0);
    // a tenth is a mark
    expectData(await baoan.gql(RECORD, { sessionId: s.id, results: [scored(entry.entryId, { LAWS: 60.5, DUTY_SKILLS: 80.1, EMERGENCY: 1.1 })] }));
  });

  it('refuses bad results with the row and field (scores outside 0–100 are refused, never clamped), and stores none of them', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2 });
    const s = await heldSession(a.id, ['LAWS', 'EMERGENCY']);
    const [e1, e2] = a.cleared.map((c) => c.entryId);
    const result = await baoan.gql(RECORD, {
      sessionId: s.id,
      results: [scored(e1, { LAWS: 120 }), { rosterEntryId: e2, attended: false, scores: [{ topic: 'LAWS', score: -5 }] }],
    });
    const err = expectErrorCode(result, 'BAD_USER_INPUT');
    const fields = err.extensions!.fields!.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['results.0.scores.0.score', 'results.0.scores', 'results.1.scores.0.score', 'results.1.scores']));
    expect(err.message).toMatch(/第1行.*“法律法规”成绩应在0到100之间/);
    expect(err.message).toMatch(/请填写“突发情况处置”成绩/);
    expect(err.message).toMatch(/第2行.*未到课不应填写成绩/);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM training_attendance WHERE session_id = $1 AND attended IS NOT NULL`, [s.id]);
    expect(n).toBe(0);
  });

  it('three subjects: on duty only after passing 法律法规, 基本勤务技能 and 突发情况处置, in one session or several', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 3, cleared: 3 });
    const [one, split, failing] = a.cleared.map((c) => c.entryId);
    // Session 1: 法律法规 only. Nobody is on duty after it.
    const s1 = await heldSession(a.id, ['LAWS']);
    const r1 = expectData(await baoan.gql(RECORD, {
      sessionId: s1.id,
      results: [scored(one, { LAWS: 90 }), scored(split, { LAWS: 75 }), scored(failing, { LAWS: 59 })],
    })).recordTrainingResults;
    expect(r1.passScore).toBe(60);
    expect(r1.attendance.find((x: { rosterEntryId: string }) => x.rosterEntryId === failing).scores).toEqual([{ topic: 'LAWS', score: 59, passed: false }]);
    let o = expectData(await baoan.gql(OVERVIEW, { id: a.id }));
    expect(o.training.onDutyCount).toBe(0);
    expect(o.onDutyRoster).toEqual([]);
    const standing = (id: string) => o.training.trainees.find((x: { rosterEntryId: string }) => x.rosterEntryId === id);
    expect(standing(one)).toMatchObject({ standing: 'PARTIAL', passedTopics: ['LAWS'], missingTopics: ['DUTY_SKILLS', 'EMERGENCY'] });
    expect(standing(failing)).toMatchObject({ standing: 'FAILED', passedTopics: [] });

    // Session 2: the two other subjects. By default it takes everyone still missing one of them.
    const s2 = await heldSession(a.id, ['DUTY_SKILLS', 'EMERGENCY']);
    expect(s2.attendance.map((x: { rosterEntryId: string }) => x.rosterEntryId).sort()).toEqual([one, split, failing].sort());
    expectData(await baoan.gql(RECORD, {
      sessionId: s2.id,
      results: [scored(one, { DUTY_SKILLS: 88, EMERGENCY: 70 }), scored(split, { DUTY_SKILLS: 61, EMERGENCY: 40 }), scored(failing, { DUTY_SKILLS: 90, EMERGENCY: 90 })],
    }));
    o = expectData(await baoan.gql(OVERVIEW, { id: a.id }));
    expect(o.onDutyRoster.map((x: { rosterEntryId: string }) => x.rosterEntryId)).toEqual([one]);
    expect(standing(split)).toMatchObject({ standing: 'FAILED', passedTopics: ['LAWS', 'DUTY_SKILLS'], missingTopics: ['EMERGENCY'] });
    expect(standing(failing)).toMatchObject({ standing: 'PARTIAL', missingTopics: ['LAWS'] });
    expect(expectData(await baoan.gql(STATUS, { id: a.id })).activity.status).toBe('TRAINING');

    // Make-ups for exactly what each lacks: the activity becomes READY when all three are on duty.
    const makeup = await heldSession(a.id, ['LAWS', 'EMERGENCY'], { isMakeup: true });
    expect(makeup.attendance.map((x: { rosterEntryId: string }) => x.rosterEntryId).sort()).toEqual([split, failing].sort());
    expectErrorCode(await baoan.gql(SCHEDULE, {
      activityId: a.id,
      input: { startsAt: at(24), place: '培训中心', instructor: '王教官', topics: ['LAWS'], periods: 1, isMakeup: true, rosterEntryIds: [one] },
    }), 'BAD_USER_INPUT');
    expectData(await baoan.gql(RECORD, { sessionId: makeup.id, results: [scored(split, { LAWS: 70, EMERGENCY: 66 }), scored(failing, { LAWS: 60, EMERGENCY: 95 })] }));
    o = expectData(await baoan.gql(OVERVIEW, { id: a.id }));
    expect(o.training.onDutyCount).toBe(3);
    const st = expectData(await baoan.gql(STATUS, { id: a.id })).activity;
    expect(st.status).toBe('READY');
    expect(st.transitions.at(-1)).toMatchObject({ fromStatus: 'TRAINING', toStatus: 'READY' });

    // The roster summary kept by triggers (migration Calendar) agrees with a direct count of the gate.
    const [{ band }] = await t.sql(`SELECT COALESCE(sum(count) FILTER (WHERE band IS NOT NULL), 0)::int AS band FROM activity_roster_stats WHERE activity_id = $1`, [a.id]);
    expect(band).toBe(3);

    // A corrected result that leaves the roster short sends it back to training.
    expectData(await baoan.gql(RECORD, { sessionId: makeup.id, results: [scored(failing, { LAWS: 50, EMERGENCY: 95 })] }));
    expect(expectData(await baoan.gql(STATUS, { id: a.id })).activity.status).toBe('TRAINING');
    const [{ band: after }] = await t.sql(`SELECT COALESCE(sum(count) FILTER (WHERE band IS NOT NULL), 0)::int AS band FROM activity_roster_stats WHERE activity_id = $1`, [a.id]);
    expect(after).toBe(2);
  });

  it('the duty gate and posts: the company assigns post and area to people on the on-duty roster only', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 5, cleared: 2, failed: 1 });
    const s = await heldSession(a.id, ALL_TOPICS);
    const [trained, untrained] = a.cleared.map((c) => c.entryId);
    expectData(await baoan.gql(RECORD, { sessionId: s.id, results: [passedAll(trained), scored(untrained, { LAWS: 90, DUTY_SKILLS: 90, EMERGENCY: 30 })] }));
    const [failed] = await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [a.id]);
    // Not the detachment, not another company: the selected company.
    expectErrorCode(await baoan.gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: trained, post: '东门', area: '东门外广场' }] }), 'FORBIDDEN');
    const other = await createCompanyWithGuards(t, '其他保安服务有限公司', 1, { username: 'other_co' });
    void other;
    expectErrorCode(await (await t.login('other_co')).gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: trained, post: '东门' }] }), 'NOT_FOUND');
    const company = await t.login('train_co');
    const refused = await company.gql(ASSIGN, {
      id: a.id,
      a: [{ rosterEntryId: trained, post: '东门', area: '东门外广场' }, { rosterEntryId: untrained, post: '西门' }, { rosterEntryId: failed.id, post: '北门' }],
    });
    const err = expectErrorCode(refused, 'BAD_USER_INPUT');
    expect(err.extensions!.fields!.map((f) => f.field)).toEqual(['assignments.1.rosterEntryId', 'assignments.2.rosterEntryId']);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1 AND post IS NOT NULL`, [a.id]);
    expect(n).toBe(0);
    expect(expectErrorCode(await company.gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: trained, area: '东门外广场' }] }), 'BAD_USER_INPUT').extensions!.fields![0].field).toBe('assignments.0.post');
    const ok = expectData(await company.gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: trained, post: '东门', area: '东门外广场' }] })).assignPosts;
    expect(ok).toEqual([{ rosterEntryId: trained, post: '东门', area: '东门外广场' }]);
  });

  it('for a self-recruited activity the event detachment assigns posts; the company and a district bureau are refused', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 1, cleared: 1, securityMode: 'SELF_RECRUITED' });
    const s = await heldSession(a.id, ALL_TOPICS);
    const [entry] = a.cleared.map((c) => c.entryId);
    expectData(await baoan.gql(RECORD, { sessionId: s.id, results: [passedAll(entry)] }));
    expectErrorCode(await (await t.login('train_co')).gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: entry, post: '入口' }] }), 'FORBIDDEN');
    expectErrorCode(await (await t.login('xinglongtai')).gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: entry, post: '入口' }] }), 'FORBIDDEN');
    const ok = expectData(await (await t.login('dahuo')).gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: entry, post: '入口', area: '一号门' }] })).assignPosts;
    expect(ok).toEqual([{ rosterEntryId: entry, post: '入口', area: '一号门' }]);
  });

  it('a change of results made on a stale copy is a CONFLICT, however many are sent at once; the same results again are no change', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 1, cleared: 1, startsInDays: 5 });
    const s = await heldSession(a.id);
    const entry = a.cleared[0].entryId;
    const RECORD_V = `mutation ($s: ID!, $r: [TrainingResultInput!]!, $v: Int) { recordTrainingResults(sessionId: $s, results: $r, expectedResultsVersion: $v) { id resultsVersion } }`;
    const first = expectData(await baoan.gql(RECORD_V, { s: s.id, r: [passedAll(entry)], v: 0 })).recordTrainingResults;
    expect(first.resultsVersion).toBe(1);
    // sent again as it is (a double click, with the version it was sent with): no change, no conflict
    expect(expectData(await baoan.gql(RECORD_V, { s: s.id, r: [passedAll(entry)], v: 0 })).recordTrainingResults.resultsVersion).toBe(1);
    // a different result on the copy of version 0: refused, nothing changed
    const stale = expectErrorCode(await baoan.gql(RECORD_V, { s: s.id, r: [scored(entry, { LAWS: 50, DUTY_SKILLS: 50, EMERGENCY: 50 })], v: 0 }), 'CONFLICT');
    expect(stale.message).toContain('培训结果已被他人修改');
    const [{ passed }] = await t.sql(`SELECT passed FROM training_attendance WHERE session_id = $1`, [s.id]);
    expect(passed).toBe(true);

    // 10 officers at once, each with another result and the version they saw: one wins
    const transitionsBefore = (await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1`, [a.id]))[0].n;
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) => baoan.gql(RECORD_V, { s: s.id, r: [scored(entry, { LAWS: 40 + i, DUTY_SKILLS: 90, EMERGENCY: 90 })], v: 1 })),
    );
    expect(sent.filter((r) => !r.errors).length).toBe(1);
    expect(sent.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(9);
    const transitions = (await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1`, [a.id]))[0].n;
    expect(transitions - transitionsBefore).toBeLessThanOrEqual(1);
  });
  it('a change of the arrangement made on a stale copy is a CONFLICT, however many are sent at once; the same change again is no change, told once', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 1, cleared: 1, startsInDays: 5 });
    const s = expectData(await baoan.gql(SCHEDULE, {
      activityId: a.id,
      input: { startsAt: at(24), place: '培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 2 },
    })).scheduleTraining;
    const UPDATE_V = `mutation ($id: ID!, $input: UpdateTrainingSessionInput!, $v: Int) { updateTrainingSession(id: $id, input: $input, expectedVersion: $v) { id version place } }`;
    const read = async () => (await t.sql(`SELECT version, place, starts_at FROM training_sessions WHERE id = $1`, [s.id]))[0];
    const told = async () => (await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '培训安排变更%'`, [a.id, companyId]))[0].n;
    const audited = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [s.id]))[0].n;
    expect((await read()).version).toBe(1);

    const change = { startsAt: at(26), place: '警务训练基地', instructor: '王教官', topics: ALL_TOPICS, periods: 2 };
    expect(expectData(await baoan.gql(UPDATE_V, { id: s.id, input: change, v: 1 })).updateTrainingSession).toMatchObject({ version: 2, place: '警务训练基地' });
    // sent again as it is, with the version it was sent with (a double click): no change, nobody told twice
    expect(expectData(await baoan.gql(UPDATE_V, { id: s.id, input: { ...change, topics: [...ALL_TOPICS].reverse() }, v: 1 })).updateTrainingSession.version).toBe(2);
    expect(await told()).toBe(1);
    expect(await audited()).toBe(1);

    // another change on the copy of version 1: refused, nothing changed
    const stale = expectErrorCode(await baoan.gql(UPDATE_V, { id: s.id, input: { ...change, place: '体育馆' }, v: 1 }), 'CONFLICT');
    expect(stale.message).toBe('培训安排已被他人修改（现为第2版，您看到的是第1版），请刷新后核对再修改');
    expect(await read()).toMatchObject({ version: 2, place: '警务训练基地' });

    // 10 officers at once, each moving it elsewhere on the version they saw: one wins, one notice, one audit entry
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) => baoan.gql(UPDATE_V, { id: s.id, input: { ...change, place: `第${i + 1}会议室` }, v: 2 })),
    );
    expect(sent.filter((r) => !r.errors).length).toBe(1);
    expect(sent.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(9);
    const after = await read();
    expect(after.version).toBe(3);
    expect(sent.find((r) => !r.errors)!.data!.updateTrainingSession.place).toBe(after.place);
    expect(await told()).toBe(2);
    expect(await audited()).toBe(2);
  });
});
