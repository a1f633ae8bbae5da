import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Red team round 6 L1. A district bureau created a second organizer named exactly as one on the
 * list (盘锦红海滩文化旅游发展有限公司, another credit code, its own login), and variants with a space or
 * a full-width space: every list, 台账 export and activity form then showed two units that look alike.
 *
 * One organizer (主办/承办单位) and one security service company per name, city-wide, among the units
 * not merged into another (a deactivated one counts: it can be reactivated). "The same name" is the
 * activities' text key (`activity_registration_text`: NFKC, every whitespace and invisible separator
 * removed, ASCII letters in lower case), named `unit_name_key` here so that the service's check
 * (units/onboarding.service.ts `sameNameUnit`) and this index use one definition. Parentheses are
 * kept: “某公司(大洼)” is a branch's name, not the same one (NFKC makes （） and () one).
 *
 * A database that already holds two units under the key stops here and names them, to be merged
 * (organizers: the administrator's 合并重复单位) or renamed first; nothing is changed silently.
 */
export class UnitNameOnce1769500000000 implements MigrationInterface {
  name = 'UnitNameOnce1769500000000';

  public async up(q: QueryRunner): Promise<void> {
    // The activities' key itself, called by its schema-qualified name (no search_path can redirect it).
    // A string body, not a SQL-standard one: that would record a dependency on activity_registration_text
    // and stop RegisteredOnceNormalized.down (run on its own by its test) from dropping it; run in
    // order, this migration's down drops unit_name_key first.
    await q.query(
      `CREATE FUNCTION unit_name_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         AS 'SELECT public.activity_registration_text(t)'`,
    );
    const twice: { kind: string; units: string }[] = await q.query(
      `SELECT CASE u.kind WHEN 'ORGANIZER' THEN '主办/承办单位' ELSE '保安服务公司' END AS kind,
              string_agg('“' || u.name || '”（' || coalesce(u.credit_code, c.credit_code, '无统一社会信用代码')
                         || CASE WHEN u.active THEN '' ELSE '，已停用' END || '）', '、' ORDER BY u.created_at, u.id) AS units
         FROM units u LEFT JOIN companies c ON c.id = u.id AND u.kind = 'COMPANY'
        WHERE u.kind IN ('ORGANIZER', 'COMPANY') AND u.merged_into_id IS NULL
        GROUP BY u.kind, unit_name_key(u.name) HAVING count(*) > 1
        ORDER BY u.kind, min(u.name) LIMIT 20`,
    );
    if (twice.length) {
      throw new Error(
        `有同名的单位：同类单位（主办/承办单位、保安服务公司）名称相同或仅空格、大小写、全角半角不同。` +
          `请先合并重复的主办单位或更正名称后再升级：${twice.map((t) => `${t.kind}${t.units}`).join('；')}`,
      );
    }
    await q.query(
      `CREATE UNIQUE INDEX "uq_units_name_once" ON "units" ("kind", unit_name_key("name"))
         WHERE "kind" IN ('ORGANIZER', 'COMPANY') AND "merged_into_id" IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_units_name_once"`);
    await q.query(`DROP FUNCTION unit_name_key(text)`);
  }
}
