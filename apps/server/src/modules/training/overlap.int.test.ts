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
  // a test that moves the clock leaves it to the next one at NOW, passed or failed
  beforeEach(() => t.clock.set(NOW));
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('refuses a second session at an overlapping time for the same trainees, named or picked by the system; another time is fine', async () => {
    const companyId = await createCompanyWithGuards(t, '排课测试保安服务有限公司', 3);
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 5 });
    const at = (h: number) => new Date(new Date(NOW).getTime() + 24 * 3600_000 + h * 3600_000).toISOString();
    // The first session trains 法律法规; the others the two subjects still to be booked (a second booking of the same
    // subject is refused on its own: see the next test).
    const input = (h: number, place: string, topics = ['DUTY_SKILLS', 'EMERGENCY']) => ({ startsAt: at(h), place, instructor: '王教官', topics, periods: 4, isMakeup: false });
    const first = expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(0, '会议室A', ['LAWS']) })).scheduleTraining;
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

  it('a second 安排 in a hurry, at another hour, does not book the same trainees for the same subjects twice: named, refused with the session they are in; picked by the system, none; nothing stored', async () => {
    const companyId = await createCompanyWithGuards(t, '重复排课测试保安服务有限公司', 3);
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 5 });
    const at = (h: number) => new Date(new Date(NOW).getTime() + 24 * 3600_000 + h * 3600_000).toISOString();
    const input = (h: number, topics: string[], extra: Record<string, unknown> = {}) => ({ startsAt: at(h), place: '会议室A', instructor: '王教官', topics, periods: 2, isMakeup: false, ...extra });
    const [one, two] = a.cleared.map((c) => c.entryId);
    const first = expectData(await baoan.gql(SCHEDULE, { id: a.id, input: input(0, ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], { rosterEntryIds: [one, two] }) })).scheduleTraining;
    const count = async () => (await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [a.id]))[0].n;
    const before = await count();

    // The web sends everyone not yet passed; the same list again, five hours later
    const named = expectErrorCode(await baoan.gql(SCHEDULE, { id: a.id, input: input(5, ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], { rosterEntryIds: [one, two] }) }), 'BAD_USER_INPUT');
    expect(named.extensions?.fields).toEqual([
      { field: 'rosterEntryIds.0', message: expect.stringMatching(/^.+已安排在2031-06-02 08:00“会议室A”的培训（结果未登记），无需重复安排；如需改期请修改该培训$/) },
      { field: 'rosterEntryIds.1', message: expect.stringContaining('无需重复安排') },
    ]);
    // one subject of the three, for one of them: still booked for it
    expectErrorCode(await baoan.gql(SCHEDULE, { id: a.id, input: input(5, ['EMERGENCY'], { rosterEntryIds: [two] }) }), 'BAD_USER_INPUT');
    const auto = expectErrorCode(await baoan.gql(SCHEDULE, { id: a.id, input: input(5, ['LAWS']) }), 'CONFLICT');
    expect(auto.message).toBe('需要培训法律法规的2人都已安排在结果未登记的培训中，无需重复安排；如需改期请修改该培训');
    // ten hurried clicks at once, at ten different hours: none stored
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => baoan.gql(SCHEDULE, { id: a.id, input: input(6 + i, ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], { rosterEntryIds: [one, two] }) })));
    expect(burst.every((r) => r.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    expect(await count()).toBe(before);

    // Once the first session's results are in (one absent), a 补训 for who missed it is booked
    t.clock.set(at(3));
    expectData(await baoan.gql(`mutation ($s: ID!, $r: [TrainingResultInput!]!) { recordTrainingResults(sessionId: $s, results: $r) { id } }`, {
      s: first.id,
      r: [
        { rosterEntryId: one, attended: true, scores: [{ topic: 'LAWS', score: 90 }, { topic: 'DUTY_SKILLS', score: 90 }, { topic: 'EMERGENCY', score: 90 }] },
        { rosterEntryId: two, attended: false, scores: [] },
      ],
    }));
    const makeup = expectData(await baoan.gql(`mutation ($id: ID!, $input: ScheduleTrainingInput!) { scheduleTraining(activityId: $id, input: $input) { id attendance { rosterEntryId } } }`, {
      id: a.id,
      input: input(5, ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], { isMakeup: true }),
    })).scheduleTraining;
    expect(makeup.attendance).toEqual([{ rosterEntryId: two }]);
    t.clock.set(NOW);
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
  it('two activities sharing guards, scheduled by two officers at the same moment for the same hour: one is booked, the other told (review 6 B-F3)', async () => {
    const companyId = await createCompanyWithGuards(t, '同时排课测试保安服务有限公司', 2);
    const at = (h: number) => new Date(new Date(NOW).getTime() + 24 * 3600_000 + h * 3600_000).toISOString();
    const doubled: string[] = [];
    for (let round = 0; round < 4; round++) {
      const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 5 });
      const b = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 6 });
      const input = (place: string) => ({ startsAt: at(4 * round), place, instructor: '王教官', topics: ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], periods: 4, isMakeup: false });
      const [ra, rb] = await Promise.all([baoan.gql(SCHEDULE, { id: a.id, input: input('兴隆台培训中心') }), baoan.gql(SCHEDULE, { id: b.id, input: input('大洼培训基地') })]);
      const ok = [ra, rb].filter((r) => !r.errors).length;
      const told = [ra, rb].filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT' && r.errors[0].message.includes('时间重叠')).length;
      if (ok !== 1 || told !== 1) doubled.push(`round ${round}: ${ok} booked, ${told} told`);
    }
    expect(doubled).toEqual([]);
  });
});
