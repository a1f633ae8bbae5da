import { activityInput, CREATE_ACTIVITY } from '../../test/activity-fixtures';
import { createTestApp, expectData, expectErrorCode, GqlError, GqlResult, TestApp, TestClient } from '../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../test/onsite-fixtures';
import { csvFile, idFor } from '../../test/vetting-fixtures';
import { GUARD_COLUMNS } from '../modules/guards/guard-import.service';

/**
 * Red team 5, L1, L3 and L6 (scripts invis.mjs, blank.mjs, fuzz-guard.mjs, fuzz-train.mjs, fuzz-co.mjs,
 * close.mjs, longtext*.mjs, revoke.mjs): invisible characters the text rule did not know (tags, the Arabic
 * letter mark, variation selectors…), blank-looking ones (Hangul filler “ㅤ” U+3164, braille blank U+2800)
 * and texts that say nothing (“。”) were stored as names, places, reasons, evaluations and 批示. Each
 * entry path now refuses them with a Chinese message naming the field, and stores nothing.
 */

const FORMAT = (label: string) => `${label}含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入`;
const FILLER = (label: string) => `${label}含有看起来像空格的填充字符（如韩文填充符U+3164、盲文空白U+2800），请删除后重新输入`;
const LONE_MARK = (label: string) => `${label}含有单独的组合附加符号（如U+0301），请删除后重新输入`;
const INVISIBLE_ONLY = (label: string) => `${label}只有零宽字符等不可见字符，请填写内容`;
const WORDLESS = (label: string) => `${label}应含有汉字、字母或数字，不能只有符号或表情`;
const NAME = (label: string) => `${label}应为2–30个汉字或字母`;
const SEPARATORS = (label: string) => `${label}中的间隔号“·”、点或空格不能连用`;
const STATEMENT_WORDLESS = '未登记亲属说明应写明未登记父亲或母亲的原因（如已故、不详），不能只有数字或符号';

/** The refusal: BAD_USER_INPUT naming exactly these fields with these messages. */
function refused(result: GqlResult, fields: { field: string; message: string }[]): GqlError {
  const error = expectErrorCode(result, 'BAD_USER_INPUT');
  expect(error.extensions?.fields?.map(({ field, message }) => ({ field, message }))).toEqual(fields);
  expect(error.message).toContain(fields[0].message);
  return error;
}

const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id status cancelReason } }`;
const REPORT = /* GraphQL */ `mutation ($id: ID!) { reportActivity(id: $id) { id status } }`;
const REQUEST = /* GraphQL */ `mutation ($id: ID!, $input: InstructionRequestInput!) { requestInstruction(id: $id, input: $input) { id status } }`;
const APPROVE = /* GraphQL */ `mutation ($id: ID!, $note: String) { approveActivity(id: $id, approved: true, note: $note) { id status approvalNote } }`;
const CLOSE = /* GraphQL */ `mutation ($id: ID!, $input: CloseActivityInput!) { closeActivity(id: $id, input: $input) { id status } }`;
const UPDATE_COMPANY = /* GraphQL */ `mutation ($id: ID!, $input: CompanyInput!) { updateCompany(id: $id, input: $input) { id name } }`;
const COMPANY = /* GraphQL */ `query ($id: ID!) { company(id: $id) { name creditCode licenseNo licenseExpiry registeredCapital address contactName contactPhone district } }`;
const PROFILE = /* GraphQL */ `mutation ($input: CompanyProfileInput!) { updateCompanyProfile(input: $input) { id } }`;
const STATUS = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { setCompanyStatus(id: $id, status: SUSPENDED, reason: $reason) { id status statusReason } }`;
const CREATE_GUARD = /* GraphQL */ `mutation ($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;
const RELATIVES = /* GraphQL */ `mutation ($id: ID!, $relatives: [RelativeInput!]!, $statement: String) {
  setGuardRelatives(guardId: $id, relatives: $relatives, statement: $statement) { id relativesStatement } }`;
const REVOKE = /* GraphQL */ `mutation ($idNumber: String!, $date: String!, $reason: String!) {
  recordCertificateRevocation(idNumber: $idNumber, date: $date, reason: $reason) { id } }`;
const SCHEDULE = /* GraphQL */ `mutation ($id: ID!, $input: ScheduleTrainingInput!) { scheduleTraining(activityId: $id, input: $input) { id instructor place } }`;
const UPDATE_SESSION = /* GraphQL */ `mutation ($id: ID!, $input: UpdateTrainingSessionInput!) { updateTrainingSession(id: $id, input: $input) { id } }`;
const IMPORT_GUARDS = /* GraphQL */ `mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { validRows invalidRows created problems { row column message } } }`;
const CANCEL_SESSION = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelTrainingSession(id: $id, reason: $reason) { id } }`;

