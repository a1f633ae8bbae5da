import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';

/**
 * A check belongs to its event (review 9-C F5): a check time after the event's end (plus an hour for
 * 散场 and the device's clock) is refused naming both times, whether or not anyone pressed 总结; a check
 * made before the end and sent later by a phone that was offline is still taken. And the server stamps
 * what it stores on its own clock, not the database's (review 9-C F6).
 */
const RECORD = /* GraphQL */ `
  mutation ($input: RecordInspectionInput!) {
    recordInspection(input: $input) { id recordedAt receivedAt findings { id item serious } }
  }
`;
const NOW = '2031-06-01T10:00:00+08:00';
/** The event of the F5 tests: 09:00–13:00 Beijing on NOW's day. */
const ENDS_AT = new Date('2031-06-01T13:00:00+08:00');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('a check time after the event’s end (review 9-C F5)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let companyId: string;
  let activityId: string;
  let onDuty: { guardId: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    baoan = await t.login('baoan');
    companyId = await createCompanyWithGuards(t, '结束时间保安服务有限公司', 3);
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -1 });
    await trainAll(t, a.id);
    await t.sql(`UPDATE activities SET ends_at = $2 WHERE id = $1`, [a.id, ENDS_AT]);
    activityId = a.id;
    onDuty = a.cleared;
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  /** What a check would leave behind: its row, findings, audit entries. */
  const stored = async () => {
    const [row] = await t.sql(
      `SELECT (SELECT count(*)::int FROM inspections WHERE activity_id = $1) AS inspections,
              (SELECT count(*)::int FROM findings WHERE activity_id = $1) AS findings,
              (SELECT count(*)::int FROM audit_log) AS audit`,
      [activityId],
    );
    return row;
  };
  const send = (at: Date, extra: Record<string, unknown> = {}) =>
    baoan.gql(RECORD, { input: { id: randomUUID(), activityId, results: checklist(), recordedAt: at.toISOString(), ...extra } });

  it('takes a check made up to an hour after the end (散场), as the activity is still in progress', async () => {
    const at = new Date(ENDS_AT.getTime() + HOUR - MINUTE);
    t.clock.set(at);
    const r = expectData(await send(at, { guardId: onDuty[0].guardId, results: checklist(['UNIFORM']), note: '散场时未着制式服装' })).recordInspection;
    expect(r.findings).toEqual([expect.objectContaining({ item: 'UNIFORM' })]);
  });

  it('refuses a check made after that, naming both times; nothing stored, nothing audited', async () => {
    const at = new Date(ENDS_AT.getTime() + HOUR + MINUTE);
    t.clock.set(at);
    const before = await stored();
    const id = randomUUID();
    const refused = expectErrorCode(await send(at, { id, personName: '王某某（无证人员）' }), 'BAD_USER_INPUT');
    const message = '检查时间2031-06-01 14:01晚于活动结束时间2031-06-01 13:00，不能登记';
    expect(refused.message).toBe(message);
    expect(refused.extensions!.fields).toEqual([{ field: 'recordedAt', message }]);
    expect(await t.sql(`SELECT id FROM inspections WHERE id = $1`, [id])).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a serious finding dated weeks after the end although nobody pressed 总结 (the review’s case)', async () => {
    const at = new Date('2031-07-20T15:30:00+08:00');
    t.clock.set(at);
    const before = await stored();
    const refused = expectErrorCode(await send(at, { personName: '王某某', results: checklist(['UNIFORM']), note: '未着制式服装' }), 'BAD_USER_INPUT');
    expect(refused.message).toBe('检查时间2031-07-20 15:30晚于活动结束时间2031-06-01 13:00，不能登记');
    expect(await stored()).toEqual(before);
    const [{ status }] = await t.sql(`SELECT status FROM activities WHERE id = $1`, [activityId]);
    expect(status).toBe('IN_PROGRESS');
  });

  it('takes a check queued offline before the end and sent days later', async () => {
    const madeAt = new Date(ENDS_AT.getTime() - 30 * MINUTE);
    const sentAt = new Date(ENDS_AT.getTime() + 3 * 24 * HOUR);
    t.clock.set(sentAt);
    const r = expectData(await send(madeAt, { personName: '李某（离线登记）' })).recordInspection;
    expect(new Date(r.recordedAt).getTime()).toBe(madeAt.getTime());
    expect(new Date(r.receivedAt).getTime()).toBe(sentAt.getTime());
    expect(r.findings).toEqual([expect.objectContaining({ item: 'UNVETTED_ON_DUTY', serious: true })]);
  });
});

