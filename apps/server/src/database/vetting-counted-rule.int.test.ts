import { createTestApp, TestApp } from '../../test/harness';
import { VettingCountedRule1768500000000 } from './migrations/1768500000000-VettingCountedRule';

/**
 * Migration VettingCountedRule on a database with data: the kept roster summary, filled under the old
 * rule (decided entries taken off the roster counted), is computed again under the new one (on the
 * roster, or failed), and down() restores the old rule and its figures.
 */
describe('migration VettingCountedRule recomputes the kept roster summary', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const key = `activity_id::text || '/' || company_id::text || '/' || decision::text || '/' || coalesce(reason_category::text, '-')`;
  const kept = () => t.sql(`SELECT ${key} AS k, sum(count)::int AS n FROM activity_roster_stats GROUP BY 1 ORDER BY 1`);
  const direct = (counted: string) => t.sql(`SELECT ${key} AS k, count(*)::int AS n FROM roster_entries WHERE ${counted} GROUP BY 1 ORDER BY 1`);
  const OLD = `state = 'ACTIVE' OR decision <> 'PENDING'`;
  const NEW = `state = 'ACTIVE' OR decision = 'FAILED'`;

  it('counts a passed entry taken off the roster before, and not after', async () => {
    const migration = new VettingCountedRule1768500000000();
    const q = t.ds.createQueryRunner();
    try {
      await migration.down(q);
      // A cleared guard taken off a roster, and a failed one (still counted under both rules).
      await t.sql(`UPDATE roster_entries SET state = 'REMOVED'
                    WHERE id IN ((SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'PASSED' ORDER BY id LIMIT 2)
                                 UNION ALL (SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'FAILED' ORDER BY id LIMIT 1))`);
      expect(await kept()).toEqual(await direct(OLD));
      expect(await direct(OLD)).not.toEqual(await direct(NEW));

      await migration.up(q);
      expect(await kept()).toEqual(await direct(NEW));
      // The triggers keep it under the new rule: one more pass taken off is no longer counted.
      await t.sql(`UPDATE roster_entries SET state = 'REMOVED' WHERE id = (SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'PASSED' ORDER BY id LIMIT 1)`);
      expect(await kept()).toEqual(await direct(NEW));

      await migration.down(q);
      expect(await kept()).toEqual(await direct(OLD));
      await migration.up(q);
    } finally {
      await q.release();
    }
  });
});
