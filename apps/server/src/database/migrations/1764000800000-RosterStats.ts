import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-activity summary of rosters for the overview (SPEC §8: p95 < 100 ms at city scale):
 * one row per (activity, decision, reason category, age band of those on duty). Triggers on
 * roster_entries, training_attendance and activities keep it exact inside the same transaction,
 * so the overview sums a few rows per activity instead of joining every roster entry with its
 * guard and training results.
 */
export class RosterStats1764000800000 implements MigrationInterface {
  name = 'RosterStats1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "activity_roster_stats" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "activity_id" uuid NOT NULL,
        "decision" "vetting_decision" NOT NULL,
        "reason_category" "vetting_reason_category",
        "band" text,
        "count" integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "idx_roster_stats_activity" ON "activity_roster_stats" ("activity_id")`);
    // Mirrors the overview's definitions: counted = on the roster or decided; on duty = ACTIVE ∧ PASSED
    // ∧ passed a training session; age in whole years on the activity's first day, Beijing date.
    await q.query(`
      CREATE FUNCTION refresh_activity_roster_stats(ids uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        aid uuid;
      BEGIN
        -- Serialize refreshes of one activity: two transactions must not both insert its rows.
        FOR aid IN SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(7700002, hashtext(aid::text));
        END LOOP;
        DELETE FROM activity_roster_stats WHERE activity_id = ANY(ids);
        INSERT INTO activity_roster_stats (activity_id, decision, reason_category, band, count)
        SELECT r.activity_id, r.decision, r.reason_category,
               CASE WHEN r.state = 'ACTIVE' AND r.decision = 'PASSED' AND EXISTS (
                      SELECT 1 FROM training_attendance dt WHERE dt.roster_entry_id = r.id AND dt.passed)
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
         GROUP BY 1, 2, 3, 4;
      END $$`);
    await q.query(`
      CREATE FUNCTION roster_stats_from_roster() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM old_rows));
        ELSE
          PERFORM refresh_activity_roster_stats(ARRAY(
            SELECT activity_id FROM new_rows UNION SELECT activity_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION roster_stats_from_training() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_activity_roster_stats(ARRAY(
            SELECT DISTINCT r.activity_id FROM new_rows n JOIN roster_entries r ON r.id = n.roster_entry_id));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_activity_roster_stats(ARRAY(
            SELECT DISTINCT r.activity_id FROM old_rows o JOIN roster_entries r ON r.id = o.roster_entry_id));
        ELSE
          PERFORM refresh_activity_roster_stats(ARRAY(
            SELECT r.activity_id FROM new_rows n JOIN roster_entries r ON r.id = n.roster_entry_id
            UNION SELECT r.activity_id FROM old_rows o JOIN roster_entries r ON r.id = o.roster_entry_id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION roster_stats_from_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_activity_roster_stats(ARRAY(
          SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.starts_at IS DISTINCT FROM o.starts_at));
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows OLD TABLE AS old_rows';
      const lower = op.toLowerCase();
      await q.query(`CREATE TRIGGER "roster_stats_roster_${lower}" AFTER ${op} ON "roster_entries"
        REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_from_roster()`);
      await q.query(`CREATE TRIGGER "roster_stats_training_${lower}" AFTER ${op} ON "training_attendance"
        REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_from_training()`);
    }
    await q.query(`CREATE TRIGGER "roster_stats_activity_update" AFTER UPDATE ON "activities"
      REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roster_stats_from_activity()`);
    await q.query(`SELECT refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM roster_entries))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "roster_stats_activity_update" ON "activities"`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER "roster_stats_roster_${op}" ON "roster_entries"`);
      await q.query(`DROP TRIGGER "roster_stats_training_${op}" ON "training_attendance"`);
    }
    await q.query(`DROP FUNCTION roster_stats_from_activity()`);
    await q.query(`DROP FUNCTION roster_stats_from_training()`);
    await q.query(`DROP FUNCTION roster_stats_from_roster()`);
    await q.query(`DROP FUNCTION refresh_activity_roster_stats(uuid[])`);
    await q.query(`DROP TABLE "activity_roster_stats"`);
  }
}
