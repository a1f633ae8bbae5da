import { MigrationInterface, QueryRunner } from 'typeorm';

/** The duty gate (SPEC §2 step 6) as SQL over roster entry `r`: passed all three subjects (frozen copy, as in Calendar). */
const TRAINED_SQL = (r: string) => `(
  SELECT count(DISTINCT pt) FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
   CROSS JOIN unnest(ta.passed_topics) AS pt
   WHERE ta.roster_entry_id = ${r}.id AND ts.activity_id = ${r}.activity_id AND ta.attended
) = cardinality(enum_range(NULL::training_topic))`;

/**
 * The per-activity roster summary's refresh exactly as migration Calendar defined it last, with the
 * entries it counts as a parameter (the only difference between up and down).
 */
const refreshFunction = (counted: string) => `
  CREATE OR REPLACE FUNCTION refresh_activity_roster_stats(ids uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    aid uuid;
  BEGIN
    FOR aid IN SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(7700002, hashtext(aid::text));
    END LOOP;
    DELETE FROM activity_roster_stats WHERE activity_id = ANY(ids);
    INSERT INTO activity_roster_stats (activity_id, company_id, decision, reason_category, band, count)
    SELECT r.activity_id, r.company_id, r.decision, r.reason_category,
           CASE WHEN r.state = 'ACTIVE' AND r.decision = 'PASSED' AND ${TRAINED_SQL('r')}
                THEN (CASE WHEN ag.age < 18 THEN 'UNDER_18' WHEN ag.age <= 25 THEN 'AGE_18_25'
                           WHEN ag.age <= 35 THEN 'AGE_26_35' WHEN ag.age <= 45 THEN 'AGE_36_45'
                           WHEN ag.age <= 55 THEN 'AGE_46_55' ELSE 'OVER_55' END)
           END,
           count(*)::int
      FROM roster_entries r
      JOIN activities a ON a.id = r.activity_id
      JOIN guards g ON g.id = r.guard_id
      CROSS JOIN LATERAL (SELECT date_part('year', age((a.starts_at AT TIME ZONE 'Asia/Shanghai')::date, g.birth_date))::int AS age) ag
     WHERE r.activity_id = ANY(ids) AND ${counted}
     GROUP BY 1, 2, 3, 4, 5;
  END $$`;

/**
 * Counted from this migration on: on the roster, or found unfit (dashboard/overview.sql.ts
 * `vettingCountedExpr`, the 审核通报's rule). A PASSED entry taken off the roster no longer counts:
 * reuse copies only PASSED decisions, so counting them let a company add and remove a guard with a
 * reusable pass over and over, each time adding a "decision" no officer made to its performance and
 * to the overview's 已审核/通过率 (review 9-B F1).
 */
const COUNTED = `(r.state = 'ACTIVE' OR r.decision = 'FAILED')`;
/** Counted before: on the roster, or decided (migrations RosterStats, SuggestionStats, Calendar). */
const PREVIOUS_COUNTED = `(r.state = 'ACTIVE' OR r.decision <> 'PENDING')`;

/** Every activity's summary computed again with the function in place (as the earlier migrations fill it). */
const REFRESH_ALL = `SELECT refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM roster_entries))`;

/**
 * One rule for the entries vetting figures count, in the database too: the trigger-kept roster
 * summary (activity_roster_stats) feeds the overview and each company's performance (the 审核不通过率
 * part of the candidate score), so its refresh counts what the app counts, and the kept rows are
 * computed again under it. Moving the summary moves `suggestion_inputs.version` at commit (its
 * trigger), so the kept suggestion figures are read again.
 */
export class VettingCountedRule1768500000000 implements MigrationInterface {
  name = 'VettingCountedRule1768500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction(COUNTED));
    await q.query(REFRESH_ALL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction(PREVIOUS_COUNTED));
    await q.query(REFRESH_ALL);
  }
}
