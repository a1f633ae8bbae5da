import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { activityInput, CREATE_ACTIVITY, unitIdOf } from '../../../test/activity-fixtures';

/**
 * Review 9-B F3: one rule of 逾期 (deadlines/stages.ts) for every reader. An activity like the demo's
 * 2026-0004 — it waits on the 请示, whose day has not come, but its 推荐候选 deadline has passed — is
 * overdue for the overview, the homes, the deadline panel, the 督办 list, the reminder job, the
 * punctuality table and the work queue alike; an activity with no passed due date for none of them.
 */
const OVERVIEW = /* GraphQL */ `
  query ($range: DateRangeInput!) {
    overview(range: $range) {
      headline { activities activitiesLate }
      lateByStage { key value }
      punctuality { unitId onTime late overdue open }
    }
  }
`;
const OVERDUE = /* GraphQL */ `{ overdueByUnit { unitId items { activityId stage stageLabel task dueOn daysOverdue unitId reminderLevel openNoticeId } } }`;
const HOME = /* GraphQL */ `{ myHome { counts { key value } overdue { unitId items { activityId stage } } } }`;
const DEADLINES = /* GraphQL */ `query ($id: ID!) { activity(id: $id) { deadlines { lateStages next { stage } } } }`;
const QUEUE = /* GraphQL */ `{ workQueue(page: { pageSize: 500 }) { items { activityId task detail dueOn daysLeft late } } }`;
const TIMELINE = /* GraphQL */ `query ($id: ID!) { activityTimeline(activityId: $id) { entries { kind title detail } } }`;
const ISSUE = /* GraphQL */ `mutation ($input: SupervisionNoticeInput!) { issueSupervisionNotice(input: $input) { id stage unitName } }`;
const REPORT = /* GraphQL */ `mutation ($id: ID!) { reportActivity(id: $id) { id status } }`;
const REQUEST = /* GraphQL */ `
  mutation ($id: ID!) { requestInstruction(id: $id, input: { scale: "中型", staffing: "按配比", proposedCandidates: 3 }) { id } }
`;

/** The tests' calendar: Beijing 2031-05-10. */
const NOW = '2031-05-10T10:00:00+08:00';

interface Item { activityId: string; stage: string; stageLabel: string; task: string; dueOn: string; daysOverdue: number; unitId: string; reminderLevel: number; openNoticeId: string | null }
interface Unit { unitId: string; items: Item[] }

