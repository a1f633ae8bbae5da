import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One 保安管理支队 and one 警务督察部门 in the city (inactive ones count). The second is the security
 * auditor's unit (三员分立): the administrator made a second one, then deactivated the real one — every
 * auditor was logged out and kept out, and the credential warnings went to the administrator's own unit
 * (review 8-B F1). A database that already holds two stops here and says which, to be settled first.
 */
export class OnePerCityUnits1768300000000 implements MigrationInterface {
  name = 'OnePerCityUnits1768300000000';

  public async up(q: QueryRunner): Promise<void> {
    const twice: { kind: string; names: string }[] = await q.query(
      `SELECT kind::text, string_agg(name, '、' ORDER BY created_at) AS names FROM units
        WHERE kind IN ('SECURITY_DETACHMENT', 'INSPECTORATE') GROUP BY kind HAVING count(*) > 1`,
    );
    if (twice.length) {
      throw new Error(
        `全市只能有一个保安管理支队和一个警务督察部门，现有多个，请先核对（合并账号后删除多余单位）再升级：${twice.map((t) => `${t.kind}：${t.names}`).join('；')}`,
      );
    }
    await q.query(`DROP INDEX "public"."uq_units_security_detachment"`);
    await q.query(`CREATE UNIQUE INDEX "uq_units_one_per_city" ON "units" ("kind") WHERE "kind" IN ('SECURITY_DETACHMENT', 'INSPECTORATE')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_units_one_per_city"`);
    await q.query(`CREATE UNIQUE INDEX "uq_units_security_detachment" ON "units" ("kind") WHERE "kind" = 'SECURITY_DETACHMENT'`);
  }
}
