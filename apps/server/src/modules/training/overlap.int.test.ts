import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';

/** Nobody is in two places at once: a trainee expected at one session is not booked into another at the same time. */
const SCHEDULE = /* GraphQL */ `mutation ($id: ID!, $input: ScheduleTrainingInput!) { scheduleTraining(activityId: $id, input: $input) { id } }`;
const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: UpdateTrainingSessionInput!) { updateTrainingSession(id: $id, input: $input) { id } }`;
const NOW = '2031-06-01T08:00:00+08:00';

describe('training sessions do not double-book a trainee', () => {
  let t: TestApp;
  let baoan: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    baoan = await t.login('baoan');
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('refuses a second session at an overlapping time for the same trainees, named or picked by the system; another time is fine', async () => {
    const companyId = await createCompanyWithGuards(t, '排课测试保安服务有限公司', 3);
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 5 });
    const at = (h: number) => new Date(new Date(NOW).getTime() + 24 * 3600_000 + h * 3600_000).toISOString();
    const input = (h: number, place: string) => ({ startsAt: at(h), place, instructor: '王教官', topics: ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], periods: 4, isMakeup: false });
    const first = expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(0, '会议室A') })).scheduleTraining;
    const before = (await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [a.id]))[0].n;

    const auto = expectErrorCode(await baoan.gql(SCHEDULE, { id: a.id, input: input(1, '礼堂B') }), 'CONFLICT');
    expect(auto.message).toContain('时间重叠');
    const named = expectErrorCode(
      await baoan.gql(SCHEDULE, { id: a.id, input: { ...input(2, '礼堂C'), rosterEntryIds: [a.cleared[0].entryId] } }),
      'BAD_USER_INPUT',
    );
    expect(named.extensions?.fields).toEqual([{ field: 'rosterEntryIds.0', message: expect.stringContaining('时间重叠') }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [a.id]))[0].n).toBe(before);

    // After the first ends (4 × 45 min = 3 h): another session is no overlap; moving it back onto the first is.
    const second = expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(3, '礼堂B') })).scheduleTraining;
    const { startsAt: _s, isMakeup: _m, ...rest } = input(0, '礼堂B');
    const moved = expectErrorCode(await baoan.gql(UPDATE, { id: second.id, input: { ...rest, startsAt: at(1) } }), 'CONFLICT');
    expect(moved.message).toContain('时间重叠');
    expect(first.id).not.toBe(second.id);
  });

  it('the same guard on the rosters of two activities is not booked into both at the same time in two places (review 5 B-F8)', async () => {
    const companyId = await createCompanyWithGuards(t, '跨活动排课测试保安服务有限公司', 2);
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 5 });
    const b = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 6 });
    expect(b.cleared.map((c) => c.guardId).sort()).toEqual(a.cleared.map((c) => c.guardId).sort());
    const at = (h: number) => new Date(new Date(NOW).getTime() + 24 * 3600_000 + h * 3600_000).toISOString();
    const input = (h: number, place: string) => ({ startsAt: at(h), place, instructor: '王教官', topics: ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], periods: 4, isMakeup: false });
    expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(0, '兴隆台培训中心') }));
    const before = (await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [b.id]))[0].n;
    expect(expectErrorCode(await baoan.gql(SCHEDULE, { id: b.id, input: input(1, '大洼培训基地') }), 'CONFLICT').message).toContain('时间重叠');
    const named = expectErrorCode(await baoan.gql(SCHEDULE, { id: b.id, input: { ...input(1, '大洼培训基地'), rosterEntryIds: [b.cleared[0].entryId] } }), 'BAD_USER_INPUT');
    expect(named.extensions?.fields).toEqual([{ field: 'rosterEntryIds.0', message: expect.stringContaining('兴隆台培训中心') }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [b.id]))[0].n).toBe(before);
    // after the first ends: fine
    expectData(await baoan.gql(SCHEDULE, { id: b.id, input: input(4, '大洼培训基地') }));
  });
});
