import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from './onsite.fixtures';

const SCHEDULE = /* GraphQL */ `
  mutation ($activityId: ID!, $input: ScheduleTrainingInput!) {
    scheduleTraining(activityId: $activityId, input: $input) {
      id isMakeup topics periods resultsRecorded attendance { rosterEntryId guardName attended passed }
    }
  }
`;
const RECORD = /* GraphQL */ `
  mutation ($sessionId: ID!, $results: [TrainingResultInput!]!) {
    recordTrainingResults(sessionId: $sessionId, results: $results) {
      id resultsRecorded attendance { rosterEntryId attended passed scores { topic score } }
    }
  }
`;
const OVERVIEW = /* GraphQL */ `
  query ($id: ID!) {
    training(activityId: $id) { guardsRequired clearedCount onDutyCount trainees { rosterEntryId standing } sessions { id isMakeup } }
    onDutyRoster(activityId: $id) { rosterEntryId guardId name post }
  }
`;
const STATUS = `query ($id: ID!) { activity(id: $id) { status transitions { fromStatus toStatus comment } } }`;

const ALL_TOPICS = ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'];
const inPast = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const passedRow = (rosterEntryId: string) => ({
  rosterEntryId,
  attended: true,
  passed: true,
  scores: ALL_TOPICS.map((topic, i) => ({ topic, score: 80 + i })),
});

