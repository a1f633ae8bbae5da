import { QueryRunner } from 'typeorm';
import { createTestApp, expectData, expectErrorCode, inMigrationTransaction, TestApp, TestClient } from '../../test/harness';
import { activityInput, CREATE_ACTIVITY, unitIdOf } from '../../test/activity-fixtures';
import { RegisteredOnceNormalized1769200000000 } from './migrations/1769200000000-RegisteredOnceNormalized';

/**
 * Migration RegisteredOnceNormalized (red team G3) on a database registered under the rule before it
 * (the same reporting unit, name, venue and start as typed): activities that are one under the new key
 * (another spelling, another unit, seconds) stop the migration, named with the unit that registered
 * each, and nothing changes until the duplicate is cancelled; then the index holds the new key.
 */
describe('migration RegisteredOnceNormalized', () => {
  let t: TestApp, dawa: TestClient, dahuo: TestClient;
  const migration = new RegisteredOnceNormalized1769200000000();
  const inTransaction = (step: (q: QueryRunner) => Promise<void>) => inMigrationTransaction(t.ds, step);
  const indexDef = async () => (await t.sql(`SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_activities_registration'`))[0]?.indexdef as string;
  const functions = async () =>
    (await t.sql(`SELECT proname FROM pg_proc WHERE proname LIKE 'activity_registration_%' ORDER BY 1`)).map((r) => r.proname as string);

  beforeAll(async () => {
    t = await createTestApp();
    [dawa, dahuo] = await Promise.all([t.login('dawa'), t.login('dahuo')]);
  });
  afterAll(() => t?.close());

  it('down() refuses while two districts hold one unit\'s activity of the same name, venue and start (the rule before forbids it)', async () => {
    const input = activityInput({ name: '两区同名灯会', venue: '人民广场' }, 50);
    const inDawa = expectData(await dahuo.gql(CREATE_ACTIVITY, { input })).createActivity;
    expectData(await dahuo.gql(CREATE_ACTIVITY, { input: { ...input, district: 'XINGLONGTAI' } }));
    await expect(inTransaction((q) => migration.down(q))).rejects.toThrow(/^有同一登记单位、名称、场所和开始时间的活动（不同辖区），旧规则不允许，请先取消其中一条后再降级：“两区同名灯会”/);
    expect(await indexDef()).toContain('activity_registration_text');
    await t.sql(`UPDATE activities SET status = 'CANCELLED', cancel_reason = '测试' WHERE id = $1`, [inDawa.id]);
  });

  it('up() on duplicates under the new key stops naming them and their units; once the duplicates are cancelled, the index holds the new key', async () => {
    const input = activityInput({ name: '辽河Red Beach音乐节', venue: '辽河文化广场' }, 60);
    const registered = expectData(await dawa.gql(CREATE_ACTIVITY, { input })).createActivity;

    await inTransaction((q) => migration.down(q));
    expect(await indexDef()).toContain('(reporter_unit_id, name, venue, starts_at)');
    expect(await functions()).toEqual([]);

    // What the rule before let through: another unit, another spelling, seconds; and one cancelled (not counted).
    const copy = (code: string, changes: { name?: string; venue?: string; reporter?: string; shift?: string; status?: string }) =>
      t.sql(
        `INSERT INTO activities (code, name, type, organizer_unit_id, organizer_name, venue, address, district, starts_at, ends_at, applied_on,
                                 expected_attendance, guards_required, security_mode, contact_name, contact_phone, status, reporter_unit_id, created_by, cancel_reason)
         SELECT $2, coalesce($3, name), type, organizer_unit_id, organizer_name, coalesce($4, venue), address, district,
                starts_at + coalesce($6, '0')::interval, ends_at, applied_on, expected_attendance, guards_required, security_mode, contact_name, contact_phone,
                coalesce($7, 'DRAFT')::activity_status, coalesce($5, reporter_unit_id), created_by, CASE WHEN $7 = 'CANCELLED' THEN '重复登记' END
           FROM activities WHERE id = $1 RETURNING id`,
        [registered.id, code, changes.name ?? null, changes.venue ?? null, changes.reporter ?? null, changes.shift ?? null, changes.status ?? null],
      );
    const dahuoUnit = await unitIdOf(t, 'dahuo');
    const [byDahuo] = await copy('2099-9001', { name: '辽河ｒｅｄ\u3000ｂｅａｃｈ音乐节', reporter: dahuoUnit });
    const [withSeconds] = await copy('2099-9002', { venue: '辽河 文化广场', shift: '30.123 seconds' });
    await copy('2099-9003', { name: '辽河REDBEACH音乐节', status: 'CANCELLED' });

    await expect(inTransaction((q) => migration.up(q))).rejects.toThrow(
      `有重复登记的活动：同一辖区、开始时间同一分钟，名称和场所相同或仅空格、大小写、全角半角不同。请先取消重复的一条（注明“重复登记”）后再升级：` +
        `“辽河Red Beach音乐节”：${registered.code}（大洼公安分局登记）、2099-9001（市公安局大型活动安全保卫支队登记）、2099-9002（大洼公安分局登记）`,
    );
    // rolled back: still the rule before
    expect(await indexDef()).toContain('(reporter_unit_id, name, venue, starts_at)');
    expect(await functions()).toEqual([]);

    await t.sql(`UPDATE activities SET status = 'CANCELLED', cancel_reason = '重复登记' WHERE id = ANY($1::uuid[])`, [[byDahuo.id, withSeconds.id]]);
    await inTransaction((q) => migration.up(q));
    expect(await indexDef()).toBe(
      'CREATE UNIQUE INDEX uq_activities_registration ON public.activities USING btree (district, activity_registration_text(name), activity_registration_text(venue), activity_registration_minute(starts_at)) WHERE (status <> \'CANCELLED\'::activity_status)',
    );
    expect(await functions()).toEqual(['activity_registration_minute', 'activity_registration_text']);

    // and the service reads it again
    const refused = expectErrorCode(await dahuo.gql(CREATE_ACTIVITY, { input: { ...input, name: '辽河 RED BEACH 音乐节' } }), 'CONFLICT');
    expect(refused.message).toMatch(new RegExp(`^已登记同一活动（编号${registered.code}，大洼公安分局登记）`));
  });
});
