import { QueryRunner } from 'typeorm';
import { createTestApp, TestApp } from '../../test/harness';
import { VettingCountedRule1768500000000 } from './migrations/1768500000000-VettingCountedRule';
import { VettingCountedReused1768700000000 } from './migrations/1768700000000-VettingCountedReused';

/**
 * Migration VettingCountedRule on a database with data (the demo's): the kept roster summary, filled
 * under the old rule (decided entries taken off the roster counted), is computed again under the new
 * one (on the roster, or failed), with reused copies of earlier passes kept apart (review 9 C5), and
 * down() restores the old rule and its figures. Neither way takes a lock per activity (review 9 C10).
 */
describe('migration VettingCountedRule recomputes the kept roster summary', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const key = (reused: string | null) =>
    `activity_id::text || '/' || company_id::text || '/' || decision::text || '/' || coalesce(reason_category::text, '-')${reused ? ` || '/' || ${reused}::text` : ''}`;
  /** The kept summary, with its `reused` column when it has one (after up()). */
  const kept = (withReused: boolean) =>
    t.sql(`SELECT ${key(withReused ? 'reused' : null)} AS k, sum(count)::int AS n FROM activity_roster_stats GROUP BY 1 ORDER BY 1`);
  const direct = (counted: string, withReused: boolean) =>
    t.sql(`SELECT ${key(withReused ? '(reused_from_entry_id IS NOT NULL)' : null)} AS k, count(*)::int AS n FROM roster_entries WHERE ${counted} GROUP BY 1 ORDER BY 1`);
  const OLD = `state = 'ACTIVE' OR decision <> 'PENDING'`;
  const NEW = `state = 'ACTIVE' OR decision = 'FAILED'`;
  const hasReusedColumn = async () =>
    (await t.sql(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'activity_roster_stats' AND column_name = 'reused'`))[0].n === 1;

  /**
   * Runs a step of the migration in one transaction, as the migration runner does, and returns the
   * advisory locks it held at the end (the refresh function takes one per activity, held to commit).
   */
  async function inTransaction(step: (q: QueryRunner) => Promise<void>): Promise<number> {
    const q = t.ds.createQueryRunner();
    try {
      await q.startTransaction();
      await step(q);
      const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`);
      await q.commitTransaction();
      return n;
    } catch (err) {
      if (q.isTransactionActive) await q.rollbackTransaction();
      throw err;
    } finally {
      await q.release();
    }
  }

  it('counts a passed entry taken off the roster before, and not after; keeps reused copies apart; no lock per activity', async () => {
    const migration = new VettingCountedRule1768500000000();
    // The demo data holds rosters of many activities; three of their passes made copies of earlier ones.
    const [{ activities }] = await t.sql(`SELECT count(DISTINCT activity_id)::int AS activities FROM roster_entries`);
    expect(activities).toBeGreaterThan(5);
    await t.sql(`UPDATE roster_entries r SET reused_from_entry_id = o.id
                   FROM (SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'PASSED' ORDER BY id DESC LIMIT 3) x,
                        LATERAL (SELECT id FROM roster_entries WHERE decision = 'PASSED' AND id <> x.id ORDER BY id LIMIT 1) o
                  WHERE r.id = x.id`);

    expect(await inTransaction((q) => migration.down(q))).toBe(0);
    expect(await hasReusedColumn()).toBe(false);
    // A cleared guard taken off a roster, and a failed one (still counted under both rules).
    await t.sql(`UPDATE roster_entries SET state = 'REMOVED'
                  WHERE id IN ((SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'PASSED' ORDER BY id LIMIT 2)
                               UNION ALL (SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'FAILED' ORDER BY id LIMIT 1))`);
    expect(await kept(false)).toEqual(await direct(OLD, false));
    expect(await direct(OLD, false)).not.toEqual(await direct(NEW, false));

    expect(await inTransaction((q) => migration.up(q))).toBe(0);
    expect(await kept(true)).toEqual(await direct(NEW, true));
    const [{ n: keptReused }] = await t.sql(`SELECT COALESCE(sum(count), 0)::int AS n FROM activity_roster_stats WHERE reused`);
    expect(keptReused).toBeGreaterThan(0);
    // The triggers keep it under the new rule: one more pass taken off is no longer counted, and a
    // reused pass an officer decides again is no longer a copy.
    await t.sql(`UPDATE roster_entries SET state = 'REMOVED' WHERE id = (SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'PASSED' ORDER BY id LIMIT 1)`);
    await t.sql(`UPDATE roster_entries SET reused_from_entry_id = NULL
                  WHERE id = (SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND reused_from_entry_id IS NOT NULL ORDER BY id LIMIT 1)`);
    expect(await kept(true)).toEqual(await direct(NEW, true));

    expect(await inTransaction((q) => migration.down(q))).toBe(0);
    expect(await kept(false)).toEqual(await direct(OLD, false));
    expect(await inTransaction((q) => migration.up(q))).toBe(0);
    expect(await kept(true)).toEqual(await direct(NEW, true));
  });

  it('VettingCountedReused catches up a database without the reused column (the first text of VettingCountedRule), and does nothing on one that has it', async () => {
    const catchUp = new VettingCountedReused1768700000000();
    // A database with the summary but not the column (as VettingCountedRule's first text left it).
    await inTransaction((q) => new VettingCountedRule1768500000000().down(q));
    expect(await hasReusedColumn()).toBe(false);
    expect(await inTransaction((q) => catchUp.up(q))).toBe(0);
    expect(await hasReusedColumn()).toBe(true);
    expect(await kept(true)).toEqual(await direct(NEW, true));
    // The triggers keep it under the current rule from then on.
    await t.sql(`UPDATE roster_entries SET state = 'REMOVED' WHERE id = (SELECT id FROM roster_entries WHERE state = 'ACTIVE' AND decision = 'PASSED' ORDER BY id LIMIT 1)`);
    expect(await kept(true)).toEqual(await direct(NEW, true));
    // Run again (the column is there): nothing changes.
    const before = await kept(true);
    await inTransaction((q) => catchUp.up(q));
    expect(await kept(true)).toEqual(before);
  });
});