describe('training: scheduling, results, the on-duty roster and READY', () => {
  let t: TestApp;
  let baoan: TestClient;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    companyId = await createCompanyWithGuards(t, '培训测试保安服务有限公司', 8, { username: 'train_co' });
  });
  afterAll(() => t?.close());

  it('only 保安管理支队 schedules, only in training, and assigns every cleared guard by default', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 4, cleared: 4, failed: 1 });
    const input = { startsAt: inPast(2), place: '市公安局培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 4 };
    const company = await t.login('train_co');
    expectErrorCode(await company.gql(SCHEDULE, { activityId: a.id, input }), 'FORBIDDEN');

    const vetting = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 1, cleared: 1 });
    expectErrorCode(await baoan.gql(SCHEDULE, { activityId: vetting.id, input }), 'CONFLICT');

    const bad = await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, topics: [], periods: 0 } });
    const err = expectErrorCode(bad, 'BAD_USER_INPUT');
    expect(err.message).toMatch(/培训科目/);

    const makeupFirst = await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, isMakeup: true } });
    expect(expectErrorCode(makeupFirst, 'BAD_USER_INPUT').message).toMatch(/先安排集中培训|不能安排补训/);

    const session = expectData(await baoan.gql(SCHEDULE, { activityId: a.id, input })).scheduleTraining;
    expect(session.attendance).toHaveLength(4);
    expect(session.attendance.map((x: { rosterEntryId: string }) => x.rosterEntryId).sort()).toEqual(a.cleared.map((c) => c.entryId).sort());
    expect(session.resultsRecorded).toBe(false);

    // The company sees its training schedule.
    const seen = expectData(await company.gql(OVERVIEW, { id: a.id }));
    expect(seen.training.sessions).toHaveLength(1);
  });

  it('refuses bad results with the row and field, and stores none of them', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2 });
    const input = { startsAt: inPast(2), place: '培训中心', instructor: '王教官', topics: ['LAWS', 'EMERGENCY'], periods: 2 };
    const s = expectData(await baoan.gql(SCHEDULE, { activityId: a.id, input })).scheduleTraining;
    const [e1, e2] = a.cleared.map((c) => c.entryId);
    const result = await baoan.gql(RECORD, {
      sessionId: s.id,
      results: [
        { rosterEntryId: e1, attended: true, passed: true, scores: [{ topic: 'LAWS', score: 120 }] },
        { rosterEntryId: e2, attended: false, passed: true, scores: [] },
      ],
    });
    const err = expectErrorCode(result, 'BAD_USER_INPUT');
    const fields = err.extensions!.fields!.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['results.0.scores.0.score', 'results.0.scores', 'results.1.passed']));
    expect(err.message).toMatch(/第1行.*成绩应在0到100之间/);
    expect(err.message).toMatch(/请填写“突发情况处置”成绩/);
    expect(err.message).toMatch(/第2行.*未到课不能判定为合格/);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM training_attendance WHERE session_id = $1 AND attended IS NOT NULL`, [s.id]);
    expect(n).toBe(0);
  });

  it('an absent guard keeps the activity in training; a make-up session completes the roster and it becomes READY', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 3, cleared: 3, failed: 1 });
    const input = { startsAt: inPast(5), place: '市公安局培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 4 };
    const s = expectData(await baoan.gql(SCHEDULE, { activityId: a.id, input })).scheduleTraining;
    const [e1, e2, absent] = a.cleared.map((c) => c.entryId);
    const recorded = expectData(
      await baoan.gql(RECORD, { sessionId: s.id, results: [passedRow(e1), passedRow(e2), { rosterEntryId: absent, attended: false, passed: false, scores: [] }] }),
    ).recordTrainingResults;
    expect(recorded.resultsRecorded).toBe(true);

    let o = expectData(await baoan.gql(OVERVIEW, { id: a.id }));
    expect(o.training.onDutyCount).toBe(2);
    expect(o.onDutyRoster).toHaveLength(2);
    expect(o.training.trainees.find((x: { rosterEntryId: string }) => x.rosterEntryId === absent).standing).toBe('ABSENT');
    expect(expectData(await baoan.gql(STATUS, { id: a.id })).activity.status).toBe('TRAINING');

    // Make-up by default takes only those not yet passed.
    const makeup = expectData(
      await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, startsAt: inPast(1), isMakeup: true, periods: 2 } }),
    ).scheduleTraining;
    expect(makeup.attendance.map((x: { rosterEntryId: string }) => x.rosterEntryId)).toEqual([absent]);
    // Someone already passed cannot be put in again.
    expectErrorCode(await baoan.gql(SCHEDULE, { activityId: a.id, input: { ...input, isMakeup: true, rosterEntryIds: [e1] } }), 'BAD_USER_INPUT');

    expectData(await baoan.gql(RECORD, { sessionId: makeup.id, results: [passedRow(absent)] }));
    o = expectData(await baoan.gql(OVERVIEW, { id: a.id }));
    expect(o.training.onDutyCount).toBe(3);
    const st = expectData(await baoan.gql(STATUS, { id: a.id })).activity;
    expect(st.status).toBe('READY');
    expect(st.transitions.at(-1)).toMatchObject({ fromStatus: 'TRAINING', toStatus: 'READY' });

    // A corrected result that leaves the roster short sends it back to training.
    expectData(await baoan.gql(RECORD, { sessionId: makeup.id, results: [{ ...passedRow(absent), passed: false }] }));
    expect(expectData(await baoan.gql(STATUS, { id: a.id })).activity.status).toBe('TRAINING');
  });

  it('the duty gate: posts go only to people on the on-duty roster', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 5, cleared: 2, failed: 1 });
    const input = { startsAt: inPast(2), place: '培训中心', instructor: '王教官', topics: ['LAWS'], periods: 1 };
    const s = expectData(await baoan.gql(SCHEDULE, { activityId: a.id, input, })).scheduleTraining;
    const [trained, untrained] = a.cleared.map((c) => c.entryId);
    expectData(await baoan.gql(RECORD, {
      sessionId: s.id,
      results: [{ rosterEntryId: trained, attended: true, passed: true, scores: [{ topic: 'LAWS', score: 90 }] },
        { rosterEntryId: untrained, attended: true, passed: false, scores: [{ topic: 'LAWS', score: 40 }] }],
    }));
    const [failed] = await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [a.id]);
    const ASSIGN = `mutation ($id: ID!, $a: [PostAssignmentInput!]!) { assignPosts(activityId: $id, assignments: $a) { rosterEntryId post } }`;
    const refused = await baoan.gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: trained, post: '东门' }, { rosterEntryId: untrained, post: '西门' }, { rosterEntryId: failed.id, post: '北门' }] });
    const err = expectErrorCode(refused, 'BAD_USER_INPUT');
    expect(err.extensions!.fields!.map((f) => f.field)).toEqual(['assignments.1.rosterEntryId', 'assignments.2.rosterEntryId']);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1 AND post IS NOT NULL`, [a.id]);
    expect(n).toBe(0);
    const ok = expectData(await baoan.gql(ASSIGN, { id: a.id, a: [{ rosterEntryId: trained, post: '东门' }] })).assignPosts;
    expect(ok).toEqual([{ rosterEntryId: trained, post: '东门' }]);
  });
});
