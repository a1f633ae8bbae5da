import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding on a real deployment: units can be deactivated (their accounts can no longer log in)
 * and merged (the duplicate keeps a pointer to the unit that absorbed it); an organizer carries its
 * 统一社会信用代码, unique across units; one active 公安（分）局 per district; police units of one
 * kind never share a name (a double-clicked creation is a CONFLICT, not a second unit).
 */
export class Onboarding1765300000000 implements MigrationInterface {
  name = 'Onboarding1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "units" ADD "active" boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE "units" ADD "credit_code" text`);
    await q.query(`ALTER TABLE "units" ADD "merged_into_id" uuid`);
    await q.query(`ALTER TABLE "units" ADD "deactivated_reason" text`);
    await q.query(`
      ALTER TABLE "units" ADD CONSTRAINT "FK_units_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "units"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "units" ADD CONSTRAINT "CHK_units_bureau_district" CHECK ("kind" <> 'DISTRICT_BUREAU' OR "district" IS NOT NULL)`);
    await q.query(`ALTER TABLE "units" ADD CONSTRAINT "CHK_units_merged_inactive" CHECK ("merged_into_id" IS NULL OR NOT "active")`);
    await q.query(`CREATE UNIQUE INDEX "uq_units_credit_code" ON "units" ("credit_code") WHERE "credit_code" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_units_district_bureau" ON "units" ("district") WHERE "kind" = 'DISTRICT_BUREAU' AND "active"`);
    await q.query(`
      CREATE UNIQUE INDEX "uq_units_police_name" ON "units" ("kind", "name")
       WHERE "kind" NOT IN ('ORGANIZER', 'COMPANY') AND "merged_into_id" IS NULL`);
    await q.query(`CREATE INDEX "idx_users_unit" ON "users" ("unit_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_users_unit"`);
    await q.query(`DROP INDEX "public"."uq_units_police_name"`);
    await q.query(`DROP INDEX "public"."uq_units_district_bureau"`);
    await q.query(`DROP INDEX "public"."uq_units_credit_code"`);
    await q.query(`ALTER TABLE "units" DROP CONSTRAINT "CHK_units_merged_inactive"`);
    await q.query(`ALTER TABLE "units" DROP CONSTRAINT "CHK_units_bureau_district"`);
    await q.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_units_merged_into"`);
    await q.query(`ALTER TABLE "units" DROP COLUMN "deactivated_reason"`);
    await q.query(`ALTER TABLE "units" DROP COLUMN "merged_into_id"`);
    await q.query(`ALTER TABLE "units" DROP COLUMN "credit_code"`);
    await q.query(`ALTER TABLE "units" DROP COLUMN "active"`);
  }
}
