import { MigrationInterface, QueryRunner } from 'typeorm';

/** The duty gate (SPEC §2 step 6) as SQL over roster entry `r`: passed all three subjects (frozen copy, as in Calendar). */
const TRAINED_SQL = (r: string) => `(
  SELECT count(DISTINCT pt) FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
   CROSS JOIN unnest(ta.passed_topics) AS pt
   WHERE ta.roster_entry_id = ${r}.id AND ts.activity_id = ${r}.activity_id AND ta.attended
) = cardinality(enum_range(NULL::training_topic))`;

/** One rule of the summary: which entries it counts, and whether it keeps reused copies apart. */
interface Rule {
  counted: string;
  withReused: boolean;
}

/** The summary's columns, in the order `statsRows` selects them. */
const columns = (rule: Rule) => `activity_id, company_id, decision, reason_category, ${rule.withReused ? 'reused, ' : ''}band, count`;

/**
 * The summary's rows for the roster entries matching `where`, as migration Calendar computed them, plus
 * (with `withReused`) whether the entry is a reused copy of an earlier pass. One text for the refresh
 * function and the whole-table recompute below, so the two can never count differently.
 */
const statsRows = (rule: Rule, where: string) => `
    SELECT r.activity_id, r.company_id, r.decision, r.reason_category,${rule.withReused ? ' (r.reused_from_entry_id IS NOT NULL),' : ''}
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
     WHERE ${where} AND ${rule.counted}
     GROUP BY ${rule.withReused ? '1, 2, 3, 4, 5, 6' : '1, 2, 3, 4, 5'}`;

/**
 * The per-activity roster summary's refresh as migration Calendar defined it last (the triggers call
 * it with the activities a statement touched), under `rule`: the only differences between up and down.
 */
const refreshFunction = (rule: Rule) => `
  CREATE OR REPLACE FUNCTION refresh_activity_roster_stats(ids uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    aid uuid;
  BEGIN
    FOR aid IN SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(7700002, hashtext(aid::text));
    END LOOP;
    DELETE FROM activity_roster_stats WHERE activity_id = ANY(ids);
    INSERT INTO activity_roster_stats (${columns(rule)})${statsRows(rule, 'r.activity_id = ANY(ids)')};
  END $$`;

/**
 * Every activity's summary computed again under `rule`, in two statements. Not through the function:
 * called with every activity at once it takes one advisory lock per activity, all held until commit,
 * and on a database with more activities than the lock table holds (max_locks_per_transaction ×
 * max_connections, 6,400 by default) the migration would fail with "out of shared memory" (review 9
 * C10). One table lock stands for those per-activity locks: a trigger's refresh in another transaction
 * waits for this one to commit (its DELETE needs ROW EXCLUSIVE), so no activity's rows are written
 * twice. (The ALTER TABLE beside it in up() and down() already holds a stronger lock; this one keeps
 * the recompute safe on its own. LOCK TABLE needs a transaction: migrations run one each.)
 */
const recomputeAll = (rule: Rule) => [
  `LOCK TABLE activity_roster_stats IN EXCLUSIVE MODE`,
  `DELETE FROM activity_roster_stats`,
  `INSERT INTO activity_roster_stats (${columns(rule)})${statsRows(rule, 'true')}`,
];

/**
 * Counted from this migration on: on the roster, or found unfit (dashboard/overview.sql.ts
 * `vettingCountedExpr`). A PASSED entry taken off the roster no longer counts: reuse copies only
 * PASSED decisions, so counting them let a company add and remove a guard with a reusable pass over
 * and over, each time adding a "decision" no officer made to its performance and to the overview's
 * 已审核/通过率 (review 9-B F1). Reused copies are kept apart (`reused`): they stay in the activity's
 * figures (a guard cleared for it), but a company's performance counts only the decisions made in the
 * activity (companies/performance.ts), so putting its whole reusable register on one roster does not
 * lower its 审核不通过率 (review 9 C5).
 */
const CURRENT: Rule = { counted: `(r.state = 'ACTIVE' OR r.decision = 'FAILED')`, withReused: true };
/** Counted before: on the roster, or decided (migrations RosterStats, SuggestionStats, Calendar); no `reused` column. */
const PREVIOUS: Rule = { counted: `(r.state = 'ACTIVE' OR r.decision <> 'PENDING')`, withReused: false };

/**
 * The statements that bring a summary to the current rule (the refresh function, then the rows), with
 * reused copies kept apart or (`withReused` false, as this migration's first text) not: for migration
 * VettingCountedReused, which catches up a database that ran that first text.
 */
export const toCurrentRule = (withReused = true): string[] => {
  const rule: Rule = { ...CURRENT, withReused };
  return [refreshFunction(rule), ...recomputeAll(rule)];
};

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
    // A constant default: no table rewrite; the recompute below sets it on every row.
    await q.query(`ALTER TABLE "activity_roster_stats" ADD "reused" boolean NOT NULL DEFAULT false`);
    await q.query(refreshFunction(CURRENT));
    for (const sql of recomputeAll(CURRENT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction(PREVIOUS));
    // IF EXISTS: a development database that ran this migration before it added the column can revert it.
    await q.query(`ALTER TABLE "activity_roster_stats" DROP COLUMN IF EXISTS "reused"`);
    for (const sql of recomputeAll(PREVIOUS)) await q.query(sql);
  }
}
