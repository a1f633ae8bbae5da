import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline settings an activity's stages are judged by, fixed at its first 通报 (review 5 B-F5:
 * changing `deadline.*` re-judged stages finished long ago, and the detachment, judged by them, edits
 * them). Activities reported before keep being judged by the current settings (null).
 */
export class ActivityDeadlineDays1767900000000 implements MigrationInterface {
  name = 'ActivityDeadlineDays1767900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activities" ADD "deadline_days" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activities" DROP COLUMN "deadline_days"`);
  }
}
