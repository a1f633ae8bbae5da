import { Client } from 'pg';
import { activityInput, CREATE_ACTIVITY, unitIdOf } from '../../../test/activity-fixtures';
import { adminUrl, urlForDatabase } from '../../../test/db';
import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';

const REPORT = /* GraphQL */ `mutation ($id: ID!) { reportActivity(id: $id) { id status } }`;

/**
 * Red team 7, M1: an organizer merged into another (or deactivated) while a district bureau registered an
 * activity for it: both succeeded, and 15 activities belonged to a merged unit nobody can log in as (one was
 * even reported). The organizer's row is now read FOR SHARE until the activity is stored, and 通报 refuses an
 * organizer no longer active.
 */
describe('an activity and its organizer merged or deactivated at the same time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('a merge in progress when the activity is registered: the registration waits for it and is refused, naming the merge', async () => {
    const dawa = await t.login('dawa');
    const organizer2 = await unitIdOf(t, 'organizer2');
    const [duplicate] = await t.sql(
      `INSERT INTO units (name, kind, district, credit_code) VALUES ('红队七重复主办单位', 'ORGANIZER', 'DAWA', '91211104MA0Q7HT9X1') RETURNING id`,
    );
    // The administrator's merge, as mergeOrganizers runs it: the row locked FOR UPDATE, then changed, then committed.
    const merge = new Client({ connectionString: urlForDatabase(adminUrl(), t.database) });
    await merge.connect();
    try {
      await merge.query('BEGIN');
      await merge.query(`SELECT id FROM units WHERE id = $1 FOR UPDATE`, [duplicate.id]);
      let settled = false;
      const registering = dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId: duplicate.id }) }).finally(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(settled).toBe(false);
      await merge.query(`UPDATE units SET active = false, merged_into_id = $2 WHERE id = $1`, [duplicate.id, organizer2]);
      await merge.query('COMMIT');
      const error = expectErrorCode(await registering, 'BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual([
        { field: 'organizerUnitId', message: '主办单位“红队七重复主办单位”已停用（已并入其他单位），请重新选择' },
      ]);
    } finally {
      await merge.end();
    }
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM activities WHERE organizer_unit_id = $1`, [duplicate.id]);
    expect(n).toBe(0);
  });

  it('registrations at the same time as a real merge: each activity ends with the unit kept, none with the merged one', async () => {
    const dawa = await t.login('dawa');
    const admin = await t.login('admin');
    const organizer2 = await unitIdOf(t, 'organizer2');
    const [duplicate] = await t.sql(
      `INSERT INTO units (name, kind, district, credit_code) VALUES ('红队七并发主办单位', 'ORGANIZER', 'DAWA', '91211104MA0Q7HT8Y2') RETURNING id`,
    );
    const registrations = Array.from({ length: 8 }, () => dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId: duplicate.id }) }));
    const merged = admin.gql(`mutation ($s: ID!, $t: ID!) { mergeOrganizerUnits(sourceId: $s, targetId: $t) { activities } }`, { s: duplicate.id, t: organizer2 });
    const answers = await Promise.all(registrations);
    expectData(await merged);
    const stored = answers.filter((a) => !a.errors).length;
    for (const a of answers.filter((x) => x.errors)) expect(a.errors![0].message).toContain('已停用');
    const rows: { organizer_unit_id: string }[] = await t.sql(
      `SELECT organizer_unit_id FROM activities WHERE id = ANY($1::uuid[])`,
      [answers.filter((a) => !a.errors).map((a) => a.data!.createActivity.id)],
    );
    expect(rows).toHaveLength(stored);
    expect(rows.every((r) => r.organizer_unit_id === organizer2)).toBe(true);
  });

  it('an account created while its organizer unit is being merged waits for the merge and is refused; none is left in the merged unit (red team 8, L3)', async () => {
    const admin = await t.login('admin');
    const organizer2 = await unitIdOf(t, 'organizer2');
    const [duplicate] = await t.sql(
      `INSERT INTO units (name, kind, district, credit_code) VALUES ('红队八重复主办单位', 'ORGANIZER', 'DAWA', '91211104MA0Q7HT6W4') RETURNING id`,
    );
    const merge = new Client({ connectionString: urlForDatabase(adminUrl(), t.database) });
    await merge.connect();
    try {
      await merge.query('BEGIN');
      await merge.query(`SELECT id FROM units WHERE id = $1 FOR UPDATE`, [duplicate.id]);
      const creating = admin.gql(
        `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        { input: { username: 'redteam8merge', displayName: '赵某某', role: 'ORGANIZER', unitId: duplicate.id, initialPassword: 'Start#2026q' } },
      );
      await new Promise((r) => setTimeout(r, 500));
      await merge.query(`UPDATE units SET active = false, merged_into_id = $2 WHERE id = $1`, [duplicate.id, organizer2]);
      await merge.query('COMMIT');
      expect(expectErrorCode(await creating, 'CONFLICT').message).toBe('“红队八重复主办单位”已停用，不能新建账号');
    } finally {
      await merge.end();
    }
    expect(await t.sql(`SELECT id FROM users WHERE unit_id = $1`, [duplicate.id])).toEqual([]);
  });

  it('通报 refuses an activity whose organizer has since been deactivated or merged, naming it; nothing changes', async () => {
    const dawa = await t.login('dawa');
    const [unit] = await t.sql(
      `INSERT INTO units (name, kind, district, credit_code) VALUES ('红队七停用主办单位', 'ORGANIZER', 'DAWA', '91211104MA0Q7HT7Z3') RETURNING id`,
    );
    const { createActivity } = expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId: unit.id }) }));
    // (stored before this stop's fix by the race above, or by a unit deactivated through SQL by hand)
    await t.sql(`UPDATE units SET active = false WHERE id = $1`, [unit.id]);
    const error = expectErrorCode(await dawa.gql(REPORT, { id: createActivity.id }), 'BAD_USER_INPUT');
    const message = '主办单位“红队七停用主办单位”已停用，其账号不能登录；请修改活动、重新选择主办单位后再通报';
    expect(error.message).toBe(message);
    expect(error.extensions?.fields).toEqual([{ field: 'organizerUnitId', message }]);
    const [row] = await t.sql(`SELECT status FROM activities WHERE id = $1`, [createActivity.id]);
    expect(row.status).toBe('DRAFT');
  });
});
