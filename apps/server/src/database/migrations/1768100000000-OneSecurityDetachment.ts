import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One 保安管理支队 in the city, the only unit whose accounts read vetting detail (review 6 A-F1: the
 * administrator made a second one, opened an account in it and read every ID number and record, while
 * the warning meant for the detachment went to the administrator's own new unit). Inactive ones count.
 */
export class OneSecurityDetachment1768100000000 implements MigrationInterface {
  name = 'OneSecurityDetachment1768100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX "uq_units_security_detachment" ON "units" ("kind") WHERE "kind" = 'SECURITY_DETACHMENT'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_units_security_detachment"`);
  }
}
