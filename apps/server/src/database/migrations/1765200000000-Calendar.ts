import { MigrationInterface, QueryRunner } from 'typeorm';

/** The duty gate (SPEC §2 step 6) as SQL over roster entry `r`: passed all three subjects (frozen copy of duty-roster.ts). */
const TRAINED_SQL = (r: string) => `(
  SELECT count(DISTINCT pt) FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
   CROSS JOIN unnest(ta.passed_topics) AS pt
   WHERE ta.roster_entry_id = ${r}.id AND ts.activity_id = ${r}.activity_id AND ta.attended
) = cardinality(enum_range(NULL::training_topic))`;

/** The per-activity roster summary's refresh (as SuggestionStats) with the three-subject duty gate. */
const refreshFunction = (gate: string) => `
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
           CASE WHEN r.state = 'ACTIVE' AND r.decision = 'PASSED' AND ${gate}
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
     GROUP BY 1, 2, 3, 4, 5;
  END $$`;

const PREVIOUS_GATE = `EXISTS (
  SELECT 1 FROM training_attendance dt JOIN training_sessions ds ON ds.id = dt.session_id
   WHERE dt.roster_entry_id = r.id AND ds.activity_id = r.activity_id AND dt.attended AND dt.passed)`;

/**
 * The lifecycle on the calendar and the seed's chain of command (issue 13):
 * - each stage's completion time (请示, 批示 and who gave it, 遴选, 名单, 开始) beside the existing
 *   stamps, and the statement a 总结 carries when a serious finding was left uncorrected;
 * - 请示: the detachment's request to the leader with its assessment, one open request per activity;
 * - training by subject: each attendance keeps the subjects passed; sessions can be cancelled with a
 *   reason; the duty gate (and the roster summary kept by triggers) needs all three subjects;
 * - posts: each on-duty guard's post and area;
 * - 督办: one reminder per (activity, stage, level), whatever the number of API nodes, and the
 *   office's 督办通知 with the unit's answer and the outcome.
 */
