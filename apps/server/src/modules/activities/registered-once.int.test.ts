import { createTestApp, expectData, expectErrorCode, GqlResult, TestApp, TestClient } from '../../../test/harness';
import { activityInput, CREATE_ACTIVITY } from '../../../test/activity-fixtures';

/**
 * Red team F5: ten identical createActivity at once all succeeded (codes 2026-0139..0148), and an 11th
 * afterwards too. Red team G3: the fix compared the exact text, per reporting unit, so a double space,
 * lower-case or full-width letters, an ideographic space, a space inside the venue, a start with
 * seconds, or another police unit registering it each made a second activity.
 *
 * The same activity (the same district, name and venue (NFKC, no whitespace, lower case) and start
 * minute, not cancelled, whoever registered it) is registered once: the others answer CONFLICT naming
 * the code of the one registered and the unit that registered it.
 */
const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: ActivityInput!) { updateActivity(id: $id, input: $input) { id code name } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id status } }`;

const DAWA_BUREAU = '大洼公安分局';
const RULE = '同一辖区内名称、场所和开始时间相同的活动只登记一次（名称和场所不计空格、大小写和全角半角，开始时间精确到分钟），请勿重复登记；';
/** Refused to the unit that registered it. */
const message = (code: string, unit = DAWA_BUREAU) => `已登记同一活动（编号${code}，${unit}登记）：${RULE}如需修改，请打开该活动`;
/** Refused to another unit. */
const otherUnitMessage = (code: string, unit = DAWA_BUREAU) => `已登记同一活动（编号${code}，${unit}登记）：${RULE}如有出入，请与${unit}核实`;

const MINUTE = 60_000;
const shifted = (input: Record<string, unknown>, ms: number) => ({
  ...input,
  startsAt: new Date(new Date(input.startsAt as string).getTime() + ms).toISOString(),
  endsAt: new Date(new Date(input.endsAt as string).getTime() + ms).toISOString(),
});

describe('an activity is registered once (red team F5, G3)', () => {
  let t: TestApp;
  let dawa: TestClient;
  let dahuo: TestClient;
  const input = activityInput({ name: '大洼Red Beach音乐节', venue: '大洼区文体中心A馆' }, 45);
  let code: string;

  const activities = async () => (await t.sql(`SELECT count(*)::int AS n FROM activities`))[0].n as number;
  const audits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Activity' AND action = 'CREATE'`))[0].n as number;
  /** Activities not cancelled at this venue (any spelling), this start minute. */
  const sameEvent = async () =>
    (await t.sql(
      `SELECT count(*)::int AS n FROM activities WHERE venue LIKE '%文体中心%' AND date_trunc('minute', starts_at) = $1 AND status <> 'CANCELLED'`,
      [input.startsAt],
    ))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    [dawa, dahuo] = await Promise.all([t.login('dawa'), t.login('dahuo')]);
  });
  afterAll(() => t?.close());

  it('ten identical registrations at once make one activity; the others, and a later one, answer CONFLICT naming it', async () => {
    const auditsBefore = await audits();
    const answers = await Promise.all(Array.from({ length: 10 }, () => dawa.gql(CREATE_ACTIVITY, { input })));
    const created = answers.filter((r) => !r.errors);
    expect(created).toHaveLength(1);
    code = created[0].data!.createActivity.code as string;
    for (const refused of answers.filter((r) => r.errors)) {
      expect(expectErrorCode(refused, 'CONFLICT').message).toBe(message(code));
    }
    expect(await sameEvent()).toBe(1);
    expect(await audits()).toBe(auditsBefore + 1);

    const again = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input }), 'CONFLICT');
    expect(again.message).toBe(message(code));
  });

  it.each<[string, Record<string, unknown>]>([
    ['surrounding spaces', { name: ' 大洼Red Beach音乐节 ', venue: '大洼区文体中心A馆 ' }],
    ['a double space in the name', { name: '大洼Red  Beach音乐节' }],
    ['no space in the name', { name: '大洼RedBeach音乐节' }],
    ['lower-case letters', { name: '大洼red beach音乐节' }],
    ['upper-case letters', { name: '大洼RED BEACH音乐节' }],
    ['full-width letters', { name: '大洼Ｒｅｄ Ｂｅａｃｈ音乐节' }],
    ['an ideographic space (U+3000)', { name: '大洼Red\u3000Beach音乐节' }],
    ['a no-break space (U+00A0) and a thin space (U+2009)', { name: '大洼Red\u00a0Beach\u2009音乐节' }],
    ['a space inside the venue', { venue: '大洼区 文体中心 A馆' }],
    ['a full-width letter and space in the venue', { venue: '大洼区文体中心\u3000Ａ馆' }],
    ['a lower-case letter in the venue', { venue: '大洼区文体中心a馆' }],
    ['all of them at once', { name: '  大洼ｒｅｄ\u3000 ＢＥＡＣＨ 音乐节', venue: '大洼区　文体 中心ａ馆' }],
  ])('%s: the same activity, refused with CONFLICT naming it, nothing stored', async (_, variant) => {
    const [before, auditsBefore] = [await activities(), await audits()];
    const refused = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, ...variant } }), 'CONFLICT');
    expect(refused.message).toBe(message(code));
    expect(await activities()).toBe(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it('another police unit (the event detachment) registering the same activity is refused, naming the code and the unit that registered it', async () => {
    const before = await activities();
    for (const variant of [{}, { name: '大洼red beach 音乐节' }, { venue: '大洼区文体中心 Ａ馆' }]) {
      const refused = expectErrorCode(await dahuo.gql(CREATE_ACTIVITY, { input: { ...input, ...variant } }), 'CONFLICT');
      expect(refused.message).toBe(otherUnitMessage(code));
    }
    // at once, from both units: one activity still
    const answers = await Promise.all([dawa, dahuo, dawa, dahuo].map((c) => c.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼两单位同时登记节' } })));
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of answers.filter((a) => a.errors)) expect(expectErrorCode(r, 'CONFLICT').message).toMatch(/^已登记同一活动（编号\d{4}-\d{4}，(大洼公安分局|市公安局大型活动安全保卫支队)登记）/);
    expect(await activities()).toBe(before + 1);
    expect(await sameEvent()).toBe(2);
  });

  it('a start or end with seconds is refused with the field\'s message, not cut to the minute', async () => {
    const before = await activities();
    const refuse = (result: GqlResult, field: string, says: string) => {
      const error = expectErrorCode(result, 'BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual(expect.arrayContaining([{ field, message: says }]));
      expect(error.message).toContain(says);
    };
    const start = new Date(input.startsAt as string).getTime();
    const end = new Date(input.endsAt as string).getTime();
    // 01:00:30.123 was another start than 01:00 (red team G3)
    refuse(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, startsAt: new Date(start + 30_123).toISOString() } }), 'startsAt', '开始时间精确到分钟，不含秒');
    refuse(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼秒数测试节', startsAt: new Date(start + 1).toISOString() } }), 'startsAt', '开始时间精确到分钟，不含秒');
    refuse(await dahuo.gql(CREATE_ACTIVITY, { input: { ...input, startsAt: new Date(start + 59_000).toISOString() } }), 'startsAt', '开始时间精确到分钟，不含秒');
    refuse(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼秒数测试节', endsAt: new Date(end + 15_000).toISOString() } }), 'endsAt', '结束时间精确到分钟，不含秒');
    expect(await activities()).toBe(before);

    // correcting a draft: the same rule
    const draft = expectData(await dawa.gql(CREATE_ACTIVITY, { input: shifted({ ...input, name: '大洼秒数草稿节' }, 7 * 86_400_000) })).createActivity;
    refuse(await dawa.gql(UPDATE, { id: draft.id, input: { ...shifted({ ...input, name: '大洼秒数草稿节' }, 7 * 86_400_000 + 30_000) } }), 'startsAt', '开始时间精确到分钟，不含秒');
    const [row] = await t.sql(`SELECT starts_at FROM activities WHERE id = $1`, [draft.id]);
    expect((row.starts_at as Date).getTime() % MINUTE).toBe(0);
  });

  it('an activity stored with seconds before this rule is the same activity as its start minute', async () => {
    const legacyInput = { ...input, name: '大洼旧数据带秒节' };
    const legacy = expectData(await dawa.gql(CREATE_ACTIVITY, { input: legacyInput })).createActivity;
    await t.sql(`UPDATE activities SET starts_at = starts_at + interval '30.123 seconds' WHERE id = $1`, [legacy.id]);
    expect(expectErrorCode(await dahuo.gql(CREATE_ACTIVITY, { input: legacyInput }), 'CONFLICT').message).toBe(otherUnitMessage(legacy.code));
    // the next minute is another start
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: shifted(legacyInput, MINUTE) }));
  });

  it('another start minute, another venue, another name or another district is another activity', async () => {
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: shifted(input, MINUTE) }));
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: shifted(input, -MINUTE) }));
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: shifted(input, 86_400_000) }));
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, venue: '大洼区文体中心B馆' } }));
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼Red Beach音乐节（第二季）' } }));
    // one letter apart is another name
    expectData(await dahuo.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼Red Bench音乐节' } }));
    // the detachment registers city-wide: the same name and venue text in another district is another place
    expectData(await dahuo.gql(CREATE_ACTIVITY, { input: { ...input, district: 'XINGLONGTAI' } }));
  });

  it('a draft corrected into one already registered, in any spelling, is refused; once that one is cancelled, it can be registered again', async () => {
    const [first] = await t.sql(`SELECT id, code FROM activities WHERE name = $1 AND venue = $2 AND district = 'DAWA' AND starts_at = $3`, [input.name, input.venue, input.startsAt]);
    expect(first.code).toBe(code);
    const other = expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼区另一场音乐节' } })).createActivity;
    for (const variant of [{}, { name: '大洼ｒｅｄ　ｂｅａｃｈ音乐节' }, { venue: '大洼区 文体中心 a馆' }]) {
      const refused = expectErrorCode(await dawa.gql(UPDATE, { id: other.id, input: { ...input, ...variant } }), 'CONFLICT');
      expect(refused.message).toBe(message(first.code));
    }
    // the detachment correcting the bureau's draft is told to ask the bureau
    expect(expectErrorCode(await dahuo.gql(UPDATE, { id: other.id, input }), 'CONFLICT').message).toBe(otherUnitMessage(first.code));
    const [{ name }] = await t.sql(`SELECT name FROM activities WHERE id = $1`, [other.id]);
    expect(name).toBe('大洼区另一场音乐节');
    // a draft corrected in itself (its own key) is not a duplicate of itself
    expectData(await dawa.gql(UPDATE, { id: other.id, input: { ...input, name: '大洼区另一场  音乐节' } }));

    // drafts corrected at once into the same activity, each spelled its own way: the unique index decides,
    // and its refusal names the one kept
    const spellings = ['大洼同时修改音乐节ABC', '大洼同时修改音乐节abc', '大洼同时修改音乐节ＡＢＣ', '大洼同时修改音乐节 A B C', '大洼同时修改音乐节\u3000abc'];
    const drafts = [];
    for (let i = 0; i < spellings.length; i++) drafts.push(expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: `大洼区草稿${i}音乐节` } })).createActivity);
    const edits = await Promise.all(drafts.map((d, i) => dawa.gql(UPDATE, { id: d.id, input: { ...input, name: spellings[i] } })));
    const kept = edits.filter((r) => !r.errors);
    expect(kept).toHaveLength(1);
    for (const r of edits.filter((e) => e.errors)) expect(expectErrorCode(r, 'CONFLICT').message).toBe(message(kept[0].data!.updateActivity.code));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM activities WHERE name LIKE '大洼同时修改音乐节%'`);
    expect(n).toBe(1);

    expectData(await dawa.gql(CANCEL, { id: first.id, reason: '重复登记' }));
    const again = expectData(await dahuo.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼RED BEACH音乐节' } })).createActivity;
    expect(again.code).not.toBe(first.code);
    expect(expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input }), 'CONFLICT').message).toBe(otherUnitMessage(again.code, '市公安局大型活动安全保卫支队'));
  });
});
