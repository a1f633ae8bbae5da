import { randomUUID } from 'node:crypto';
import { activityInput, CREATE_ACTIVITY } from '../../test/activity-fixtures';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../test/onsite-fixtures';
import { csvFile } from '../../test/vetting-fixtures';
import { MAX_TEXT_LENGTH } from './input-guard';

/**
 * Red team 5, L5 and L2: texts whose length nobody checked (a cancellation reason of 300,000 characters
 * stored and sent to every unit notified; an inspection result's note of 100,000 characters, its
 * "不超过500字" never applied because the nested input was not validated), and refusals that named
 * the field by its code path ("plan.posts …", "开始时间（i.startsAt）…"). Each refused, nothing stored.
 */
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id status } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`;
const IMPORT_GUARDS = /* GraphQL */ `mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { totalRows } }`;

describe('texts have a length, and refusals name the field in Chinese (red team 5, L5 and L2)', () => {
  let t: TestApp, dawa: TestClient, baoan: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    [dawa, baoan] = [await t.login('dawa'), await t.login('baoan')];
  });
  afterAll(() => t?.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.sql(sql, params))[0].n as number;

  it('a cancellation reason over 500 characters, of 300,000, or formula-like is refused; the draft stays, nobody is notified', async () => {
    const draft = expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '取消原因长度测试节' }) })).createActivity;
    const notices = () => count(`SELECT count(*)::int AS n FROM notifications WHERE activity_id = $1`, [draft.id]);
    const before = await notices();
    expect(expectErrorCode(await dawa.gql(CANCEL, { id: draft.id, reason: '长'.repeat(501) }), 'BAD_USER_INPUT').message).toBe('取消原因不超过500字');
    const huge = expectErrorCode(await dawa.gql(CANCEL, { id: draft.id, reason: '长'.repeat(300_000) }), 'BAD_USER_INPUT');
    expect(huge.message).toMatch(new RegExp(`^输入有误：(取消)?原因过长（300000字），任何一项内容都不能超过${MAX_TEXT_LENGTH}字$`));
    expect(huge.extensions?.fields).toEqual([{ field: 'reason', message: expect.stringContaining('过长（300000字）') }]);
    expect(expectErrorCode(await dawa.gql(CANCEL, { id: draft.id, reason: '=HYPERLINK("http://x","点我")' }), 'BAD_USER_INPUT').message).toContain('取消原因不能以“=”开头');
    const [a] = await t.sql(`SELECT status, cancel_reason FROM activities WHERE id = $1`, [draft.id]);
    expect(a).toEqual({ status: 'DRAFT', cancel_reason: null });
    expect(await notices()).toBe(before);
    // 500 characters are a reason
    expect(expectData(await dawa.gql(CANCEL, { id: draft.id, reason: '因'.repeat(500) })).cancelActivity.status).toBe('CANCELLED');
    // a draft was never reported: the detachment and the office, who never received it, are not told it is cancelled
    const told: { kind: string }[] = await t.sql(`SELECT u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1`, [draft.id]);
    expect(told.filter((u) => ['SECURITY_DETACHMENT', 'LEADING_GROUP_OFFICE'].includes(u.kind))).toEqual([]);
  });

  it('an inspection result’s note over 500 characters is refused naming the item, nothing stored; over the cap, by the cap', async () => {
    const companyId = await createCompanyWithGuards(t, '备注长度保安服务有限公司', 2);
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 1, cleared: 2, startsInHours: -1 });
    await trainAll(t, a.id);
    const results = checklist().map((r: { item: string }, i: number) => (i === 0 ? { ...r, compliant: false, note: 'x'.repeat(501) } : r));
    const input = { id: randomUUID(), activityId: a.id, guardId: a.cleared[0].guardId, results, recordedAt: t.clock.now().toISOString() };
    const refused = expectErrorCode(await baoan.gql(RECORD, { input }), 'BAD_USER_INPUT');
    expect(refused.message).toContain('问题说明不超过500字');
    const huge = { ...input, results: results.map((r: object, i: number) => (i === 0 ? { ...r, note: 'x'.repeat(100_000) } : r)) };
    expect(expectErrorCode(await baoan.gql(RECORD, { input: huge }), 'BAD_USER_INPUT').message).toBe(`输入有误：问题说明（第1项）过长（100000字），任何一项内容都不能超过${MAX_TEXT_LENGTH}字`);
    expect(await count(`SELECT count(*)::int AS n FROM inspections WHERE activity_id = $1`, [a.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.activity_id = $1`, [a.id])).toBe(0);
  });

  it('a guard import’s file name is checked inside the import’s input (nested validation)', async () => {
    const company = await t.login('company1');
    const file = { ...csvFile('名册.csv', [['姓名', '身份证号', '学历']]), name: `${'名'.repeat(300)}.csv` };
    expect(expectErrorCode(await company.gql(IMPORT_GUARDS, { input: { file, mode: 'PREVIEW' } }), 'BAD_USER_INPUT').message).toContain('文件名应为1至255个字符');
  });

  it('plan texts refused name the field in Chinese; the activity type refuses formula-like text; a bad date names the field without the variable', async () => {
    const invisible = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ plan: { posts: '\u200b' } }) }), 'BAD_USER_INPUT');
    expect(invisible.message).toBe('输入有误：岗位分工只有零宽字符等不可见字符，请填写内容');
    const nul = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ plan: { emergencyPlan: 'a\u0000b' } }) }), 'BAD_USER_INPUT');
    expect(nul.message).toBe('输入有误：应急救援预案含有不允许的控制字符（NUL）');
    const formula = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ type: '=1+2' }) }), 'BAD_USER_INPUT');
    expect(formula.message).toContain('活动类型不能以“=”开头');
    const planFormula = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ plan: { posts: '=cmd|calc!A0' } }) }), 'BAD_USER_INPUT');
    expect(planFormula.message).toContain('岗位分工不能以“=”开头');
    const badDate = await dawa.gql(`mutation ($i: ActivityInput!) { createActivity(input: $i) { id } }`, { i: activityInput({ startsAt: '2026-13-45T99:00' }) });
    expect(expectErrorCode(badDate, 'BAD_USER_INPUT').message).toBe('输入有误：开始时间日期时间无效，应为 ISO 8601 格式，如 2026-05-01T09:00:00+08:00');
    for (const name of ['=1+2', '=cmd|calc!A0']) expect(await count(`SELECT count(*)::int AS n FROM activities WHERE type = $1 OR plan->>'posts' = $1`, [name])).toBe(0);
  });

  it('a value of the wrong type or a missing field names the field in Chinese, never the client’s variable (red team 6, L2)', async () => {
    const session = await dawa.gql(`mutation ($a: ID!, $i: ScheduleTrainingInput!) { scheduleTraining(activityId: $a, input: $i) { id } }`, {
      a: randomUUID(),
      i: { startsAt: t.clock.now().toISOString(), place: '市公安局培训中心', instructor: '王教官', topics: ['LAW'], periods: 2 },
    });
    const topic = expectErrorCode(session, 'BAD_USER_INPUT').message;
    expect(topic).toMatch(/^输入有误：培训科目（第1项）“LAW”不是有效的培训科目/);
    const unit = await dawa.gql(`mutation ($i: CreateUnitInput!) { createUnit(input: $i) { unit { id } } }`, { i: { kind: 'ORGANIZER' } });
    const missing = expectErrorCode(unit, 'BAD_USER_INPUT').message;
    expect(missing).toMatch(/^输入有误：缺少必填字段“[^a-zA-Z”]+”$/);
    for (const m of [topic, missing]) expect(m).not.toMatch(/\bi\b|i\.topics|i\.company/);
  });

  it('a quote note and an account’s name refuse formula-like or meaningless text (red team 6, L3); nothing stored', async () => {
    const organizer = await t.login('organizer1');
    const QUOTE = `mutation ($a: ID!, $c: ID!, $n: String) { submitQuote(activityId: $a, companyId: $c, amount: 100000, note: $n) { companyId } }`;
    expect(expectErrorCode(await organizer.gql(QUOTE, { a: randomUUID(), c: randomUUID(), n: '=1+1' }), 'BAD_USER_INPUT').message).toContain('报价说明不能以“=”开头');
    expect(expectErrorCode(await organizer.gql(QUOTE, { a: randomUUID(), c: randomUUID(), n: '。' }), 'BAD_USER_INPUT').message).toContain('报价说明应含有汉字、字母或数字');
    const admin = await t.login('admin');
    const [{ unit_id: unitId }] = await t.sql(`SELECT unit_id FROM users WHERE username = 'panshan'`);
    const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
    for (const displayName of ['··', '=1+1']) {
      const r = await admin.gql(CREATE_USER, { input: { username: 'l3_name', displayName, role: 'DISTRICT_BUREAU', unitId, initialPassword: 'Start2026a' } });
      const fields = expectErrorCode(r, 'BAD_USER_INPUT').extensions!.fields!;
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) expect(f).toEqual({ field: 'displayName', message: expect.stringMatching(/^姓名/) });
    }
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE username = 'l3_name'`)).toBe(0);
  });
});
