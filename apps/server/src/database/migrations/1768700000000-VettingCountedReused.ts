import { MigrationInterface, QueryRunner } from 'typeorm';
import { toCurrentRule } from './1768500000000-VettingCountedRule';

/**
 * Catches up a database that ran the first text of migration VettingCountedRule (the same day, before
 * it kept reused copies apart and recomputed under one table lock; review 9 D1): the migration runner
 * knows migrations by name and would never run the second text there, and the company's performance
 * reads the `reused` column. So this one owns the column in the chain: it adds it if missing and brings
 * the refresh function and the rows to the current rule (a no-op in effect on a database that ran the
 * second text); down() leaves the summary as the first text did (same rule, no `reused`).
 */
export class VettingCountedReused1768700000000 implements MigrationInterface {
  name = 'VettingCountedReused1768700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activity_roster_stats" ADD COLUMN IF NOT EXISTS "reused" boolean NOT NULL DEFAULT false`);
    for (const sql of toCurrentRule(true)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const [refresh, ...recompute] = toCurrentRule(false);
    await q.query(refresh);
    await q.query(`ALTER TABLE "activity_roster_stats" DROP COLUMN IF EXISTS "reused"`);
    for (const sql of recompute) await q.query(sql);
  }
}