describe('逾期: one rule for the overview, homes, 督办, reminders, punctuality and the queue (review 9-B F3)', () => {
  let t: TestApp;
  let office: TestClient;
  let baoan: TestClient;
  let dawa: TestClient;
  let baoanUnit: string;
  let officeUnit: string;
  let leadingUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    [office, baoan, dawa] = await Promise.all([t.login('office'), t.login('baoan'), t.login('dawa')]);
    baoanUnit = await unitIdOf(t, 'baoan');
    officeUnit = await unitIdOf(t, 'office');
    [{ id: leadingUnit }] = await t.sql(`SELECT id FROM units WHERE kind = 'LEADING_GROUP' ORDER BY created_at, id LIMIT 1`);
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  /** A reported activity (a service company to be recommended), applied on 05-09, starting on `day` at 19:00 Beijing. */
  const reported = async (name: string, day: string) => {
    const input = activityInput({
      name,
      organizerUnitId: await unitIdOf(t, 'organizer1'),
      startsAt: `${day}T19:00:00+08:00`,
      endsAt: `${day}T23:00:00+08:00`,
      appliedOn: '2031-05-09',
    });
    const id: string = expectData(await dawa.gql(CREATE_ACTIVITY, { input })).createActivity.id;
    expect(expectData(await dawa.gql(REPORT, { id })).reportActivity.status).toBe('REPORTED');
    return id;
  };
  const items = (units: Unit[]) => units.flatMap((u) => u.items.map((i) => ({ ...i, group: u.unitId })));
  const overdueList = async (who: TestClient) => items(expectData(await who.gql(OVERDUE)).overdueByUnit);
  const homeLate = async (who: TestClient) => expectData(await who.gql(HOME)).myHome.counts.find((c: { key: string }) => c.key === 'late').value as number;
  const overviewOf = async (day: string) => expectData(await office.gql(OVERVIEW, { range: { from: day, to: day } })).overview;
  const remindersOf = (id: string) =>
    t.sql(`SELECT stage, level, unit_id, due_on::text AS due_on FROM supervision_reminders WHERE activity_id = $1 ORDER BY level`, [id]);

  it('an activity behind a later stage’s passed deadline is overdue everywhere, reminded once per level; one with none nowhere', async () => {
    const before = { list: (await overdueList(office)).length, office: await homeLate(office), baoan: await homeLate(baoan) };
    // As 2026-0004: 请示 due 05-11 and 批示 05-16 not passed, but 推荐候选 (start − 15) was due 05-07.
    const late = await reported('逾期口径测试活动', '2031-05-22');
    // Every deadline ahead: 请示 05-11, 批示 05-16, 推荐候选 06-15, …
    const onTime = await reported('按期口径测试活动', '2031-06-30');

    // The deadline panel.
    expect(expectData(await baoan.gql(DEADLINES, { id: late })).activity.deadlines).toEqual({ lateStages: ['CANDIDATES'], next: { stage: 'REQUEST' } });
    expect(expectData(await baoan.gql(DEADLINES, { id: onTime })).activity.deadlines.lateStages).toEqual([]);

    // The overview: headline, late by stage, and the punctuality table (the detachment owes the 请示 it waits on).
    const o = await overviewOf('2031-05-22');
    expect(o.headline).toEqual({ activities: 1, activitiesLate: 1 });
    expect(o.lateByStage.find((c: { key: string }) => c.key === 'RECOMMENDATION').value).toBe(1);
    expect(o.punctuality).toEqual([{ unitId: baoanUnit, onTime: 0, late: 0, overdue: 1, open: 0 }]);
    const fine = await overviewOf('2031-06-30');
    expect(fine.headline).toEqual({ activities: 1, activitiesLate: 0 });
    expect(fine.punctuality).toEqual([{ unitId: baoanUnit, onTime: 0, late: 0, overdue: 0, open: 1 }]);

    // The 督办 list: the stage whose deadline passed, under the unit that must act now.
    const list = await overdueList(office);
    expect(list.find((i) => i.activityId === late)).toEqual({
      activityId: late, stage: 'CANDIDATES', stageLabel: '推荐候选', task: '推荐不少于3家候选公司；当前待受理请示', dueOn: '2031-05-07', daysOverdue: 3,
      unitId: baoanUnit, group: baoanUnit, reminderLevel: 0, openNoticeId: null,
    });
    expect(list.find((i) => i.activityId === onTime)).toBeUndefined();
    expect((await overdueList(baoan)).map((i) => i.activityId)).toContain(late);
    // The homes' 阶段逾期 badge moved with the list, by exactly this activity.
    expect(list.length).toBe(before.list + 1);
    expect(await homeLate(office)).toBe(before.office + 1);
    expect(await homeLate(baoan)).toBe(before.baoan + 1);
    expect(await homeLate(office)).toBe(list.length);
    const home = expectData(await office.gql(HOME)).myHome;
    expect(items(home.overdue).find((i) => i.activityId === late)).toMatchObject({ stage: 'CANDIDATES', group: baoanUnit });

    // The work queue: late, from the passed deadline, saying which one.
    const queue = expectData(await baoan.gql(QUEUE)).workQueue.items;
    const q = queue.find((i: { activityId: string }) => i.activityId === late);
    expect(q).toMatchObject({ task: '受理通报，向领导请示', dueOn: '2031-05-07', daysLeft: -3, late: true });
    expect(q.detail).toMatch(/^推荐候选截止日期（5月7日）已过，当前待受理请示；/);
    expect(queue.find((i: { activityId: string }) => i.activityId === onTime)).toMatchObject({ dueOn: '2031-05-11', daysLeft: 1, late: false });

    // The reminder job, run by several nodes and again: one reminder to the unit; the office only
    // escalateDays (1) after that reminder, not at once although the deadline passed 3 days ago (review 9-C F3).
    await Promise.all([t.services.supervision.runReminders(), t.services.supervision.runReminders()]);
    await t.services.supervision.runReminders();
    expect(await remindersOf(late)).toEqual([{ stage: 'CANDIDATES', level: 1, unit_id: baoanUnit, due_on: '2031-05-07' }]);
    expect(await t.sql(`SELECT 1 FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '逾期%'`, [late, officeUnit])).toEqual([]);
    t.clock.set('2031-05-11T09:00:00+08:00');
    await Promise.all([t.services.supervision.runReminders(), t.services.supervision.runReminders()]);
    t.clock.set(NOW);
    const sent = [
      { stage: 'CANDIDATES', level: 1, unit_id: baoanUnit, due_on: '2031-05-07' },
      { stage: 'CANDIDATES', level: 2, unit_id: officeUnit, due_on: '2031-05-07' },
    ];
    expect(await remindersOf(late)).toEqual(sent);
    expect(await remindersOf(onTime)).toEqual([]);
    const told = await t.sql(
      `SELECT unit_id, title, body FROM notifications WHERE activity_id = $1 AND title LIKE '逾期%' ORDER BY unit_id = $2 DESC`,
      [late, baoanUnit],
    );
    expect(told).toEqual([
      {
        unit_id: baoanUnit,
        title: '逾期提醒：逾期口径测试活动',
        body: '活动“逾期口径测试活动”的推荐候选截止日期（5月7日）已过，当前待受理请示。请尽快受理通报并向领导请示。',
      },
      {
        unit_id: officeUnit,
        title: '逾期未办：逾期口径测试活动（市公安局保安管理支队）',
        body: '活动“逾期口径测试活动”的推荐候选截止日期（5月7日）已过，当前待受理请示（市公安局保安管理支队办理），提醒后仍未办理，请领导小组办公室督办。',
      },
    ]);
    expect(await t.sql(`SELECT 1 FROM notifications WHERE activity_id = $1 AND title LIKE '逾期%'`, [onTime])).toEqual([]);
    expect((await overdueList(office)).find((i) => i.activityId === late)?.reminderLevel).toBe(2);
    const tl = expectData(await office.gql(TIMELINE, { id: late })).activityTimeline.entries.filter((e: { kind: string }) => e.kind === 'SUPERVISION');
    expect(tl.map((e: { title: string; detail: string }) => `${e.title} ${e.detail}`).sort()).toEqual([
      '逾期提醒办公室：推荐候选 截止2031-05-07，已提醒领导小组办公室',
      '逾期提醒：推荐候选 截止2031-05-07，已提醒市公安局保安管理支队',
    ].sort());

    // The 请示 is made (on time): the activity now waits on the leader group's 批示, still behind the
    // 推荐候选 deadline — the leader group's item now; the passed deadline is not reminded again.
    expectData(await baoan.gql(REQUEST, { id: late }));
    const moved = (await overdueList(office)).find((i) => i.activityId === late)!;
    expect(moved).toMatchObject({ stage: 'CANDIDATES', task: '推荐不少于3家候选公司；当前待领导批示', unitId: leadingUnit, group: leadingUnit, reminderLevel: 2 });
    await t.services.supervision.runReminders();
    expect(await remindersOf(late)).toEqual(sent);
    const after = await overviewOf('2031-05-22');
    expect(after.headline).toEqual({ activities: 1, activitiesLate: 1 });
    expect(after.punctuality).toEqual([
      { unitId: leadingUnit, onTime: 0, late: 0, overdue: 1, open: 0 },
      { unitId: baoanUnit, onTime: 1, late: 0, overdue: 0, open: 0 },
    ]);

    // The office can 督办 the item it is shown (the passed stage), addressed to the unit that must act;
    // the activity page's 督办 (the current stage) is then the same open matter.
    const notice = expectData(await office.gql(ISSUE, { input: { activityId: late, stage: 'CANDIDATES', text: '推荐候选已逾期，请尽快批示', dueOn: '2031-05-12' } }))
      .issueSupervisionNotice;
    expect(notice).toMatchObject({ stage: 'CANDIDATES', unitName: '前置大型活动保安公司资质审核领导小组' });
    expect((await overdueList(office)).find((i) => i.activityId === late)?.openNoticeId).toBe(notice.id);
    const again = expectErrorCode(await office.gql(ISSUE, { input: { activityId: late, stage: 'DECISION', text: '请尽快批示', dueOn: '2031-05-12' } }), 'CONFLICT');
    expect(again.message).toBe('该活动已有未办结的督办通知（活动“逾期口径测试活动”，推荐候选）');
    const other = expectErrorCode(await office.gql(ISSUE, { input: { activityId: late, stage: 'TRAINING', text: '请培训', dueOn: '2031-05-12' } }), 'CONFLICT');
    expect(other.message).toBe('活动当前等待“领导批示”，“推荐候选”已逾期，只能督办这两个阶段');
  });

  it('the office is told which unit was reminded: the activity moved on to the leader group behind the same passed deadline', async () => {
    t.clock.set(NOW);
    const late = await reported('提醒单位变更测试活动', '2031-05-23');
    await t.services.supervision.runReminders();
    expect(await remindersOf(late)).toEqual([{ stage: 'CANDIDATES', level: 1, unit_id: baoanUnit, due_on: '2031-05-08' }]);
    // The detachment makes its 请示; the activity now waits on the leader group, still behind 推荐候选.
    expectData(await baoan.gql(REQUEST, { id: late }));
    t.clock.set('2031-05-11T09:00:00+08:00');
    try {
      await t.services.supervision.runReminders();
      const [told] = await t.sql(`SELECT title, body FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '逾期未办%'`, [late, officeUnit]);
      expect(told).toEqual({
        title: '逾期未办：提醒单位变更测试活动（前置大型活动保安公司资质审核领导小组）',
        body: '活动“提醒单位变更测试活动”的推荐候选截止日期（5月8日）已过，当前待领导批示：已提醒市公安局保安管理支队，至今未办结，' +
          '现由前置大型活动保安公司资质审核领导小组办理，请领导小组办公室督办。',
      });
    } finally {
      t.clock.set(NOW);
    }
  });
});
