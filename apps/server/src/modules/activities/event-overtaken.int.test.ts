import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { makeActivity } from '../../../test/vetting-fixtures';

const WARNINGS = /* GraphQL */ `query ($id: ID!) { activity(id: $id) { id warnings { code message } } }`;
const HOUR = 3600_000;

/**
 * An activity its day has overtaken says so on its page (review 9-C F1): still being prepared after
 * the event started, or supervised past its end with no 总结. Never before.
 */
describe('the warning of an activity its day has overtaken', () => {
  let t: TestApp;
  let baoan: TestClient;
  const startsAt = new Date(Date.now() + 10 * 24 * HOUR);
  const endsAt = new Date(startsAt.getTime() + 6 * HOUR);
  const cn = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 16);

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  const overtaken = async (id: string) =>
    expectData(await baoan.gql(WARNINGS, { id })).activity.warnings.filter((w: { code: string }) => w.code === 'EVENT_OVERTAKEN');

  it.each([
    ['REPORTED', `活动已于${cn(startsAt)}开始，前置审核未完成；各环节已不能再办理，请保安管理支队取消活动并说明原因`],
    ['VETTING', `活动已于${cn(startsAt)}开始，前置审核未完成；各环节已不能再办理，请保安管理支队取消活动并说明原因`],
  ])('%s: none before the start; from the start, the steps are closed and the way out named', async (status, message) => {
    const id = await makeActivity(t, { status, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    t.clock.set(new Date(startsAt.getTime() - 60_000));
    expect(await overtaken(id)).toEqual([]);
    t.clock.set(startsAt);
    expect(await overtaken(id)).toEqual([{ code: 'EVENT_OVERTAKEN', message }]);
  });

  it('DRAFT (also a 请示 sent back): the way out is new dates and reporting again, or cancelling', async () => {
    const id = await makeActivity(t, { status: 'DRAFT', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    t.clock.set(new Date(startsAt.getTime() - 60_000));
    expect(await overtaken(id)).toEqual([]);
    t.clock.set(startsAt);
    expect(await overtaken(id)).toEqual([{
      code: 'EVENT_OVERTAKEN',
      message: `活动时间${cn(startsAt)}已过，尚未上报；如活动改期，请登记单位修改时间后重新上报，否则请取消活动并说明原因`,
    }]);
  });

  it('READY: during the event, start the supervision; after its end, cancel', async () => {
    const id = await makeActivity(t, { status: 'READY', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    t.clock.set(new Date(startsAt.getTime() + HOUR));
    expect(await overtaken(id)).toEqual([{ code: 'EVENT_OVERTAKEN', message: `活动已于${cn(startsAt)}开始，未开始现场监管；请保安管理支队开始现场监管` }]);
    t.clock.set(endsAt);
    expect(await overtaken(id)).toEqual([
      { code: 'EVENT_OVERTAKEN', message: `活动已于${cn(startsAt)}开始，未开始现场监管；各环节已不能再办理，请保安管理支队取消活动并说明原因` },
    ]);
  });

  it('IN_PROGRESS: none during the event; after its end, the 总结 is asked for; CLOSED: none', async () => {
    const id = await makeActivity(t, { status: 'IN_PROGRESS', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    t.clock.set(new Date(endsAt.getTime() - 60_000));
    expect(await overtaken(id)).toEqual([]);
    t.clock.set(endsAt);
    expect(await overtaken(id)).toEqual([{ code: 'EVENT_OVERTAKEN', message: `活动已于${cn(endsAt)}结束，请保安管理支队作出总结` }]);
    await t.sql(`UPDATE activities SET status = 'CLOSED' WHERE id = $1`, [id]);
    expect(await overtaken(id)).toEqual([]);
  });
});
