import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { activityInput, CREATE_ACTIVITY } from '../../../test/activity-fixtures';

/**
 * Red team F5: ten identical createActivity at once all succeeded (codes 2026-0139..0148), and an 11th
 * afterwards too. The same activity (the same reporting unit, name, venue and start, not cancelled) is
 * registered once: the others answer CONFLICT naming the code of the one registered.
 */
const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: ActivityInput!) { updateActivity(id: $id, input: $input) { id code name } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id status } }`;

const message = (code: string) =>
  `已登记同一活动（编号${code}）：同一登记单位、名称、场所和开始时间的活动只登记一次，请勿重复登记；如需修改，请打开该活动`;

describe('an activity is registered once (red team F5)', () => {
  let t: TestApp;
  let dawa: TestClient;
  const input = activityInput({ name: '大洼区重复登记测试音乐节', venue: '大洼区文体中心' }, 45);
  const count = async (name: string) =>
    (await t.sql(`SELECT count(*)::int AS n FROM activities WHERE name = $1 AND status <> 'CANCELLED'`, [name]))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    dawa = await t.login('dawa');
  });
  afterAll(() => t?.close());

  it('ten identical registrations at once make one activity; the others, and a later one, answer CONFLICT naming it', async () => {
    const audits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Activity' AND action = 'CREATE'`))[0].n as number;
    const auditsBefore = await audits();
    const answers = await Promise.all(Array.from({ length: 10 }, () => dawa.gql(CREATE_ACTIVITY, { input })));
    const created = answers.filter((r) => !r.errors);
    expect(created).toHaveLength(1);
    const code = created[0].data!.createActivity.code as string;
    for (const refused of answers.filter((r) => r.errors)) {
      expect(expectErrorCode(refused, 'CONFLICT').message).toBe(message(code));
    }
    expect(await count(input.name as string)).toBe(1);
    expect(await audits()).toBe(auditsBefore + 1);

    const again = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input }), 'CONFLICT');
    expect(again.message).toBe(message(code));
    // the same text with surrounding spaces is the same registration
    const spaced = expectErrorCode(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: ` ${input.name as string} `, venue: `${input.venue as string} ` } }), 'CONFLICT');
    expect(spaced.message).toBe(message(code));
    expect(await count(input.name as string)).toBe(1);
  });

  it('another start, another venue or another reporting unit is another activity', async () => {
    const later = new Date(new Date(input.startsAt as string).getTime() + 86_400_000);
    const laterEnd = new Date(new Date(input.endsAt as string).getTime() + 86_400_000);
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, startsAt: later.toISOString(), endsAt: laterEnd.toISOString() } }));
    expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, venue: '大洼区体育场' } }));
    // the event detachment registers city-wide: its own registration is its own record
    expectData(await (await t.login('dahuo')).gql(CREATE_ACTIVITY, { input }));
    expect(await count(input.name as string)).toBe(4);
  });

  it('a draft corrected into one already registered is refused; once that one is cancelled, it can be registered again', async () => {
    const [first] = await t.sql(`SELECT id, code FROM activities WHERE name = $1 AND venue = $2 AND reporter_unit_id = (SELECT unit_id FROM users WHERE username = 'dawa')`, [input.name, input.venue]);
    const other = expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: '大洼区另一场音乐节' } })).createActivity;
    const refused = expectErrorCode(await dawa.gql(UPDATE, { id: other.id, input }), 'CONFLICT');
    expect(refused.message).toBe(message(first.code));
    const [{ name }] = await t.sql(`SELECT name FROM activities WHERE id = $1`, [other.id]);
    expect(name).toBe('大洼区另一场音乐节');

    // drafts corrected at once into the same activity: the unique index decides, and its refusal names the one kept
    const target = { ...input, name: '大洼区同时修改音乐节' };
    const drafts = [];
    for (let i = 0; i < 5; i++) drafts.push(expectData(await dawa.gql(CREATE_ACTIVITY, { input: { ...input, name: `大洼区草稿${i}音乐节` } })).createActivity);
    const edits = await Promise.all(drafts.map((d) => dawa.gql(UPDATE, { id: d.id, input: target })));
    const kept = edits.filter((r) => !r.errors);
    expect(kept).toHaveLength(1);
    for (const r of edits.filter((e) => e.errors)) expect(expectErrorCode(r, 'CONFLICT').message).toBe(message(kept[0].data!.updateActivity.code));
    expect(await count(target.name)).toBe(1);

    expectData(await dawa.gql(CANCEL, { id: first.id, reason: '重复登记' }));
    const again = expectData(await dawa.gql(CREATE_ACTIVITY, { input })).createActivity;
    expect(again.code).not.toBe(first.code);
  });
});
