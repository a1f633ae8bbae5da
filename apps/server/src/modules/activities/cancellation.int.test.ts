import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';

/**
 * Review 5 B-F2, B-F3: a cancellation is for an event that will not take place. One that has taken
 * place is closed by the 总结; and what was open for a cancelled activity (training not begun, 督办
 * notices) ends with it, in the same transaction, with the reason.
 */
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { status } }`;
const ANSWER = /* GraphQL */ `mutation ($id: ID!) { answerSupervisionNotice(id: $id, answer: "已安排培训") { id } }`;

describe('cancelling an activity', () => {
  let t: TestApp;
  let dawa: TestClient;
  let baoan: TestClient;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [dawa, baoan] = await Promise.all([t.login('dawa'), t.login('baoan')]);
    companyId = await createCompanyWithGuards(t, '取消测试保安服务有限公司', 3);
  });
  afterAll(() => t?.close());

  const statusOf = async (id: string) => (await t.sql(`SELECT status FROM activities WHERE id = $1`, [id]))[0].status as string;

  it('refuses an activity that has taken place (in progress, after its end): it is closed by the 总结; nothing changes', async () => {
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -5 });
    await t.sql(`UPDATE activities SET district = 'DAWA', ends_at = now() - interval '1 hour' WHERE id = $1`, [a.id]);
    const audits = (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [a.id]))[0].n;
    const refused = expectErrorCode(await dawa.gql(CANCEL, { id: a.id, reason: '活动已结束，不再总结' }), 'CONFLICT');
    expect(refused.message).toMatch(/结束，须由保安管理支队总结.*不能取消/);
    expect(await statusOf(a.id)).toBe('IN_PROGRESS');
    expect((await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [a.id]))[0].n).toBe(audits);
    // stopped while it runs (weather, order): still a cancellation
    await t.sql(`UPDATE activities SET ends_at = now() + interval '2 hours' WHERE id = $1`, [a.id]);
    expect(expectData(await dawa.gql(CANCEL, { id: a.id, reason: '突发大风，活动中止' })).cancelActivity.status).toBe('CANCELLED');
  });

  it('cancels the training not begun and closes the open 督办通知 with the reason, in one transaction, audited; a session already held stays', async () => {
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInHours: 48 });
    await t.sql(`UPDATE activities SET district = 'DAWA' WHERE id = $1`, [a.id]);
    const [{ id: baoanId }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
    const [{ id: officeId }] = await t.sql(`SELECT id FROM users WHERE username = 'office'`);
    const session = async (hours: number, place: string) =>
      (await t.sql(
        `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, created_by)
         VALUES ($1, now() + make_interval(hours => $2), $3, '王教官', '{LAWS}', 1, $4) RETURNING id`,
        [a.id, hours, place, baoanId],
      ))[0].id as string;
    const held = await session(-3, '一号会议室');
    const coming = await session(5, '二号会议室');
    const attend = (sessionId: string) =>
      t.sql(`INSERT INTO training_attendance (session_id, roster_entry_id) SELECT $1, id FROM roster_entries WHERE activity_id = $2 AND decision = 'PASSED'`, [sessionId, a.id]);
    await attend(held);
    await attend(coming);
    const attendance = async (sessionId: string) => (await t.sql(`SELECT count(*)::int AS n FROM training_attendance WHERE session_id = $1`, [sessionId]))[0].n;
    const [{ id: notice }] = await t.sql(
      `INSERT INTO supervision_notices (activity_id, stage, unit_id, text, due_on, issued_by, issued_at)
       VALUES ($1, 'TRAINING', (SELECT unit_id FROM users WHERE username = 'baoan'), '请按期完成岗前培训', CURRENT_DATE + 1, $2, now()) RETURNING id`,
      [a.id, officeId],
    );

    const notBegun: string[] = (await t.sql(`SELECT id FROM training_sessions WHERE activity_id = $1 AND cancelled_at IS NULL AND starts_at > now() ORDER BY id`, [a.id])).map((r: { id: string }) => r.id);
    const open: string[] = (await t.sql(`SELECT id FROM supervision_notices WHERE activity_id = $1 AND closed_at IS NULL ORDER BY id`, [a.id])).map((r: { id: string }) => r.id);
    expect(notBegun).toContain(coming);
    expect(open).toContain(notice);

    expectData(await dawa.gql(CANCEL, { id: a.id, reason: '主办方撤销活动' }));
    const sessions = await t.sql(`SELECT id, cancelled_at IS NOT NULL AS cancelled, cancel_reason FROM training_sessions WHERE id = ANY($1::uuid[]) ORDER BY starts_at`, [[held, coming]]);
    expect(sessions).toEqual([
      { id: held, cancelled: false, cancel_reason: null },
      { id: coming, cancelled: true, cancel_reason: '活动已取消：主办方撤销活动' },
    ]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1 AND cancelled_at IS NULL AND starts_at > now()`, [a.id]))[0].n).toBe(0);
    // the cancelled session's participants are released (not "待录入" for ever, review 7-B F6); the held one's stay
    expect({ coming: await attendance(coming), held: await attendance(held) }).toEqual({ coming: 0, held: 2 });
    const [n] = await t.sql(`SELECT closed_at IS NOT NULL AS closed, outcome FROM supervision_notices WHERE id = $1`, [notice]);
    expect(n).toEqual({ closed: true, outcome: '活动已取消，督办随之办结：主办方撤销活动' });
    // the notice is no longer answerable
    expect(expectErrorCode(await baoan.gql(ANSWER, { id: notice }), 'CONFLICT').message).toBe('该督办通知已办结');
    const [entry] = await t.sql(`SELECT summary, after FROM audit_log WHERE entity_id = $1 AND summary LIKE '%随之%'`, [a.id]);
    expect(entry.summary).toContain(`未开始的培训${notBegun.length}场随之取消`);
    expect(entry.summary).toContain(`未办结的督办通知${open.length}件随之办结`);
    expect({ sessions: [...entry.after.trainingSessionsCancelled].sort(), notices: [...entry.after.supervisionNoticesClosed].sort() }).toEqual({ sessions: notBegun, notices: open });
  });
});
