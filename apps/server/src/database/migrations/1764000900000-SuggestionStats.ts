import { MigrationInterface, QueryRunner } from 'typeorm';

/** The refresh of the per-activity roster summary: with the company (this migration) or without (RosterStats). */
const refreshFunction = (withCompany: boolean) => `
  CREATE OR REPLACE FUNCTION refresh_activity_roster_stats(ids uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    aid uuid;
  BEGIN
    -- Serialize refreshes of one activity: two transactions must not both insert its rows.
    FOR aid IN SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(7700002, hashtext(aid::text));
    END LOOP;
    DELETE FROM activity_roster_stats WHERE activity_id = ANY(ids);
    INSERT INTO activity_roster_stats (activity_id, ${withCompany ? 'company_id, ' : ''}decision, reason_category, band, count)
    SELECT r.activity_id, ${withCompany ? 'r.company_id, ' : ''}r.decision, r.reason_category,
           CASE WHEN r.state = 'ACTIVE' AND r.decision = 'PASSED' AND EXISTS (
                  SELECT 1 FROM training_attendance dt ${withCompany ? 'JOIN training_sessions ds ON ds.id = dt.session_id' : ''}
                   WHERE dt.roster_entry_id = r.id ${withCompany ? 'AND ds.activity_id = r.activity_id AND dt.attended ' : ''}AND dt.passed)
                THEN (CASE WHEN ag.age < 18 THEN 'UNDER_18' WHEN ag.age <= 25 THEN 'AGE_18_25'
                           WHEN ag.age <= 35 THEN 'AGE_26_35' WHEN ag.age <= 45 THEN 'AGE_36_45'
                           WHEN ag.age <= 55 THEN 'AGE_46_55' ELSE 'OVER_55' END)
           END,
           count(*)::int
      FROM roster_entries r
      JOIN activities a ON a.id = r.activity_id
      JOIN guards g ON g.id = r.guard_id
      CROSS JOIN LATERAL (SELECT date_part('year', age((a.starts_at AT TIME ZONE 'Asia/Shanghai')::date, g.birth_date))::int AS age) ag
     WHERE r.activity_id = ANY(ids) AND (r.state = 'ACTIVE' OR r.decision <> 'PENDING')
     GROUP BY ${withCompany ? '1, 2, 3, 4, 5' : '1, 2, 3, 4'};
  END $$`;

/**
 * Candidate suggestions (SPEC §8: < 200 ms at city scale) score every company on its past
 * performance: guards on duty and vetting outcomes of all its rosters. The per-activity roster
 * summary now also keeps the company, so that performance sums a few rows per activity; its on-duty
 * band follows the duty gate exactly (attended and passed a session of this activity). A partial
 * index finds the guards who failed vetting within the reuse window without reading every entry.
 */
export class SuggestionStats1764000900000 implements MigrationInterface {
  name = 'SuggestionStats1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activity_roster_stats" ADD "company_id" uuid`);
    await q.query(refreshFunction(true));
    await q.query(`SELECT refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM roster_entries))`);
    await q.query(`ALTER TABLE "activity_roster_stats" ALTER COLUMN "company_id" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_roster_stats_company" ON "activity_roster_stats" ("company_id")`);
    await q.query(`CREATE INDEX "idx_roster_failed_recent" ON "roster_entries" ("decided_at") INCLUDE ("guard_id") WHERE "decision" = 'FAILED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_roster_failed_recent"`);
    await q.query(`DROP INDEX "public"."idx_roster_stats_company"`);
    await q.query(`ALTER TABLE "activity_roster_stats" DROP COLUMN "company_id"`);
    await q.query(refreshFunction(false));
    await q.query(`SELECT refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM roster_entries))`);
  }
}
