import { MigrationInterface, QueryRunner } from 'typeorm';
import { toCurrentRule } from './1768500000000-VettingCountedRule';

/**
 * Catches up a database that ran the first text of migration VettingCountedRule (the same day, before
 * it kept reused copies apart and recomputed under one table lock; review 9 D1): the migration runner
 * knows migrations by name and would never run the second text there, and the company's performance
 * reads the `reused` column. On a database that ran the second text (the column is there), nothing to do.
 */
export class VettingCountedReused1768700000000 implements MigrationInterface {
  name = 'VettingCountedReused1768700000000';

  async up(q: QueryRunner): Promise<void> {
    const [{ present }] = await q.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_schema = current_schema() AND table_name = 'activity_roster_stats' AND column_name = 'reused') AS present`,
    );
    if (present) return;
    await q.query(`ALTER TABLE "activity_roster_stats" ADD "reused" boolean NOT NULL DEFAULT false`);
    for (const sql of toCurrentRule()) await q.query(sql);
  }

  async down(): Promise<void> {
    // Nothing to undo that VettingCountedRule's down() does not: it restores the earlier function and
    // drops the column (IF EXISTS) itself.
  }
}
