import { addDays, addYears, todayCN } from './calendar';
import { idHash } from './pii';
import { createTestApp, expectData, expectErrorCode, GqlResult, TestApp, TestClient } from '../../test/harness';
import { activityInput, CREATE_ACTIVITY, unitIdOf, unquotedCandidate } from '../../test/activity-fixtures';
import { createActivityWithRoster, createCompanyWithGuards } from '../../test/onsite-fixtures';
import { idFor, unitOf } from '../../test/vetting-fixtures';

/**
 * Input that would be stored as something other than what was meant is refused, naming the field
 * (and row), and nothing is stored: text of nothing but whitespace, control characters in a name,
 * a quote below the fen, an over-long post, a relative born in the future, a 保安员证 issued before
 * its holder could hold one. Never clamped, rounded or trimmed into something else.
 */

/** The BAD_USER_INPUT answer, checked to name `field` with a message containing `says`. */
function expectRefused(result: GqlResult, field: string, says: string | RegExp) {
  const error = expectErrorCode(result, 'BAD_USER_INPUT');
  const named = error.extensions?.fields?.filter((f) => f.field === field) ?? [];
  expect({ field, messages: named.map((f) => f.message) }).toEqual({ field, messages: expect.arrayContaining([expect.stringMatching(says)]) });
  expect(error.message).toMatch(says);
  return error;
}

const BLANKS = ['   ', '\t', '\u3000\u3000', ' \n '];

const UPDATE_ACTIVITY = /* GraphQL */ `
  mutation ($id: ID!, $input: ActivityInput!) { updateActivity(id: $id, input: $input) { id name venue plan { posts } } }
`;
const CREATE_USER = /* GraphQL */ `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const QUOTE = /* GraphQL */ `
  mutation ($id: ID!, $c: ID!, $amount: Float!, $note: String) { submitQuote(activityId: $id, companyId: $c, amount: $amount, note: $note) { companyId quote } }
`;
const SUBMIT_ROSTER = /* GraphQL */ `
  mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id post } } }
`;
const REPLACE = /* GraphQL */ `
  mutation ($entryId: ID!, $guardId: ID!, $post: String) { replaceRosterEntry(entryId: $entryId, guardId: $guardId, post: $post) { id post } }
`;
const CREATE_GUARD = /* GraphQL */ `mutation ($input: CreateGuardInput!) { createGuard(input: $input) { id name certificateIssuedOn } }`;
const SET_RELATIVES = /* GraphQL */ `
  mutation ($guardId: ID!, $relatives: [RelativeInput!]!) { setGuardRelatives(guardId: $guardId, relatives: $relatives) { id } }
