import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, PNG, trainAll } from '../../../test/onsite-fixtures';

/**
 * The record of the day stands (review of stop 32, second round): a finding is charged to the company
 * the activity chose, whoever's register the person is on; after the 总结 only a device that was
 * offline may still send what it recorded before it, within 72 hours; a correction made after the
 * 总结 is dated after it; an inspection resent with a photo its first copy lacked is not "the same".
 */
const RECORD = /* GraphQL */ `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id findings { id item companyId photo } } }`;
const CORRECT = /* GraphQL */ `mutation ($id: ID!, $at: DateTimeISO) { correctFinding(findingId: $id, note: "已调离岗位", correctedAt: $at) { id correctedAt } }`;
const NOW = '2031-05-01T10:00:00+08:00';
const HOUR = 3600_000;

describe('the record of the day stands', () => {
  let t: TestApp;
  let baoan: TestClient;
  let companyId: string;
  let otherCompanyId: string;
  let activityId: string;
  let onDuty: { guardId: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    baoan = await t.login('baoan');
    companyId = await createCompanyWithGuards(t, '当日记录保安服务有限公司', 3);
    otherCompanyId = await createCompanyWithGuards(t, '其他记录保安服务有限公司', 1);
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -1 });
    await trainAll(t, a.id);
    activityId = a.id;
    onDuty = a.cleared;
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  const record = (extra: Record<string, unknown>) =>
    baoan.gql(RECORD, { input: { id: randomUUID(), activityId, results: checklist(), recordedAt: t.clock.now().toISOString(), ...extra } });

  it('charges an unvetted person on duty to the activity’s company, not to the company whose register the person is on', async () => {
    const [stranger] = await t.sql(`SELECT id FROM guards WHERE company_id = $1 LIMIT 1`, [otherCompanyId]);
    const { findings } = expectData(await record({ guardId: stranger.id })).recordInspection;
    expect(findings).toEqual([expect.objectContaining({ item: 'UNVETTED_ON_DUTY', companyId })]);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM findings WHERE company_id = $1`, [otherCompanyId]);
    expect(n).toBe(0);
  });

  it('refuses a person’s name or a post with a tab or line break, naming the field; nothing stored (review 5 C-11)', async () => {
    const before = (await t.sql(`SELECT count(*)::int AS n FROM inspections WHERE activity_id = $1`, [activityId]))[0].n;
    const name = expectErrorCode(await record({ personName: '张\t三\n（无证）' }), 'BAD_USER_INPUT');
    expect(name.extensions!.fields).toEqual([{ field: 'personName', message: expect.stringContaining('人员姓名') }]);
    const post = expectErrorCode(await record({ guardId: onDuty[0].guardId, post: '东门\t安检' }), 'BAD_USER_INPUT');
    expect(post.extensions!.fields).toEqual([{ field: 'post', message: expect.stringContaining('岗位') }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM inspections WHERE activity_id = $1`, [activityId]))[0].n).toBe(before);
  });

  it('a resend with a photo its first copy lacked is another record: CONFLICT, and the stored one unchanged', async () => {
    const id = randomUUID();
    const input = { id, activityId, guardId: onDuty[0].guardId, results: checklist(['UNIFORM']), note: '未着制式服装', recordedAt: t.clock.now().toISOString() };
    expectData(await baoan.gql(RECORD, { input }));
    expectData(await baoan.gql(RECORD, { input })); // the same resend: the stored check
    const refused = expectErrorCode(await baoan.gql(RECORD, { input: { ...input, photo: PNG } }), 'CONFLICT');
    expect(refused.message).toContain('不带照片');
    const [{ photos }] = await t.sql(`SELECT count(photo)::int AS photos FROM findings WHERE inspection_id = $1`, [id]);
    expect(photos).toBe(0);
  });

  it('after the 总结: a late sync of what was recorded before it within 72 hours; nothing later, nothing backdated', async () => {
    const [finding] = await t.sql(`SELECT f.id FROM findings f WHERE f.activity_id = $1 AND f.corrected_at IS NULL LIMIT 1`, [activityId]);
    const closedAt = new Date(t.clock.now().getTime() + HOUR);
    await t.sql(`UPDATE activities SET status = 'CLOSED', ends_at = $2::timestamptz - interval '1 hour', closed_at = $2 WHERE id = $1`, [activityId, closedAt]);
    const before = new Date(closedAt.getTime() - 30 * 60_000).toISOString();

    t.clock.set(new Date(closedAt.getTime() + 24 * HOUR).toISOString());
    expectData(await record({ guardId: onDuty[1].guardId, recordedAt: before })); // a day later: the device that was offline

    t.clock.set(new Date(closedAt.getTime() + 20 * 24 * HOUR).toISOString());
    const late = expectErrorCode(await record({ guardId: onDuty[1].guardId, recordedAt: before }), 'CONFLICT');
    expect(late.message).toContain('72小时内');
    const backdated = expectErrorCode(await baoan.gql(CORRECT, { id: finding.id, at: before }), 'BAD_USER_INPUT');
    expect(backdated.message).toContain('不能早于总结时间');
    const [{ corrected }] = await t.sql(`SELECT corrected_at IS NOT NULL AS corrected FROM findings WHERE id = $1`, [finding.id]);
    expect(corrected).toBe(false);
    // Put right since the 总结: dated now, it stands (the company is not held to it for ever).
    expect(expectData(await baoan.gql(CORRECT, { id: finding.id, at: t.clock.now().toISOString() })).correctFinding.correctedAt).toBeTruthy();
  });

  it('a serious problem sent after the 总结 by a device that was offline is told to the office, the detachment, the company and the organizer (review 5 B-F1, 7-B F1)', async () => {
    const closedAt = new Date(t.clock.now().getTime());
    await t.sql(
      `UPDATE activities SET status = 'CLOSED', ends_at = $2, closed_at = $3, organizer_unit_id = (SELECT unit_id FROM users WHERE username = 'organizer1') WHERE id = $1`,
      [activityId, new Date(closedAt.getTime() - 2 * HOUR), closedAt],
    );
    t.clock.set(new Date(closedAt.getTime() + HOUR).toISOString());
    expectData(await record({ personName: '李某（无证人员）', recordedAt: new Date(closedAt.getTime() - 90 * 60_000).toISOString() }));
    const told: { kind: string; body: string }[] = await t.sql(
      `SELECT u.kind, n.body FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1 AND n.title LIKE '总结后补录严重问题%' ORDER BY u.kind`,
      [activityId],
    );
    expect(new Set(told.map((r) => r.kind))).toEqual(new Set(['COMPANY', 'LEADING_GROUP_OFFICE', 'ORGANIZER', 'SECURITY_DETACHMENT']));
    expect(told[0].body).toContain('严重问题1起');
  });

  it('an activity cancelled while in progress takes the checks a phone made before the cancel, within 72 hours, and tells of a serious problem; not a check made after it (review 7-B F4)', async () => {
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -1 });
    await trainAll(t, a.id);
    await t.sql(`UPDATE activities SET started_at = $2, district = 'DAWA' WHERE id = $1`, [a.id, new Date(t.clock.now().getTime() - HOUR)]);
    const cancelledAt = t.clock.now();
    const dawa = await t.login('dawa');
    expectData(await dawa.gql(`mutation ($id: ID!) { cancelActivity(id: $id, reason: "突发大风，活动中止") { status } }`, { id: a.id }));
    t.clock.set(new Date(cancelledAt.getTime() + 2 * HOUR).toISOString());
    const send = (recordedAt: Date) =>
      baoan.gql(RECORD, { input: { id: randomUUID(), activityId: a.id, personName: '王某（无证人员）', results: checklist(), recordedAt: recordedAt.toISOString() } });
    const before = expectData(await send(new Date(cancelledAt.getTime() - 10 * 60_000))).recordInspection;
    expect(before.findings).toHaveLength(1);
    const told = await t.sql(`SELECT title FROM notifications WHERE activity_id = $1 AND title LIKE '取消后补录严重问题%'`, [a.id]);
    expect(told.length).toBeGreaterThan(0);
    expect(expectErrorCode(await send(new Date(cancelledAt.getTime() + 10 * 60_000)), 'CONFLICT').message).toContain('已取消');
    t.clock.set(new Date(cancelledAt.getTime() + 73 * HOUR).toISOString());
    expectErrorCode(await send(new Date(cancelledAt.getTime() - 5 * 60_000)), 'CONFLICT');
    t.clock.set(NOW);
  });

  it('the 总结 and 20 checks at once: a close without a statement never stands beside a serious problem it did not see', async () => {
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -3 });
    await trainAll(t, a.id);
    await t.sql(`UPDATE activities SET ends_at = $2 WHERE id = $1`, [a.id, new Date(t.clock.now().getTime() - HOUR)]);
    const CLOSE = /* GraphQL */ `mutation ($id: ID!) { closeActivity(id: $id, input: { rating: 5, text: "秩序良好，保安员履职到位" }) { status } }`;
    const [closed, ...checks] = await Promise.all([
      baoan.gql(CLOSE, { id: a.id }),
      ...Array.from({ length: 20 }, () =>
        baoan.gql(RECORD, { input: { id: randomUUID(), activityId: a.id, personName: '王某（竞态）', results: checklist(['FORBIDDEN_ACT']), note: '殴打群众', recordedAt: t.clock.now().toISOString() } })),
    ]);
    const accepted = checks.filter((c) => !c.errors).length;
    const [{ notices }] = await t.sql(
      `SELECT count(*)::int AS notices FROM notifications n JOIN units u ON u.id = n.unit_id
        WHERE n.activity_id = $1 AND n.title LIKE '总结后补录严重问题%' AND u.kind = 'SECURITY_DETACHMENT'`,
      [a.id],
    );
    if (!closed.errors) {
      // Closed as "no uncorrected serious problem": every check that got in came after it, as a late
      // sync the detachment was told of; none slipped in unseen beside the close.
      expect(notices).toBe(accepted);
    } else {
      // a check got in first: the close asks for the statement
      expect(closed.errors[0].message).toMatch(/严重问题/);
      expect(accepted).toBeGreaterThan(0);
    }
  });
});
