import { createTestApp, expectData, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { approvedActivity } from '../../../test/activity-fixtures';

/**
 * Review 5 B-F5: a stage is judged on time or late by the deadline settings in force when its
 * activity was first reported. Changing `deadline.*` later (the detachment, judged by them, may edit
 * them) does not move its due dates, in the activity's own deadlines or the work queue (the overview's punctuality reads the same SQL, stages.ts).
 */
const DEADLINES = /* GraphQL */ `query ($id: ID!) { activity(id: $id) { deadlines { stages { stage dueOn rule } } } }`;
const QUEUE = /* GraphQL */ `query { workQueue(page: { pageSize: 500 }) { items { activityId dueOn } } }`;

describe('deadline days are fixed at the 通报', () => {
  let t: TestApp;
  let baoan: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
  });
  afterAll(() => t?.close());

  it('a later change of the settings moves no due date of a reported activity, anywhere it is read', async () => {
    const id = await approvedActivity(t);
    const [{ deadline_days }] = await t.sql(`SELECT deadline_days FROM activities WHERE id = $1`, [id]);
    expect(deadline_days).toMatchObject({ recommend: 15, vetting: 5, closing: 3 });
    const stages = async () => expectData(await baoan.gql(DEADLINES, { id })).activity.deadlines.stages;
    const queue = async () => expectData(await baoan.gql(QUEUE)).workQueue.items.find((i: { activityId: string }) => i.activityId === id);
    const before = { stages: await stages(), queue: await queue() };
    expect(before.queue).toBeDefined();
    expect(before.stages.find((s: { stage: string }) => s.stage === 'CANDIDATES').rule).toBe('开始前15天');

    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'deadline.recommendDaysBefore', value: 30 }, { key: 'deadline.vettingDaysBefore', value: 3 }] }));
    try {
      expect(await stages()).toEqual(before.stages);
      expect(await queue()).toEqual(before.queue);
      // the demo's other activities were reported before this was kept: they follow the settings; this one does not
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM activities WHERE deadline_days IS NOT NULL`);
      expect(n).toBeGreaterThan(0);
      // a new activity reported now is judged by the new settings
      const later = await approvedActivity(t);
      const laterStages = expectData(await baoan.gql(DEADLINES, { id: later })).activity.deadlines.stages;
      expect(laterStages.find((s: { stage: string }) => s.stage === 'CANDIDATES').rule).toBe('开始前30天');
    } finally {
      expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'deadline.recommendDaysBefore', value: 15 }, { key: 'deadline.vettingDaysBefore', value: 5 }] }));
    }
  });
});
