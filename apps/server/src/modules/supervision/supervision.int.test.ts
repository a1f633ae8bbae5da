import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { activityInput, CREATE_ACTIVITY, unitIdOf } from '../../../test/activity-fixtures';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';
import { DeadlineStage } from '../deadlines/deadlines.types';

const OVERDUE = /* GraphQL */ `{ overdueByUnit { unitId unitName items { activityId stage dueOn daysOverdue unitName reminderLevel openNoticeId } } }`;
const ISSUE = /* GraphQL */ `
  mutation ($input: SupervisionNoticeInput!) { issueSupervisionNotice(input: $input) { id stage unitName dueOn text mine answer outcome } }
`;
const ANSWER = /* GraphQL */ `mutation ($id: ID!, $answer: String!) { answerSupervisionNotice(id: $id, answer: $answer) { id answer answeredByName } }`;
const CLOSE = /* GraphQL */ `mutation ($id: ID!, $outcome: String!) { closeSupervisionNotice(id: $id, outcome: $outcome) { id outcome closedAt } }`;
const NOTICES = /* GraphQL */ `query ($filter: SupervisionNoticeFilter) { supervisionNotices(filter: $filter) { total items { id activityId unitName mine answer dueOn answerLate } } }`;
const TIMELINE = /* GraphQL */ `query ($id: ID!) { activityTimeline(activityId: $id) { entries { kind title detail actorName } } }`;
const HOME = /* GraphQL */ `{ myHome { noticesToAnswer overdue { unitId items { activityId } } activities { id district } counts { key value } } }`;

/** The tests' calendar. */
const NOW = '2031-05-10T10:00:00+08:00';

