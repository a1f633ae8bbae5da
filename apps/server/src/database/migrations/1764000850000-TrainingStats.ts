import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-activity training outcomes for the overview (absent / passed / failed / pending), kept exact by
 * triggers on training_attendance in the same transaction, like activity_roster_stats.
 */
export class TrainingStats1764000850000 implements MigrationInterface {
  name = 'TrainingStats1764000850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "activity_training_stats" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "activity_id" uuid NOT NULL,
        "outcome" text NOT NULL,
        "count" integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "idx_training_stats_activity" ON "activity_training_stats" ("activity_id")`);
    // Same outcome rule as the overview's trainingOutcomeExpr: absence counts before any score.
    await q.query(`
      CREATE FUNCTION refresh_activity_training_stats(ids uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        aid uuid;
      BEGIN
        FOR aid IN SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(7700003, hashtext(aid::text));
        END LOOP;
        DELETE FROM activity_training_stats WHERE activity_id = ANY(ids);
        INSERT INTO activity_training_stats (activity_id, outcome, count)
        SELECT s.activity_id,
               CASE WHEN t.attended = false THEN 'ABSENT' WHEN t.passed THEN 'PASSED'
                    WHEN t.passed = false THEN 'FAILED' ELSE 'PENDING' END,
               count(*)::int
          FROM training_sessions s JOIN training_attendance t ON t.session_id = s.id
         WHERE s.activity_id = ANY(ids)
         GROUP BY 1, 2;
      END $$`);
    await q.query(`
      CREATE FUNCTION training_stats_from_attendance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_activity_training_stats(ARRAY(
            SELECT DISTINCT s.activity_id FROM new_rows n JOIN training_sessions s ON s.id = n.session_id));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_activity_training_stats(ARRAY(
            SELECT DISTINCT s.activity_id FROM old_rows o JOIN training_sessions s ON s.id = o.session_id));
        ELSE
          PERFORM refresh_activity_training_stats(ARRAY(
            SELECT s.activity_id FROM new_rows n JOIN training_sessions s ON s.id = n.session_id
            UNION SELECT s.activity_id FROM old_rows o JOIN training_sessions s ON s.id = o.session_id));
        END IF;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows OLD TABLE AS old_rows';
      await q.query(`CREATE TRIGGER "training_stats_${op.toLowerCase()}" AFTER ${op} ON "training_attendance"
        REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION training_stats_from_attendance()`);
    }
    await q.query(`SELECT refresh_activity_training_stats(ARRAY(SELECT DISTINCT activity_id FROM training_sessions))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER "training_stats_${op}" ON "training_attendance"`);
    }
    await q.query(`DROP FUNCTION training_stats_from_attendance()`);
    await q.query(`DROP FUNCTION refresh_activity_training_stats(uuid[])`);
    await q.query(`DROP TABLE "activity_training_stats"`);
  }
}
