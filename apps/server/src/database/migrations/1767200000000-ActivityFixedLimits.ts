import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision keeps the facts it was made on (review F4, F6): the age limits an activity was approved
 * on (the leader's 批示) and the pass mark a training session's results were judged by. Later changes
 * of the settings `guard.minAge`, `guard.maxAge` and `training.passScore` apply only to activities not
 * yet approved and sessions without results.
 *
 * Rows already past those points are filled from the settings as they stand now (the defaults of this
 * release where a setting was never changed): the closest record there is of what they were decided on.
 */
const setting = (key: string, fallback: number) =>
  `COALESCE((SELECT (value #>> '{}')::int FROM settings WHERE key = '${key}'), ${fallback})`;

export class ActivityFixedLimits1767200000000 implements MigrationInterface {
  name = 'ActivityFixedLimits1767200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activities" ADD "approved_min_age" integer, ADD "approved_max_age" integer`);
    await q.query(`ALTER TABLE "activities" ADD CONSTRAINT "CHK_activities_approved_ages"
      CHECK (("approved_min_age" IS NULL) = ("approved_max_age" IS NULL))`);
    // Past the 批示: every state after REPORTED but DRAFT, and a cancelled activity that had been approved.
    await q.query(`
      UPDATE "activities"
         SET "approved_min_age" = ${setting('guard.minAge', 18)},
             "approved_max_age" = COALESCE("age_limit", ${setting('guard.maxAge', 55)})
       WHERE "approved_at" IS NOT NULL OR "status" NOT IN ('DRAFT', 'REPORTED', 'CANCELLED')`);

    await q.query(`ALTER TABLE "training_sessions" ADD "pass_score" integer`);
    await q.query(`
      UPDATE "training_sessions" ts
         SET "pass_score" = ${setting('training.passScore', 60)}
       WHERE EXISTS (SELECT 1 FROM "training_attendance" ta WHERE ta."session_id" = ts."id" AND ta."attended" IS NOT NULL)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "training_sessions" DROP COLUMN "pass_score"`);
    await q.query(`ALTER TABLE "activities" DROP CONSTRAINT "CHK_activities_approved_ages"`);
    await q.query(`ALTER TABLE "activities" DROP COLUMN "approved_min_age", DROP COLUMN "approved_max_age"`);
  }
}