describe('督办: reminders, notices, the leader group in its units', () => {
  let t: TestApp;
  let office: TestClient;
  let baoan: TestClient;
  let companyId: string;
  let baoanUnit: string;
  let officeUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    office = await t.login('office');
    baoan = await t.login('baoan');
    companyId = await createCompanyWithGuards(t, '督办测试保安服务有限公司', 4, { username: 'super_co' });
    baoanUnit = await unitIdOf(t, 'baoan');
    officeUnit = await unitIdOf(t, 'office');
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  /** An approved activity (a service company to be recommended) starting `days` after the clock's now. */
  const approved = async (name: string, days: number) => {
    const a = await createActivityWithRoster(t, { name, status: 'APPROVED', companyId, guardsRequired: 2, cleared: 0, startsInDays: days });
    await t.sql(`UPDATE activities SET selected_company_id = NULL, recommended_at = NULL, selected_at = NULL, roster_submitted_at = NULL, vetting_closed_at = NULL WHERE id = $1`, [a.id]);
    return a.id;
  };
  const remindersOf = (id: string) => t.sql(`SELECT level, unit_id FROM supervision_reminders WHERE activity_id = $1 ORDER BY level`, [id]);

  it('a passed deadline reminds the responsible unit once, then the office: several nodes running the job at once send each reminder once', async () => {
    // Recommendation due 15 days before the start: starting in 14 days, it is one day overdue.
    const id = await approved('督办提醒测试活动', 14);
    const sent = await Promise.all([1, 2, 3, 4, 5].map(() => t.services.supervision.runReminders()));
    expect(sent.some((n) => n > 0)).toBe(true);
    expect(await remindersOf(id)).toEqual([{ level: 1, unit_id: baoanUnit }]);
    const toDetachment = await t.sql(`SELECT title, body FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '逾期提醒%'`, [id, baoanUnit]);
    expect(toDetachment).toHaveLength(1);
    expect(toDetachment[0].body).toContain('推荐候选（推荐不少于3家候选公司）应于2031-05-09前完成，已逾期');
    expect(await t.sql(`SELECT 1 FROM notifications WHERE activity_id = $1 AND unit_id = $2`, [id, officeUnit])).toEqual([]);

    // A day later (supervision.escalateDays = 1) the office is reminded too — once.
    t.clock.set('2031-05-11T10:00:00+08:00');
    await Promise.all([t.services.supervision.runReminders(), t.services.supervision.runReminders()]);
    await t.services.supervision.runReminders();
    expect(await remindersOf(id)).toEqual([{ level: 1, unit_id: baoanUnit }, { level: 2, unit_id: officeUnit }]);
    const toOffice = await t.sql(`SELECT title FROM notifications WHERE activity_id = $1 AND unit_id = $2`, [id, officeUnit]);
    expect(toOffice).toEqual([{ title: '逾期未办：督办提醒测试活动（市公安局保安管理支队）' }]);
    // The reminders are in the 台账.
    const tl = expectData(await office.gql(TIMELINE, { id })).activityTimeline.entries.filter((e: { kind: string }) => e.kind === 'SUPERVISION');
    expect(tl.map((e: { title: string }) => e.title)).toEqual(['逾期提醒：推荐候选', '逾期提醒办公室：推荐候选']);
    t.clock.set(NOW);
  });

  it('lists overdue items by responsible unit: the office sees every unit, a unit its own only', async () => {
    const id = await approved('督办列表测试活动', 12);
    const all = expectData(await office.gql(OVERDUE)).overdueByUnit;
    const detachment = all.find((u: { unitId: string }) => u.unitId === baoanUnit);
    expect(detachment.unitName).toBe('市公安局保安管理支队');
    expect(detachment.items.find((i: { activityId: string }) => i.activityId === id)).toMatchObject({ stage: 'CANDIDATES', dueOn: '2031-05-07', daysOverdue: 3 });
    expect(all.length).toBeGreaterThan(0);
    const own = expectData(await baoan.gql(OVERDUE)).overdueByUnit;
    expect(own.map((u: { unitId: string }) => u.unitId)).toEqual([baoanUnit]);
    const company = expectData(await (await t.login('super_co')).gql(OVERDUE)).overdueByUnit;
    expect(company.every((u: { unitId: string }) => u.unitId === companyId)).toBe(true);
    const home = expectData(await office.gql(HOME)).myHome;
    expect(home.overdue.find((u: { unitId: string }) => u.unitId === baoanUnit).items.map((i: { activityId: string }) => i.activityId)).toContain(id);
    // The administrator owes no stage and sees none.
    expectErrorCode(await (await t.login('admin')).gql(OVERDUE), 'FORBIDDEN');
  });

  it('督办通知: only the office issues it, for the stage the activity waits on, answered by a date not in the past nor more than 30 days away', async () => {
    const id = await approved('督办通知测试活动', 13);
    const input = { activityId: id, stage: 'CANDIDATES', text: '推荐候选已逾期，请于期限内完成并说明原因', dueOn: '2031-05-12' };
    for (const who of ['baoan', 'leader', 'dawa', 'super_co']) {
      expectErrorCode(await (await t.login(who)).gql(ISSUE, { input }), 'FORBIDDEN');
    }
    const past = expectErrorCode(await office.gql(ISSUE, { input: { ...input, dueOn: '2031-05-09' } }), 'BAD_USER_INPUT');
    expect(past.extensions!.fields).toEqual([{ field: 'dueOn', message: '答复期限不能早于今天（2031-05-10）' }]);
    const never = expectErrorCode(await office.gql(ISSUE, { input: { ...input, dueOn: '9999-12-31' } }), 'BAD_USER_INPUT');
    expect(never.extensions!.fields).toEqual([{ field: 'dueOn', message: '答复期限不能晚于2031-06-09（30天内）' }]);
    const wrongStage = expectErrorCode(await office.gql(ISSUE, { input: { ...input, stage: 'TRAINING' } }), 'CONFLICT');
    expect(wrongStage.message).toBe('活动当前等待“推荐候选”，只能督办当前阶段');
    // A double click: one notice, the other CONFLICT.
    const twice = await Promise.all([office.gql(ISSUE, { input }), office.gql(ISSUE, { input })]);
    expect(twice.filter((r) => !r.errors)).toHaveLength(1);
    expect(twice.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const notice = twice.find((r) => !r.errors)!.data!.issueSupervisionNotice;
    expect(notice).toMatchObject({ stage: 'CANDIDATES', unitName: '市公安局保安管理支队', mine: false, answer: null, dueOn: '2031-05-12' });
    const told = await t.sql(`SELECT body FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '督办通知%'`, [id, baoanUnit]);
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('请于2031-05-12前答复');
  });

  it('the responsible unit answers (others cannot); the office records the outcome; both are in the 台账', async () => {
    const id = await approved('督办答复测试活动', 13);
    const notice = expectData(await office.gql(ISSUE, { input: { activityId: id, stage: 'CANDIDATES', text: '请尽快推荐', dueOn: '2031-05-11' } })).issueSupervisionNotice;
    // Units other than the responsible one do not see it; the office may not answer for the unit.
    expectErrorCode(await (await t.login('dawa')).gql(ANSWER, { id: notice.id, answer: '已办' }), 'NOT_FOUND');
    expectErrorCode(await (await t.login('super_co')).gql(ANSWER, { id: notice.id, answer: '已办' }), 'NOT_FOUND');
    expectErrorCode(await office.gql(ANSWER, { id: notice.id, answer: '已办' }), 'FORBIDDEN');
    expect(expectData(await (await t.login('dawa')).gql(NOTICES, { filter: { activityId: id } })).supervisionNotices.total).toBe(0);
    const mine = expectData(await baoan.gql(NOTICES, { filter: { open: true } })).supervisionNotices.items.find((n: { id: string }) => n.id === notice.id);
    expect(mine).toMatchObject({ mine: true, dueOn: '2031-05-11', answerLate: false });
    // Unanswered after its date: late, in the office's list as in the unit's.
    t.clock.set('2031-05-12T09:00:00+08:00');
    const late = expectData(await office.gql(NOTICES, { filter: { activityId: id } })).supervisionNotices.items[0];
    expect(late).toMatchObject({ id: notice.id, dueOn: '2031-05-11', answerLate: true });
    t.clock.set(NOW);
    expect(expectData(await baoan.gql(HOME)).myHome.noticesToAnswer).toBeGreaterThanOrEqual(1);

    expectErrorCode(await baoan.gql(ANSWER, { id: notice.id, answer: '  ' }), 'BAD_USER_INPUT');
    const answered = expectData(await baoan.gql(ANSWER, { id: notice.id, answer: '候选公司将于明日推荐，逾期因规模研判需复核' })).answerSupervisionNotice;
    expect(answered.answeredByName).toBe('刘宝军（市公安局保安管理支队）');
    expectErrorCode(await baoan.gql(ANSWER, { id: notice.id, answer: '再答' }), 'CONFLICT');
    expect(await t.sql(`SELECT 1 FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '督办答复%'`, [id, officeUnit])).toHaveLength(1);

    expectErrorCode(await baoan.gql(CLOSE, { id: notice.id, outcome: '办结' }), 'FORBIDDEN');
    expect(expectData(await office.gql(CLOSE, { id: notice.id, outcome: '已推荐候选，办结' })).closeSupervisionNotice.outcome).toBe('已推荐候选，办结');
    expectErrorCode(await office.gql(CLOSE, { id: notice.id, outcome: '再办结' }), 'CONFLICT');

    const tl = expectData(await office.gql(TIMELINE, { id })).activityTimeline.entries.filter((e: { kind: string }) => e.kind === 'SUPERVISION');
    expect(tl.map((e: { title: string; detail: string }) => [e.title, e.detail])).toEqual([
      ['督办通知：推荐候选（市公安局保安管理支队）', '请尽快推荐（限2031-05-11前答复）'],
      ['督办答复：推荐候选', '候选公司将于明日推荐，逾期因规模研判需复核'],
      ['督办办结：推荐候选', '已推荐候选，办结'],
    ]);
    // A new notice on the same stage is possible once the last one is closed.
    expectData(await office.gql(ISSUE, { input: { activityId: id, stage: 'CANDIDATES', text: '再次督办', dueOn: '2031-05-12' } }));
    const audit = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'SupervisionNotice'`);
    expect(audit[0].n).toBeGreaterThanOrEqual(4);
  });

  it('refuses 督办内容, 答复 and 办结情况 that begin as a spreadsheet formula (also full-width, after a tab or line break), naming the field; nothing stored, notified or audited (red team K2)', async () => {
    const id = await approved('督办公式测试活动', 13);
    const formulas: [string, string][] = [
      ['=HYPERLINK("http://evil","点我")', '='],
      ["=cmd|' /C calc'!A0", '='],
      ['＝1+1', '＝'],
      ["\t=cmd|' /C calc'!A0", '='],
      ['\r\n@SUM(1,2)', '@'],
      ['＠SUM(1,2)', '＠'],
      ["-2+3+cmd|' /C calc'!A0", '-'],
      ['＋1', '＋'],
    ];
    const stored = async () => {
      const [row] = await t.sql(
        `SELECT (SELECT count(*)::int FROM supervision_notices WHERE activity_id = $1) AS notices,
                (SELECT count(*)::int FROM notifications WHERE activity_id = $1 AND title LIKE '督办%') AS notifications,
                (SELECT count(*)::int FROM audit_log WHERE entity_type = 'SupervisionNotice') AS audits,
                (SELECT string_agg(coalesce(answer, '') || '|' || coalesce(outcome, ''), ',') FROM supervision_notices WHERE activity_id = $1) AS texts`,
        [id],
      );
      return row;
    };
    const input = { activityId: id, stage: 'CANDIDATES', text: '请尽快推荐', dueOn: '2031-05-12' };
    const [{ id: officeUser }] = await t.sql(`SELECT id FROM users WHERE username = 'office'`);
    const officeActor = await t.services.auth.actorById(officeUser);
    const before = await stored();
    for (const [text, first] of formulas) {
      const err = expectErrorCode(await office.gql(ISSUE, { input: { ...input, text } }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toEqual([{ field: 'text', message: `督办内容不能以“${first}”开头（表格软件会当作公式）` }]);
      // the service's own check, for callers that bypass the GraphQL input validation
      await expect(t.services.supervision.issue(officeActor, { ...input, stage: DeadlineStage.CANDIDATES, text })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'text', message: `督办内容不能以“${first}”开头（表格软件会当作公式）` }],
      });
    }
    expect(await stored()).toEqual(before);

    const notice = expectData(await office.gql(ISSUE, { input })).issueSupervisionNotice;
    const issued = await stored();
    for (const [answer, first] of formulas) {
      const err = expectErrorCode(await baoan.gql(ANSWER, { id: notice.id, answer }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toEqual([{ field: 'answer', message: `答复不能以“${first}”开头（表格软件会当作公式）` }]);
    }
    for (const [outcome, first] of formulas) {
      const err = expectErrorCode(await office.gql(CLOSE, { id: notice.id, outcome }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toEqual([{ field: 'outcome', message: `办结情况不能以“${first}”开头（表格软件会当作公式）` }]);
    }
    expect(await stored()).toEqual(issued);
    expect(await t.sql(`SELECT answered_at, closed_at FROM supervision_notices WHERE id = $1`, [notice.id])).toEqual([{ answered_at: null, closed_at: null }]);

    // An = or a minus inside the text is ordinary text.
    expect(expectData(await baoan.gql(ANSWER, { id: notice.id, answer: '已推荐3家，差额=0，见附件-1' })).answerSupervisionNotice.answer).toBe('已推荐3家，差额=0，见附件-1');
    expect(expectData(await office.gql(CLOSE, { id: notice.id, outcome: '已推荐候选，办结' })).closeSupervisionNotice.outcome).toBe('已推荐候选，办结');
  });

  it('the leader group sits in its units: a bureau chief sees the city and the district, and his 批示 names him', async () => {
    const chief = await t.login('leader_xinglongtai');
    const home = expectData(await chief.gql(HOME)).myHome;
    // The city's overdue items (every unit), and the district's own activities.
    expect(new Set(home.overdue.map((u: { unitId: string }) => u.unitId)).size).toBeGreaterThan(0);
    expect(home.activities.length).toBeGreaterThan(0);
    expect(home.activities.every((a: { district: string }) => a.district === 'XINGLONGTAI')).toBe(true);
    expect(home.counts.find((c: { key: string }) => c.key === 'toApprove')).toBeTruthy();

    t.clock.reset();
    const dawa = await t.login('dawa');
    const a = expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '组员批示测试活动', organizerUnitId: await unitIdOf(t, 'organizer1') }) })).createActivity;
    expectData(await dawa.gql(`mutation ($id: ID!) { reportActivity(id: $id) { id } }`, { id: a.id }));
    expectData(await baoan.gql(`mutation ($id: ID!) { requestInstruction(id: $id, input: { scale: "中型", staffing: "按配比", proposedCandidates: 3 }) { id } }`, { id: a.id }));
    expectData(await chief.gql(`mutation ($id: ID!) { approveActivity(id: $id, approved: true, note: "同意") { id } }`, { id: a.id }));
    const got = expectData(await dawa.gql(`query ($id: ID!) { activity(id: $id) { approvedByName transitions { actorName } } }`, { id: a.id })).activity;
    expect(got.approvedByName).toBe('刘志（兴隆台公安分局）');
    expect(got.transitions.at(-1).actorName).toBe('刘志（兴隆台公安分局）');
    t.clock.set(NOW);
  });

  it('an administrator creates a leader-group member in a bureau, never in a company', async () => {
    const admin = await t.login('admin');
    const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id role unit { name } } }`;
    const base = { displayName: '李雷', role: 'LEADER', initialPassword: 'Start2026a' };
    const ok = expectData(await admin.gql(CREATE, { input: { ...base, username: 'leader_panshan_t', unitId: await unitIdOf(t, 'panshan') } })).createUser;
    expect(ok.unit.name).toBe('盘山县公安局');
    const bad = expectErrorCode(await admin.gql(CREATE, { input: { ...base, username: 'leader_company_t', unitId: companyId } }), 'BAD_USER_INPUT');
    expect(bad.extensions!.fields![0].field).toBe('unitId');
  });
});