export class Calendar1765200000000 implements MigrationInterface {
  name = 'Calendar1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activities"
      ADD "requested_at" timestamptz, ADD "approved_at" timestamptz, ADD "approved_by" uuid,
      ADD "selected_at" timestamptz, ADD "roster_submitted_at" timestamptz, ADD "started_at" timestamptz,
      ADD "close_statement" text`);
    // Stamps of activities that passed those stages before this migration, from their history.
    for (const [column, status] of [
      ['approved_at', 'APPROVED'],
      ['selected_at', 'COMPANY_SELECTED'],
      ['roster_submitted_at', 'VETTING'],
      ['started_at', 'IN_PROGRESS'],
    ]) {
      await q.query(`UPDATE activities a SET ${column} = t.at
        FROM (SELECT activity_id, max(at) AS at FROM activity_transitions WHERE to_status = '${status}' GROUP BY 1) t
        WHERE t.activity_id = a.id`);
    }
    await q.query(`UPDATE activities a SET approved_by = t.actor_id
      FROM (SELECT DISTINCT ON (activity_id) activity_id, actor_id FROM activity_transitions
             WHERE to_status = 'APPROVED' ORDER BY activity_id, at DESC) t
      WHERE t.activity_id = a.id`);
    // Approved before 请示 existed: the 通报 stood for the request.
    await q.query(`UPDATE activities SET requested_at = reported_at WHERE approved_at IS NOT NULL AND reported_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE "instruction_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "activity_id" uuid NOT NULL,
        "requested_by" uuid NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "assessment" jsonb NOT NULL,
        "answered_by" uuid,
        "answered_at" timestamptz,
        "approved" boolean,
        "answer" text
      )`);
    await q.query(`CREATE INDEX "idx_instruction_requests_activity" ON "instruction_requests" ("activity_id", "requested_at")`);
    await q.query(`CREATE UNIQUE INDEX "uq_instruction_requests_open" ON "instruction_requests" ("activity_id") WHERE "answered_at" IS NULL`);

    await q.query(`ALTER TABLE "training_sessions" ADD "cancelled_at" timestamptz, ADD "cancelled_by" uuid, ADD "cancel_reason" text,
      ADD "updated_at" timestamptz`);
    // One session per time and place (migration OneRowRules) among those not cancelled: a cancelled
    // session's slot can be booked again.
    await q.query(`DROP INDEX "uq_training_sessions_slot"`);
    await q.query(`CREATE UNIQUE INDEX "uq_training_sessions_slot" ON "training_sessions" ("activity_id", "starts_at", "place", "is_makeup") WHERE "cancelled_at" IS NULL`);
    await q.query(`ALTER TABLE "training_attendance" ADD "passed_topics" "training_topic" array NOT NULL DEFAULT '{}'`);
    // Results recorded before: a pass counted every subject of its session; otherwise the scores ≥ 60.
    await q.query(`UPDATE training_attendance ta SET passed_topics = CASE
        WHEN ta.attended AND ta.passed THEN s.topics
        WHEN ta.attended THEN ARRAY(SELECT t FROM unnest(s.topics) AS t WHERE (ta.scores ->> t::text)::numeric >= 60)::training_topic[]
        ELSE '{}' END
      FROM training_sessions s WHERE s.id = ta.session_id`);
    await q.query(refreshFunction(TRAINED_SQL('r')));
    await q.query(`SELECT refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM roster_entries))`);

    await q.query(`ALTER TABLE "roster_entries" ADD "area" text`);

    await q.query(`
      CREATE TABLE "supervision_reminders" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "activity_id" uuid NOT NULL,
        "stage" text NOT NULL,
        "level" smallint NOT NULL,
        "unit_id" uuid NOT NULL,
        "due_on" date NOT NULL,
        "sent_at" timestamptz NOT NULL,
        CONSTRAINT "uq_supervision_reminders" UNIQUE ("activity_id", "stage", "level")
      )`);
    await q.query(`
      CREATE TABLE "supervision_notices" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "activity_id" uuid NOT NULL,
        "stage" text NOT NULL,
        "unit_id" uuid NOT NULL,
        "text" text NOT NULL,
        "due_on" date NOT NULL,
        "issued_by" uuid NOT NULL,
        "issued_at" timestamptz NOT NULL,
        "answer" text,
        "answered_by" uuid,
        "answered_at" timestamptz,
        "outcome" text,
        "closed_by" uuid,
        "closed_at" timestamptz
      )`);
    await q.query(`CREATE INDEX "idx_supervision_notices_unit" ON "supervision_notices" ("unit_id", "closed_at")`);
    await q.query(`CREATE INDEX "idx_supervision_notices_activity" ON "supervision_notices" ("activity_id")`);
    // One open 督办通知 per activity stage: a double click or a second officer gets CONFLICT.
    await q.query(`CREATE UNIQUE INDEX "uq_supervision_notices_open" ON "supervision_notices" ("activity_id", "stage") WHERE "closed_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "supervision_notices"`);
    await q.query(`DROP TABLE "supervision_reminders"`);
    await q.query(`ALTER TABLE "roster_entries" DROP COLUMN "area"`);
    await q.query(refreshFunction(PREVIOUS_GATE));
    await q.query(`SELECT refresh_activity_roster_stats(ARRAY(SELECT DISTINCT activity_id FROM roster_entries))`);
    await q.query(`ALTER TABLE "training_attendance" DROP COLUMN "passed_topics"`);
    await q.query(`DROP INDEX "uq_training_sessions_slot"`);
    await q.query(`DELETE FROM training_sessions WHERE cancelled_at IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_training_sessions_slot" ON "training_sessions" ("activity_id", "starts_at", "place", "is_makeup")`);
    await q.query(`ALTER TABLE "training_sessions" DROP COLUMN "cancelled_at", DROP COLUMN "cancelled_by", DROP COLUMN "cancel_reason", DROP COLUMN "updated_at"`);
    await q.query(`DROP TABLE "instruction_requests"`);
    await q.query(`ALTER TABLE "activities" DROP COLUMN "requested_at", DROP COLUMN "approved_at", DROP COLUMN "approved_by",
      DROP COLUMN "selected_at", DROP COLUMN "roster_submitted_at", DROP COLUMN "started_at", DROP COLUMN "close_statement"`);
  }
}
