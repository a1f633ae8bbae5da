import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Red team 7, L1: a company flooded 保安管理支队's inbox, one "名单追加" notice per submission (25 one-guard
 * submissions gave 25 notices; submit/remove cycles of one guard gave one each, without end). A notice sent with
 * a merge key replaces the unit's unread notice of the same key (its text and time) instead of adding another:
 * one unread notice per key and unit, kept so by a partial unique index (INSERT … ON CONFLICT in the in-app channel).
 */
export class NotificationMerge1769700000000 implements MigrationInterface {
  name = 'NotificationMerge1769700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD COLUMN "merge_key" text`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_notifications_unread_merge" ON "notifications" ("unit_id", "merge_key") WHERE "read_at" IS NULL AND "merge_key" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_notifications_unread_merge"`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "merge_key"`);
  }
}
