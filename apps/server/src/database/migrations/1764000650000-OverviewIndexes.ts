import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overview (SPEC §6, §8: p95 < 100 ms at city scale) aggregates rosters, training results and
 * findings of a period's activities. These covering and partial indexes let PostgreSQL answer from
 * the indexes alone (index-only scans) instead of reading the wide rows. TypeORM cannot express
 * INCLUDE, so the entities declare them with `synchronize: false`.
 */
export class OverviewIndexes1764000650000 implements MigrationInterface {
  name = 'OverviewIndexes1764000650000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_activities_start" ON "activities" ("starts_at") INCLUDE ("status", "district", "security_mode")`);
    await q.query(`CREATE INDEX "idx_roster_activity_outcome" ON "roster_entries" ("activity_id") INCLUDE ("state", "decision", "reason_category", "guard_id")`);
    await q.query(`CREATE INDEX "idx_attendance_passed" ON "training_attendance" ("roster_entry_id") WHERE "passed"`);
    await q.query(`CREATE INDEX "idx_findings_open_serious" ON "findings" ("company_id") WHERE "serious" AND "corrected_at" IS NULL`);
    await q.query(`CREATE INDEX "idx_guards_birth_date" ON "guards" ("id") INCLUDE ("birth_date")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_guards_birth_date"`);
    await q.query(`DROP INDEX "public"."idx_findings_open_serious"`);
    await q.query(`DROP INDEX "public"."idx_attendance_passed"`);
    await q.query(`DROP INDEX "public"."idx_roster_activity_outcome"`);
    await q.query(`DROP INDEX "public"."idx_activities_start"`);
  }
}
