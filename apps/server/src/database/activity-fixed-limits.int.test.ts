import { createTestApp, TestApp } from '../../test/harness';
import { ActivityFixedLimits1767200000000 } from './migrations/1767200000000-ActivityFixedLimits';

/**
 * Migration ActivityFixedLimits on a database with data: the age limits of activities already past
 * the 批示 and the pass mark of sessions with results are filled from the settings as they stand.
 */
describe('migration ActivityFixedLimits fills what was decided before it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('fixes the limits of approved activities and the pass mark of sessions with results, from the current settings', async () => {
    const migration = new ActivityFixedLimits1767200000000();
    const q = t.ds.createQueryRunner();
    try {
      await migration.down(q);
      await q.query(`INSERT INTO settings (key, value) VALUES ('guard.maxAge', '50'), ('training.passScore', '75')
                       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
      await q.query(`DELETE FROM settings WHERE key = 'guard.minAge'`);
      await q.query(`UPDATE activities SET age_limit = 60 WHERE id = (SELECT id FROM activities WHERE status = 'VETTING' ORDER BY code LIMIT 1)`);
      await migration.up(q);
    } finally {
      await q.release();
    }

    const rows: { status: string; approved: boolean; age_limit: number | null; approved_min_age: number | null; approved_max_age: number | null }[] =
      await t.sql(`SELECT status, approved_at IS NOT NULL AS approved, age_limit, approved_min_age, approved_max_age FROM activities`);
    const past = rows.filter((r) => r.approved || !['DRAFT', 'REPORTED', 'CANCELLED'].includes(r.status));
    expect(past.length).toBeGreaterThan(3);
    for (const r of past) expect(r).toMatchObject({ approved_min_age: 18, approved_max_age: r.age_limit ?? 50 });
    expect(past.some((r) => r.age_limit === 60 && r.approved_max_age === 60)).toBe(true);
    const before = rows.filter((r) => !past.includes(r));
    expect(before.length).toBeGreaterThan(0);
    for (const r of before) expect(r).toMatchObject({ approved_min_age: null, approved_max_age: null });

    const sessions: { recorded: boolean; pass_score: number | null }[] = await t.sql(
      `SELECT EXISTS (SELECT 1 FROM training_attendance ta WHERE ta.session_id = ts.id AND ta.attended IS NOT NULL) AS recorded, pass_score
         FROM training_sessions ts`,
    );
    expect(sessions.some((s) => s.recorded)).toBe(true);
    for (const s of sessions) expect(s.pass_score).toBe(s.recorded ? 75 : null);
  });
});