`;

describe('refused input', () => {
  let t: TestApp;
  let dawa: TestClient;
  const today = todayCN();
  beforeAll(async () => {
    t = await createTestApp();
    dawa = await t.login('dawa');
  });
  afterAll(() => t?.close());

  const activityCount = async () => Number((await t.sql(`SELECT count(*)::int AS n FROM activities`))[0].n);

  describe('text of nothing but whitespace', () => {
    it.each([
      ['name', '请填写活动名称'],
      ['type', '请填写活动类型'],
      ['organizerName', '请填写主办单位'],
      ['venue', '请填写活动场所'],
      ['address', '请填写详细地址'],
      ['contactName', '请填写联系人'],
    ])('createActivity refuses a blank %s (spaces, tab, full-width spaces, line break) and stores nothing', async (field, message) => {
      const before = await activityCount();
      for (const blank of BLANKS) {
        expectRefused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ [field]: blank }) }), field, message);
      }
      expect(await activityCount()).toBe(before);
    });

    it('createActivity refuses a plan item of nothing but whitespace (an empty one is simply not given)', async () => {
      const before = await activityCount();
      for (const blank of BLANKS) {
        expectRefused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ plan: { posts: blank } }) }), 'plan.posts', '岗位分工不能只填空格');
      }
      expectRefused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ undertakerName: '\u3000' }) }), 'undertakerName', '承办单位名称不能只填空格');
      expect(await activityCount()).toBe(before);
      const created = expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '留空方案项', plan: { posts: '', emergencyPlan: '设医疗点' } }) })).createActivity;
      const [row] = await t.sql(`SELECT plan FROM activities WHERE id = $1`, [created.id]);
      expect(row.plan).toEqual({ emergencyPlan: '设医疗点' });
    });

    it('createActivity refuses a tab or line break inside a single-line field', async () => {
      const before = await activityCount();
      expectRefused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '音乐\t节' }) }), 'name', '活动名称不能包含制表符、换行等控制字符');
      expectRefused(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ venue: '体育场\n东区' }) }), 'venue', '活动场所不能包含');
      expect(await activityCount()).toBe(before);
    });

    it('updateActivity refuses blank text and leaves the activity as it was', async () => {
      const organizerUnitId = await unitIdOf(t, 'organizer1');
      const created = expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '修改前', organizerUnitId }) })).createActivity;
      const stored = async () => (await t.sql(`SELECT name, type, venue, address, contact_name, plan, version FROM activities WHERE id = $1`, [created.id]))[0];
      const before = await stored();
      for (const [field, message] of [['name', '请填写活动名称'], ['venue', '请填写活动场所'], ['contactName', '请填写联系人']]) {
        expectRefused(await dawa.gql(UPDATE_ACTIVITY, { id: created.id, input: activityInput({ organizerUnitId, [field]: '\u3000\u3000' }) }), field, message);
      }
      expectRefused(await dawa.gql(UPDATE_ACTIVITY, { id: created.id, input: activityInput({ organizerUnitId, plan: { posts: '   ' } }) }), 'plan.posts', '岗位分工');
      expect(await stored()).toEqual(before);
      expect(await t.sql(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [created.id])).toHaveLength(0);
    });

    it('createUser refuses a blank name and opens no account', async () => {
      const admin = await t.login('admin');
      const input = { username: 'blank_name', displayName: '\u3000 ', role: 'SECURITY_DETACHMENT', unitId: await unitOf(t, 'baoan'), initialPassword: 'Start2026a' };
      expectRefused(await admin.gql(CREATE_USER, { input }), 'displayName', '请输入姓名');
      expectRefused(await admin.gql(CREATE_USER, { input: { ...input, displayName: '张\t三' } }), 'displayName', '姓名不能包含');
      expect(await t.sql(`SELECT 1 FROM users WHERE username = 'blank_name'`)).toHaveLength(0);
    });
  });

  describe('submitQuote', () => {
    it('refuses an amount below the fen (1e-9 is not 0.00) or not above 0, storing no quote and no audit entry', async () => {
      const c = await unquotedCandidate(t);
      const organizer = await t.login(c.username);
      for (const [amount, says] of [
        [1e-9, '报价最多精确到分（两位小数）'],
        [0.001, '报价最多精确到分（两位小数）'],
        [1200.125, '报价最多精确到分（两位小数）'],
        [100000.0000001, '报价最多精确到分（两位小数）'],
        [0, '报价应为大于0的金额（元）'],
        [-0.01, '报价应为大于0的金额（元）'],
      ] as const) {
        expectRefused(await organizer.gql(QUOTE, { id: c.id, c: c.company_id, amount }), 'amount', says);
      }
      const [row] = await t.sql(`SELECT quote, quoted_at FROM activity_candidates WHERE activity_id = $1 AND company_id = $2`, [c.id, c.company_id]);
      expect(row).toEqual({ quote: null, quoted_at: null });
      expect(await t.sql(`SELECT 1 FROM audit_log WHERE entity_type = 'Candidate' AND entity_id = $1`, [c.id])).toHaveLength(0);
      expect(expectData(await organizer.gql(QUOTE, { id: c.id, c: c.company_id, amount: 0.01 })).submitQuote.quote).toBe(0.01);
    });
  });

  describe('roster posts', () => {
    it('submitRoster and replaceRosterEntry refuse a post over 50 characters or with a line break, like 岗位分工; nothing joins the roster', async () => {
      const companyId = await createCompanyWithGuards(t, '岗位校验保安服务有限公司', 4, { username: 'post_co' });
      const a = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 3, cleared: 0, failed: 1 });
      const company = await t.login('post_co');
      const guards: { id: string }[] = await t.sql(
        `SELECT id FROM guards WHERE company_id = $1 AND id NOT IN (SELECT guard_id FROM roster_entries WHERE activity_id = $2) ORDER BY id`,
        [companyId, a.id],
      );
      const entries = async () => t.sql(`SELECT guard_id, post, state FROM roster_entries WHERE activity_id = $1 ORDER BY created_at, id`, [a.id]);
      const before = await entries();

      expectRefused(await company.gql(SUBMIT_ROSTER, { input: { activityId: a.id, guardIds: [guards[0].id], posts: ['岗'.repeat(51)] } }), 'posts.0', '第1行岗位名称不超过50字');
      // over what any text may hold (common/input-guard.ts), refused before the roster's own rule
      expectRefused(await company.gql(SUBMIT_ROSTER, { input: { activityId: a.id, guardIds: [guards[0].id], posts: ['岗'.repeat(20_000)] } }), 'posts.0', '岗位（第1项）过长（20000字）');
      expectRefused(
        await company.gql(SUBMIT_ROSTER, { input: { activityId: a.id, guardIds: [guards[0].id, guards[1].id], posts: ['东门', '西门\n安检'] } }),
        'posts.1',
        '第2行岗位名称不能包含',
      );
      const [failed] = await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [a.id]);
      expectRefused(await company.gql(REPLACE, { entryId: failed.id, guardId: guards[0].id, post: '岗'.repeat(51) }), 'post', '岗位名称不超过50字');
      expect(await entries()).toEqual(before);

      // At the limit, accepted; a blank post is no post (null), never an empty string.
      const ok = expectData(await company.gql(SUBMIT_ROSTER, { input: { activityId: a.id, guardIds: [guards[0].id, guards[1].id], posts: ['岗'.repeat(50), '\u3000 '] } }));
      expect(ok.submitRoster.entries.map((e: { post: string | null }) => e.post).sort()).toEqual(['岗'.repeat(50), null].sort());
      const stored = await t.sql(`SELECT post FROM roster_entries WHERE activity_id = $1 AND guard_id = ANY($2::uuid[])`, [a.id, [guards[0].id, guards[1].id]]);
      expect(stored.map((r) => r.post).sort()).toEqual(['岗'.repeat(50), null].sort());
    });
  });

  describe('implausible guard and relative data', () => {
    let company1: TestClient;
    beforeAll(async () => {
      company1 = await t.login('company1');
    });
    const guardInput = (over: Record<string, unknown> = {}) => ({
      name: '王保安',
      idNumber: idFor('1990-06-15'),
      phone: '13904271234',
      certificateNo: '辽盘保2015R0001',
      certificateIssuedOn: '2015-03-01',
      education: 'SENIOR_MIDDLE',
      ...over,
    });
    const storedGuard = async (idNumber: string) => t.sql(`SELECT id FROM guards WHERE id_hash = $1`, [idHash(idNumber)]);

    it('refuses a tab or line break in a guard’s or a relative’s name, storing nobody', async () => {
      for (const name of ['王\t保安', '王保\n安', '王保安\r\n李四']) {
        const input = guardInput({ name });
        expectRefused(await company1.gql(CREATE_GUARD, { input }), 'name', '姓名不能包含制表符、换行等控制字符');
        expect(await storedGuard(input.idNumber)).toHaveLength(0);
      }
      const input = guardInput({ relatives: [{ name: '王\t父', relation: 'FATHER', idNumber: idFor('1962-01-01') }] });
      expectRefused(await company1.gql(CREATE_GUARD, { input }), 'relatives.0.name', '第1位亲属（父亲）姓名不能包含制表符、换行等控制字符');
      expect(await storedGuard(input.idNumber)).toHaveLength(0);
    });

    it('refuses a relative whose ID number says born after today, on registration and on setGuardRelatives', async () => {
      const unborn = idFor(addDays(today, 30));
      const input = guardInput({ relatives: [{ name: '王子', relation: 'CHILD', idNumber: unborn }] });
      expectRefused(await company1.gql(CREATE_GUARD, { input }), 'relatives.0.idNumber', '第1位亲属（子女）的身份证号中的出生日期');
      expect(await storedGuard(input.idNumber)).toHaveLength(0);

      const [guard] = await t.sql(`SELECT id FROM guards WHERE company_id = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 1`, [await unitOf(t, 'company1')]);
      const relatives = async () => t.sql(`SELECT relation, id_hash FROM guard_relatives WHERE guard_id = $1 ORDER BY relation, id_hash`, [guard.id]);
      const before = await relatives();
      const r = await company1.gql(SET_RELATIVES, { guardId: guard.id, relatives: [{ name: '王女', relation: 'CHILD', idNumber: idFor(addYears(today, 1), true) }] });
      expectRefused(r, 'relatives.0.idNumber', '晚于今天');
      expect(await relatives()).toEqual(before);
    });

    it('refuses a 保安员证 issued before the 条例 took effect or before its holder turned 18 (第十六条)', async () => {
      for (const certificateIssuedOn of ['1800-01-01', '2009-12-31']) {
        const input = guardInput({ certificateIssuedOn });
        expectRefused(await company1.gql(CREATE_GUARD, { input }), 'certificateIssuedOn', '不能早于2010-01-01');
        expect(await storedGuard(input.idNumber)).toHaveLength(0);
      }
      const young = guardInput({ idNumber: idFor('2000-05-05'), certificateIssuedOn: '2018-05-04' });
      expectRefused(await company1.gql(CREATE_GUARD, { input: young }), 'certificateIssuedOn', /早于持证人年满18周岁之日.*第十六条/);
      expect(await storedGuard(young.idNumber)).toHaveLength(0);
      // On the 18th birthday: accepted.
      const adult = guardInput({ idNumber: idFor('2000-05-06'), certificateIssuedOn: '2018-05-06' });
      expect(expectData(await company1.gql(CREATE_GUARD, { input: adult })).createGuard.certificateIssuedOn).toBe('2018-05-06');
    });
  });
});