/** The characters red-team L1 inserted into an activity's name (invis.mjs), and what each is refused as. */
const INSIDE_A_NAME: [string, string, (label: string) => string][] = [
  ['tag U+E0041', '\u{e0041}', FORMAT],
  ['interlinear annotation anchor U+FFF9', '\ufff9', FORMAT],
  ['shorthand format U+1BCA0', '\u{1bca0}', FORMAT],
  ['musical format U+1D173', '\u{1d173}', FORMAT],
  ['Arabic letter mark U+061C', '\u061c', FORMAT],
  ['Mongolian vowel separator U+180E', '\u180e', FORMAT],
  ['invisible times U+2062', '\u2062', FORMAT],
  ['variation selector U+FE00', '\ufe00', FORMAT],
  ['variation selector U+FE0F', '\ufe0f', FORMAT],
  ['variation selector U+E0100', '\u{e0100}', FORMAT],
  ['combining grapheme joiner U+034F', '\u034f', FORMAT],
  ['Khmer inherent vowel U+17B4', '\u17b4', FORMAT],
  ['combining acute U+0301', '\u0301', LONE_MARK],
  ['Hangul filler U+3164', '\u3164', FILLER],
  ['Hangul filler U+115F', '\u115f', FILLER],
  ['halfwidth Hangul filler U+FFA0', '\uffa0', FILLER],
  ['two halfwidth Hangul fillers', '\uffa0\uffa0', FILLER],
];

