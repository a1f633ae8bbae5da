import ExcelJS from 'exceljs';
import { createTestApp, expectData, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';

const SCHEDULE = /* GraphQL */ `
  mutation ($activityId: ID!, $input: ScheduleTrainingInput!) { scheduleTraining(activityId: $activityId, input: $input) { id passScore } }
`;
const SESSION_FIELDS = 'id passScore resultsRecorded attendance { rosterEntryId passed scores { topic score passed } }';
const RECORD = /* GraphQL */ `
  mutation ($sessionId: ID!, $results: [TrainingResultInput!]!) { recordTrainingResults(sessionId: $sessionId, results: $results) { ${SESSION_FIELDS} } }
`;
const SESSION = /* GraphQL */ `query ($id: ID!) { trainingSession(id: $id) { ${SESSION_FIELDS} } }`;
const OVERVIEW = /* GraphQL */ `query ($id: ID!) { training(activityId: $id) { onDutyCount sessions { id passScore } } }`;

const NOW = '2031-03-02T10:00:00+08:00';
const ALL_TOPICS = ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'];
const scored = (rosterEntryId: string, score: number) => ({
  rosterEntryId,
  attended: true,
  scores: ALL_TOPICS.map((topic) => ({ topic, score })),
});

/**
 * Review F6: a session's results are shown with the pass mark they were judged by, kept on the session
 * when they are recorded; a later change of `training.passScore` applies to sessions without results.
 */
describe('training: the pass mark stays with the results', () => {
  let t: TestApp;
  let baoan: TestClient;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    companyId = await createCompanyWithGuards(t, '培训合格分数测试保安服务有限公司', 6);
  });
  beforeEach(() => t.clock.set(NOW));
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  async function heldSession(activityId: string, extra: Record<string, unknown> = {}) {
    const startsAt = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const s = expectData(await baoan.gql(SCHEDULE, {
      activityId,
      input: { startsAt, place: '市公安局培训中心', instructor: '王教官', topics: ALL_TOPICS, periods: 2, ...extra },
    })).scheduleTraining;
    // past its end (2 × 45 min from an hour on): results are recorded once a session is over
    t.clock.advance(3 * 3600_000);
    return s;
  }

  /** The 签到表 export's facts line, as the detachment downloads it. */
  async function sheetFacts(sessionId: string): Promise<string> {
    const res = await fetch(`${t.url}/exports/training/${sessionId}.xlsx`, { headers: { cookie: `evs_session=${baoan.cookie('evs_session')}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return String(wb.worksheets[0].getCell(2, 1).value);
  }

  it('results judged at 60 still show 60 after the setting moves to 70; a later correction in that session is judged at 60 too; a new session takes 70', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 3, cleared: 3 });
    const [first, second, third] = a.cleared.map((c) => c.entryId);
    const s = await heldSession(a.id);
    expect(s.passScore).toBe(60);
    const recorded = expectData(await baoan.gql(RECORD, { sessionId: s.id, results: [scored(first, 65), scored(second, 50)] })).recordTrainingResults;
    expect(recorded.passScore).toBe(60);
    const [{ pass_score }] = await t.sql(`SELECT pass_score FROM training_sessions WHERE id = $1`, [s.id]);
    expect(pass_score).toBe(60);

    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'training.passScore', value: 70 }] }));

    // The session, the activity's overview and the exported sheet show the mark the results were judged by.
    const shown = expectData(await baoan.gql(SESSION, { id: s.id })).trainingSession;
    expect(shown.passScore).toBe(60);
    expect(shown.attendance.find((x: { rosterEntryId: string }) => x.rosterEntryId === first)).toMatchObject({ passed: true });
    expect(expectData(await baoan.gql(OVERVIEW, { id: a.id })).training.sessions).toEqual([{ id: s.id, passScore: 60 }]);
    expect(await sheetFacts(s.id)).toContain('合格分数：每科60分');

    // One session, one mark: the third trainee's result, recorded after the change, is judged at 60 as well.
    const later = expectData(await baoan.gql(RECORD, { sessionId: s.id, results: [scored(third, 65)] })).recordTrainingResults;
    expect(later.passScore).toBe(60);
    expect(later.attendance.find((x: { rosterEntryId: string }) => x.rosterEntryId === third)).toMatchObject({ passed: true });
    expect(expectData(await baoan.gql(OVERVIEW, { id: a.id })).training.onDutyCount).toBe(2);

    // A make-up session held after the change: 70 before and after its results.
    const makeup = await heldSession(a.id, { isMakeup: true, rosterEntryIds: [second] });
    expect(makeup.passScore).toBe(70);
    const makeupResults = expectData(await baoan.gql(RECORD, { sessionId: makeup.id, results: [scored(second, 65)] })).recordTrainingResults;
    expect(makeupResults).toMatchObject({ passScore: 70, attendance: [{ rosterEntryId: second, passed: false }] });
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'training.passScore', value: 60 }] }));
    expect(expectData(await baoan.gql(OVERVIEW, { id: a.id })).training.sessions).toEqual([
      { id: s.id, passScore: 60 },
      { id: makeup.id, passScore: 70 },
    ]);
  });
});
