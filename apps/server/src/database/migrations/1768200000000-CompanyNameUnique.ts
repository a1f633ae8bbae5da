import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One company per name on the register (企业名称登记管理规定第十七条; review 6 C-F2). A register that
 * already holds two companies of one name stops here and says which, to be merged or renamed first.
 */
export class CompanyNameUnique1768200000000 implements MigrationInterface {
  name = 'CompanyNameUnique1768200000000';

  public async up(q: QueryRunner): Promise<void> {
    const twice: { name: string; codes: string }[] = await q.query(
      `SELECT name, string_agg(credit_code, '、' ORDER BY credit_code) AS codes FROM companies GROUP BY name HAVING count(*) > 1 ORDER BY name LIMIT 20`,
    );
    if (twice.length) {
      throw new Error(
        `保安服务公司名册中有重名的公司，请先核对（更正名称或合并）后再升级：${twice.map((t) => `“${t.name}”（${t.codes}）`).join('；')}`,
      );
    }
    await q.query(`CREATE UNIQUE INDEX "uq_companies_name" ON "companies" ("name")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_companies_name"`);
  }
}