describe('the server stamps checks, findings and their notices on its clock (review 9-C F6)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    // A day ahead of the database's now(): a stamp from the wrong clock is a day off.
    t.clock.set(new Date(Date.now() + 24 * HOUR));
    baoan = await t.login('baoan');
    const companyId = await createCompanyWithGuards(t, '服务器时钟保安服务有限公司', 3, { username: 'clock_co' });
    company = await t.login('clock_co');
    const a = await createActivityWithRoster(t, { status: 'READY', companyId, guardsRequired: 2, cleared: 2, startsInHours: 1, durationHours: 2 });
    await trainAll(t, a.id);
    activityId = a.id;
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  const notices = async (title: string): Promise<number[]> =>
    (await t.sql(`SELECT created_at FROM notifications WHERE activity_id = $1 AND title LIKE $2`, [activityId, `${title}%`]))
      .map((r) => new Date(r.created_at).getTime());

  it('a recorded check, its findings and the notices of the start and the 总结', async () => {
    const started = t.clock.now();
    expectData(await baoan.gql(`mutation ($id: ID!) { startActivity(id: $id) { status } }`, { id: activityId }));
    expect(await notices('活动开始')).toEqual([started.getTime()]); // to the company (the fixture has no organizer unit)
    // the company reads it at that time
    const { notifications } = expectData(await company.gql(`{ notifications(page: { pageSize: 50 }) { items { title createdAt } } }`));
    expect(notifications.items.find((n: { title: string }) => n.title.startsWith('活动开始')).createdAt).toBe(started.toISOString());

    t.clock.advance(30 * MINUTE);
    const checked = t.clock.now();
    const id = randomUUID();
    const r = expectData(await baoan.gql(RECORD, {
      input: { id, activityId, personName: '张某（无证人员）', results: checklist(['UNIFORM']), note: '未着制式服装', recordedAt: new Date(checked.getTime() - 5 * MINUTE).toISOString() },
    })).recordInspection;
    expect(r.receivedAt).toBe(checked.toISOString());
    const [row] = await t.sql(`SELECT received_at FROM inspections WHERE id = $1`, [id]);
    expect(new Date(row.received_at).getTime()).toBe(checked.getTime());
    const findings = await t.sql(`SELECT created_at FROM findings WHERE inspection_id = $1`, [id]);
    expect(findings).toHaveLength(2);
    for (const f of findings) expect(new Date(f.created_at).getTime()).toBe(checked.getTime());

    t.clock.advance(3 * HOUR); // past the end
    const closed = t.clock.now();
    expectData(await baoan.gql(`mutation ($id: ID!) { closeActivity(id: $id, input: { rating: 4, text: "总体有序", uncorrectedStatement: "人员已离场" }) { status } }`, { id: activityId }));
    const closeNotices = await notices('活动总结');
    expect(closeNotices.length).toBeGreaterThan(0);
    for (const at of closeNotices) expect(at).toBe(closed.getTime());

    // a phone offline on the day sends a serious problem after the 总结: the notice is dated at receipt
    t.clock.advance(HOUR);
    const late = t.clock.now();
    expectData(await baoan.gql(RECORD, {
      input: { id: randomUUID(), activityId, personName: '赵某（无证人员）', results: checklist(), recordedAt: new Date(checked.getTime() + MINUTE).toISOString() },
    }));
    const lateNotices = await notices('总结后补录严重问题');
    expect(lateNotices.length).toBeGreaterThan(0);
    for (const at of lateNotices) expect(at).toBe(late.getTime());
  });
});
