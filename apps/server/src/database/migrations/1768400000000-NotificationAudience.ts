import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notice for the accounts of one role in its unit only (`audience_role`; null: every account of the
 * unit). The warning about a detail-reading account the administrator opened went to the whole unit,
 * and an account of another role the administrator had opened there read it and marked it read
 * (review 8-B F3).
 */
export class NotificationAudience1768400000000 implements MigrationInterface {
  name = 'NotificationAudience1768400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD "audience_role" character varying(32)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "audience_role"`);
  }
}
