import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Red team G3 (a way round F5). One activity registered once was judged on the exact text, by one
 * reporting unit: a double space, lower-case or full-width letters (Ｒｅｄ Ｂｅａｃｈ), an ideographic space
 * (U+3000), a space inside the venue, a start at 01:00:30.123 instead of 01:00, or the same event
 * registered by another police unit (the event detachment as well as the district bureau) each made
 * a second activity.
 *
 * Now one definition, in the database, says when two registrations are the same activity; the
 * service's check (activity.service.ts `registeredAs`) and the unique index both use it:
 *
 * - the district (the event's, not the registering unit: the detachment registers city-wide);
 * - the name and the venue as `activity_registration_text`: Unicode NFKC (full-width letters, digits
 *   and spaces become their ordinary forms), every whitespace and invisible separator removed, ASCII
 *   letters in lower case (the C collation: the same result on every server, whatever its locale);
 * - the start to the minute (`activity_registration_minute`; new times with seconds are refused).
 *
 * Among activities not cancelled that key is unique, whoever registered them. A database that
 * already holds two activities under it stops here and names them, to cancel the duplicate (with
 * its reason) first; nothing is cancelled silently.
 */
const WHITESPACE = String.raw`[\t\n\v\f\r \u0085\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]`;

const REGISTRATION_KEY_SQL = (a: string) =>
  `${a}.district, activity_registration_text(${a}.name), activity_registration_text(${a}.venue), activity_registration_minute(${a}.starts_at)`;

export class RegisteredOnceNormalized1769200000000 implements MigrationInterface {
  name = 'RegisteredOnceNormalized1769200000000';

  public async up(q: QueryRunner): Promise<void> {
    // SQL-standard bodies (parsed once, at creation): what they call is fixed, whatever the search_path.
    await q.query(
      `CREATE FUNCTION activity_registration_text(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         RETURN lower(regexp_replace(normalize(t, NFKC), '${WHITESPACE}', '', 'g') COLLATE "C")`,
    );
    await q.query(
      `CREATE FUNCTION activity_registration_minute(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         RETURN date_bin('1 minute', t, TIMESTAMPTZ '2000-01-01 00:00:00+00')`,
    );
    const twice: { name: string; codes: string }[] = await q.query(
      `SELECT (array_agg(a.name ORDER BY a.code))[1] AS name, string_agg(a.code || '（' || coalesce(u.name, '登记单位不明') || '登记）', '、' ORDER BY a.code) AS codes
         FROM activities a LEFT JOIN units u ON u.id = a.reporter_unit_id
        WHERE a.status <> 'CANCELLED'
        GROUP BY ${REGISTRATION_KEY_SQL('a')} HAVING count(*) > 1 ORDER BY min(a.code) LIMIT 20`,
    );
    if (twice.length) {
      throw new Error(
        `有重复登记的活动：同一辖区、开始时间同一分钟，名称和场所相同或仅空格、大小写、全角半角不同。请先取消重复的一条（注明“重复登记”）后再升级：${twice.map((t) => `“${t.name}”：${t.codes}`).join('；')}`,
      );
    }
    await q.query(`DROP INDEX "public"."uq_activities_registration"`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_activities_registration" ON "activities"
         ("district", activity_registration_text("name"), activity_registration_text("venue"), activity_registration_minute("starts_at"))
         WHERE "status" <> 'CANCELLED'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    // The rule before: the same reporting unit, name, venue and start as typed (two districts' activities may share them now).
    const twice: { name: string; codes: string }[] = await q.query(
      `SELECT name, string_agg(code, '、' ORDER BY code) AS codes FROM activities WHERE status <> 'CANCELLED'
        GROUP BY reporter_unit_id, name, venue, starts_at HAVING count(*) > 1 ORDER BY min(code) LIMIT 20`,
    );
    if (twice.length) {
      throw new Error(
        `有同一登记单位、名称、场所和开始时间的活动（不同辖区），旧规则不允许，请先取消其中一条后再降级：${twice.map((t) => `“${t.name}”（${t.codes}）`).join('；')}`,
      );
    }
    await q.query(`DROP INDEX "public"."uq_activities_registration"`);
    await q.query(`DROP FUNCTION activity_registration_minute(timestamptz)`);
    await q.query(`DROP FUNCTION activity_registration_text(text)`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_activities_registration" ON "activities" ("reporter_unit_id", "name", "venue", "starts_at") WHERE "status" <> 'CANCELLED'`,
    );
  }
}