describe('invisible and blank-looking text is refused on every entry path, nothing stored (red team 5, L1, L3, L6)', () => {
  let t: TestApp, dawa: TestClient, baoan: TestClient, leader: TestClient, company1: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    [dawa, baoan, leader, company1] = [await t.login('dawa'), await t.login('baoan'), await t.login('leader'), await t.login('company1')];
  });
  afterAll(() => t?.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.sql(sql, params))[0].n as number;

  it('activity name, venue and type: each invisible or blank-looking character of L1 is refused; a name that looks empty too (L1)', async () => {
    const activities = () => count(`SELECT count(*)::int AS n FROM activities`);
    const before = await activities();
    const name = `隐形字符测试${Date.now() % 100_000}`;
    for (const [what, ch, message] of INSIDE_A_NAME) {
      const input = activityInput({ name: `${name.slice(0, 3)}${ch}${name.slice(3)}` });
      expect({ what, result: refused(await dawa.gql(CREATE_ACTIVITY, { input }), [{ field: 'name', message: message('活动名称') }]).extensions?.code }).toEqual({ what, result: 'BAD_USER_INPUT' });
    }
    // blank.mjs: a name, venue and type that look empty
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '\u3164\u3164\u3164' }) }), [{ field: 'name', message: INVISIBLE_ONLY('活动名称') }]);
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '\u2800\u2800\u2800' }) }), [{ field: 'name', message: INVISIBLE_ONLY('活动名称') }]);
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '\u{e0020}\u{e0020}\u{e0020}' }) }), [{ field: 'name', message: INVISIBLE_ONLY('活动名称') }]);
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ venue: '\u3164\u3164' }) }), [{ field: 'venue', message: INVISIBLE_ONLY('场所') }]);
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ type: '\u2800\u2800' }) }), [{ field: 'type', message: INVISIBLE_ONLY('活动类型') }]);
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ venue: '体育场\u3164' }) }), [{ field: 'venue', message: FILLER('活动场所') }]);
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ type: '演唱会\u{e0041}' }) }), [{ field: 'type', message: FORMAT('活动类型') }]);
    refused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ type: '。。' }) }), [{ field: 'type', message: WORDLESS('活动类型') }]);
    expect(await activities()).toBe(before);
    // the same name as typed is an activity
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name }) }));
    expect(await activities()).toBe(before + 1);
  });

  it('cancellation reason, 请示 and 批示 that look empty or say nothing are refused; the activity stays as it was (L6)', async () => {
    const [{ unit_id: organizerUnitId }] = await t.sql(`SELECT unit_id FROM users WHERE username = 'organizer1'`);
    const draft = expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '空白原因测试节', organizerUnitId }) })).createActivity;
    const row = async () => (await t.sql(`SELECT status, cancel_reason, approval_note, version FROM activities WHERE id = $1`, [draft.id]))[0];
    const drafted = await row();
    refused(await dawa.gql(CANCEL, { id: draft.id, reason: '\u3164\u3164' }), [{ field: 'reason', message: INVISIBLE_ONLY('取消原因') }]);
    refused(await dawa.gql(CANCEL, { id: draft.id, reason: '\u2800' }), [{ field: 'reason', message: INVISIBLE_ONLY('取消原因') }]);
    refused(await dawa.gql(CANCEL, { id: draft.id, reason: '。' }), [{ field: 'reason', message: WORDLESS('取消原因') }]);
    expect(await row()).toEqual(drafted);

    expectData(await dawa.gql(REPORT, { id: draft.id }));
    const reported = await row();
    const instruction = { scale: '中型', staffing: '按配比', proposedCandidates: 3 };
    refused(await baoan.gql(REQUEST, { id: draft.id, input: { ...instruction, staffing: '\u3164' } }), [{ field: 'staffing', message: INVISIBLE_ONLY('人员配备意见') }]);
    refused(await baoan.gql(REQUEST, { id: draft.id, input: { ...instruction, scale: '……' } }), [{ field: 'scale', message: WORDLESS('规模研判') }]);
    expect(await row()).toEqual(reported);
    expect(await count(`SELECT count(*)::int AS n FROM instruction_requests WHERE activity_id = $1`, [draft.id])).toBe(0);

    expectData(await baoan.gql(REQUEST, { id: draft.id, input: instruction }));
    const requested = await row();
    refused(await leader.gql(APPROVE, { id: draft.id, note: '\u3164' }), [{ field: 'note', message: INVISIBLE_ONLY('批示') }]);
    refused(await leader.gql(APPROVE, { id: draft.id, note: '。' }), [{ field: 'note', message: WORDLESS('批示') }]);
    expect(await row()).toEqual(requested);
    expect(expectData(await leader.gql(APPROVE, { id: draft.id, note: '同意' })).approveActivity).toMatchObject({ status: 'APPROVED', approvalNote: '同意' });
  });

  it('a closing evaluation that looks empty or says nothing is refused; the activity stays in progress (L6, close.mjs)', async () => {
    const companyId = await createCompanyWithGuards(t, '总结评价测试保安服务有限公司', 1);
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 1, cleared: 1, startsInHours: -10 });
    const row = async () => (await t.sql(`SELECT status, evaluation_text, close_statement, closed_at FROM activities WHERE id = $1`, [a.id]))[0];
    const before = await row();
    refused(await baoan.gql(CLOSE, { id: a.id, input: { rating: 4, text: '\u3164\u3164' } }), [{ field: 'text', message: INVISIBLE_ONLY('总结评价') }]);
    refused(await baoan.gql(CLOSE, { id: a.id, input: { rating: 4, text: '\u2800' } }), [{ field: 'text', message: INVISIBLE_ONLY('总结评价') }]);
    refused(await baoan.gql(CLOSE, { id: a.id, input: { rating: 4, text: '。' } }), [{ field: 'text', message: WORDLESS('总结评价') }]);
    refused(await baoan.gql(CLOSE, { id: a.id, input: { rating: 4, text: '整体情况良好', uncorrectedStatement: '\u3164\u3164' } }), [
      { field: 'uncorrectedStatement', message: INVISIBLE_ONLY('未纠正说明') },
    ]);
    expect(await row()).toEqual(before);
    expect(before.status).toBe('IN_PROGRESS');
    expect(expectData(await baoan.gql(CLOSE, { id: a.id, input: { rating: 4, text: '整体情况良好' } })).closeActivity.status).toBe('CLOSED');
  });

  it('company name, licence number and 住所 with invisible or blank-looking characters are refused; the register is unchanged (L1, L6, fuzz-co.mjs)', async () => {
    const [{ id: companyId }] = await t.sql(`SELECT id FROM companies WHERE name = '盘锦红海滩保安服务有限公司'`);
    const current = expectData(await baoan.gql(COMPANY, { id: companyId })).company;
    const base = { ...current, registeredCapital: Number(current.registeredCapital) };
    refused(await baoan.gql(UPDATE_COMPANY, { id: companyId, input: { ...base, name: `${current.name.slice(0, 2)}\u061c${current.name.slice(2)}` } }), [
      { field: 'name', message: FORMAT('公司名称') },
    ]);
    refused(await baoan.gql(UPDATE_COMPANY, { id: companyId, input: { ...base, licenseNo: `${current.licenseNo}\u{e0041}` } }), [
      { field: 'licenseNo', message: FORMAT('保安服务许可证号') },
    ]);
    refused(await baoan.gql(UPDATE_COMPANY, { id: companyId, input: { ...base, address: '\u3164\u3164' } }), [{ field: 'address', message: INVISIBLE_ONLY('地址') }]);
    refused(await baoan.gql(UPDATE_COMPANY, { id: companyId, input: { ...base, address: '盘锦市\u3164兴隆台区' } }), [{ field: 'address', message: FILLER('住所') }]);
    expect(expectData(await baoan.gql(COMPANY, { id: companyId })).company).toEqual(current);

    // the company's own profile: 住所 and contact person (a person's name)
    const own = async () => (await t.sql(`SELECT address, contact_name, version FROM companies WHERE id = (SELECT unit_id FROM users WHERE username = 'company1')`))[0];
    const mine = await own();
    const profile = { address: mine.address, contactName: mine.contact_name, contactPhone: '13900000000' };
    refused(await company1.gql(PROFILE, { input: { ...profile, address: '\u3164' } }), [{ field: 'address', message: INVISIBLE_ONLY('地址') }]);
    refused(await company1.gql(PROFILE, { input: { ...profile, contactName: '··' } }), [{ field: 'contactName', message: NAME('联系人') }]);
    refused(await company1.gql(PROFILE, { input: { ...profile, contactName: '张··经理' } }), [{ field: 'contactName', message: SEPARATORS('联系人') }]);
    refused(await company1.gql(PROFILE, { input: { ...profile, contactName: '\u3164\u3164' } }), [{ field: 'contactName', message: INVISIBLE_ONLY('联系人') }]);
    expect(await own()).toEqual(mine);
  });

  it('a company status reason that looks empty or says nothing is refused; the company stays active (L6)', async () => {
    const companyId = await createCompanyWithGuards(t, '状态原因测试保安服务有限公司', 0);
    refused(await baoan.gql(STATUS, { id: companyId, reason: '\u3164' }), [{ field: 'reason', message: INVISIBLE_ONLY('变更状态的原因') }]);
    refused(await baoan.gql(STATUS, { id: companyId, reason: '。' }), [{ field: 'reason', message: WORDLESS('变更状态的原因') }]);
    expect((await t.sql(`SELECT status, status_reason FROM companies WHERE id = $1`, [companyId]))[0]).toEqual({ status: 'ACTIVE', status_reason: null });
    expect(expectData(await baoan.gql(STATUS, { id: companyId, reason: '违规经营，停业整顿' })).setCompanyStatus.status).toBe('SUSPENDED');
  });

  it('a guard named with separators only or in a row, or with a statement that looks empty or says nothing, is not registered (L3, fuzz-guard.mjs)', async () => {
    const company1Id = (await t.sql(`SELECT unit_id FROM users WHERE username = 'company1'`))[0].unit_id;
    const guards = () => count(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1`, [company1Id]);
    const before = await guards();
    const guard = (over: Record<string, unknown>) => ({
      name: '测试保安',
      idNumber: idFor('1990-03-15'),
      education: 'SENIOR_MIDDLE',
      relatives: [{ relation: 'FATHER', name: '测试父', idNumber: idFor('1960-03-15') }, { relation: 'MOTHER', name: '测试母', idNumber: idFor('1962-03-15', true) }],
      ...over,
    });
    for (const [name, message] of [
      ['··', NAME('姓名')],
      ['.....', NAME('姓名')],
      ['张     三', SEPARATORS('姓名')],
      ['·张三', '姓名不能以“·”开头'],
      ['张\u3164三', FILLER('姓名')],
      ['\u3164\u3164', INVISIBLE_ONLY('姓名')],
    ]) {
      refused(await company1.gql(CREATE_GUARD, { input: guard({ name }) }), [{ field: 'name', message }]);
    }
    for (const [statement, message] of [
      ['\u3164\u3164', INVISIBLE_ONLY('未登记亲属说明')],
      ['\u200b', INVISIBLE_ONLY('未登记亲属说明')],
      ['。', STATEMENT_WORDLESS],
      ['1', STATEMENT_WORDLESS],
    ]) {
      refused(await company1.gql(CREATE_GUARD, { input: guard({ relatives: [], relativesStatement: statement }) }), [{ field: 'relativesStatement', message }]);
    }
    expect(await guards()).toBe(before);

    // setGuardRelatives: the statement named in Chinese, the guard's statement unchanged
    const created = expectData(await company1.gql(CREATE_GUARD, { input: guard({ name: '阿依古丽·买买提', relatives: [], relativesStatement: '父母已故' }) })).createGuard;
    for (const [statement, message] of [['\u3164', INVISIBLE_ONLY('未登记亲属说明')], ['\u2800\u2800', INVISIBLE_ONLY('未登记亲属说明')], ['。', STATEMENT_WORDLESS]]) {
      refused(await company1.gql(RELATIVES, { id: created.id, relatives: [], statement }), [{ field: 'statement', message }]);
    }
    expect((await t.sql(`SELECT relatives_statement FROM guards WHERE id = $1`, [created.id]))[0].relatives_statement).toBe('父母已故');

    // the register import: the same rules, each bad cell reported, nothing stored
    const row = (values: Record<string, string>) => GUARD_COLUMNS.map((c) => values[c] ?? '');
    const file = csvFile('名册.csv', [
      GUARD_COLUMNS,
      row({ 姓名: '··', 身份证号: idFor('1990-04-01'), 学历: '高中', 未登记亲属说明: '父母已故' }),
      row({ 姓名: '张     三', 身份证号: idFor('1990-04-02'), 学历: '高中', 未登记亲属说明: '父母已故' }),
      row({ 姓名: '王五', 身份证号: idFor('1990-04-03'), 学历: '高中', 未登记亲属说明: '\u3164\u3164' }),
      row({ 姓名: '赵六', 身份证号: idFor('1990-04-04'), 学历: '高中', 未登记亲属说明: '。' }),
    ]);
    const imported = expectData(await company1.gql(IMPORT_GUARDS, { input: { file, mode: 'COMMIT' } })).importGuards;
    expect(imported).toMatchObject({ validRows: 0, invalidRows: 4, created: 0 });
    expect(imported.problems).toEqual([
      { row: 2, column: '姓名', message: NAME('姓名') },
      { row: 3, column: '姓名', message: SEPARATORS('姓名') },
      { row: 4, column: '未登记亲属说明', message: INVISIBLE_ONLY('未登记亲属说明') },
      { row: 5, column: '未登记亲属说明', message: STATEMENT_WORDLESS },
    ]);
    expect(await guards()).toBe(before + 1);
  });

  it('a certificate revocation reason that looks empty or says nothing is refused; nothing recorded (L6, revoke.mjs)', async () => {
    const revocations = () => count(`SELECT count(*)::int AS n FROM certificate_revocations`);
    const before = await revocations();
    const idNumber = idFor('1985-01-01');
    refused(await baoan.gql(REVOKE, { idNumber, date: '2024-11-01', reason: '\u3164' }), [{ field: 'reason', message: INVISIBLE_ONLY('吊销原因') }]);
    refused(await baoan.gql(REVOKE, { idNumber, date: '2024-11-01', reason: '。' }), [{ field: 'reason', message: WORDLESS('吊销原因') }]);
    expect(await revocations()).toBe(before);
  });

  it('a training instructor is a person; place and cancellation reason refuse invisible and blank-looking text; nothing scheduled (L1, L3, L6, fuzz-train.mjs)', async () => {
    const companyId = await createCompanyWithGuards(t, '授课人测试保安服务有限公司', 2);
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 5 });
    const sessions = () => count(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [a.id]);
    const day = new Date(t.clock.now().getTime() + 2 * 86_400_000);
    day.setUTCHours(2, 0, 0, 0); // 10:00 in Beijing, two days ahead
    const startsAt = day.toISOString();
    const input = { startsAt, place: '市局培训中心', instructor: '李教官', topics: ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], periods: 4, isMakeup: false };
    for (const [instructor, message] of [
      ['\u3164\u3164', INVISIBLE_ONLY('授课人')],
      ['··', NAME('授课人')],
      ['=1+1', NAME('授课人')],
      ['李\u3164教官', FILLER('授课人')],
    ]) {
      refused(await baoan.gql(SCHEDULE, { id: a.id, input: { ...input, instructor } }), [{ field: 'instructor', message }]);
    }
    refused(await baoan.gql(SCHEDULE, { id: a.id, input: { ...input, place: '市局\u061c培训中心' } }), [{ field: 'place', message: FORMAT('培训地点') }]);
    refused(await baoan.gql(SCHEDULE, { id: a.id, input: { ...input, place: '\u2800' } }), [{ field: 'place', message: INVISIBLE_ONLY('地点') }]);
    expect(await sessions()).toBe(0);

    const session = expectData(await baoan.gql(SCHEDULE, { id: a.id, input })).scheduleTraining;
    expect(session).toMatchObject({ instructor: '李教官', place: '市局培训中心' });
    const { isMakeup: _, ...update } = input;
    refused(await baoan.gql(UPDATE_SESSION, { id: session.id, input: { ...update, instructor: '··' } }), [{ field: 'instructor', message: NAME('授课人') }]);
    refused(await baoan.gql(CANCEL_SESSION, { id: session.id, reason: '\u3164\u3164' }), [{ field: 'reason', message: INVISIBLE_ONLY('取消原因') }]);
    refused(await baoan.gql(CANCEL_SESSION, { id: session.id, reason: '。' }), [{ field: 'reason', message: WORDLESS('取消原因') }]);
    expect((await t.sql(`SELECT instructor, cancelled_at FROM training_sessions WHERE id = $1`, [session.id]))[0]).toEqual({ instructor: '李教官', cancelled_at: null });
  });
});
