import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vetting binds to an identity and reveals nothing before the detachment decides (issue 10):
 * - `roster_entries.suggestion_category`: the system's reason category for its suggestion
 *   (detachment only); `reason_category` now carries only a decision's category, so a PENDING
 *   entry with a hit looks like a clean one to everybody else.
 * - `roster_entries.identity_hash`: the person as checked (ID number, name, declared relatives and
 *   the statement about undeclared ones); a decision or its reuse holds only for that identity.
 * - `roster_entries.version`: bumped by every change (trigger), for `decideVetting`'s expected versions.
 * - `guards.relatives_statement`: the company's audited statement why a father/mother is not declared.
 * - Identity lock: while a guard is on the roster of an open activity, its name, ID number,
 *   relatives and statement cannot change, whatever the path (form, import, SQL): a trigger refuses
 *   with SQLSTATE EV001, which the API maps to CONFLICT.
 * - `activity_transitions.actor_id` nullable: a transition the system makes (closing vetting when a
 *   company's action completes it) is recorded as the system's, never in the company's name.
 */
export class VettingIntegrity1765000000000 implements MigrationInterface {
  name = 'VettingIntegrity1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "roster_entries"
      ADD "suggestion_category" "vetting_reason_category",
      ADD "identity_hash" text,
      ADD "version" integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "guards" ADD "relatives_statement" text`);
    await q.query(`ALTER TABLE "activity_transitions" ALTER COLUMN "actor_id" DROP NOT NULL`);

    // Suggestions keep their category apart from decisions; an undecided entry carries none.
    await q.query(`UPDATE "roster_entries" SET "suggestion_category" = "reason_category" WHERE "suggestion" IS NOT NULL AND "suggestion" <> 'PASSED'`);
    await q.query(`UPDATE "roster_entries" SET "reason_category" = NULL WHERE "decision" = 'PENDING' AND "reason_category" IS NOT NULL`);

    // One definition of "the person as vetted", used by the service and by this backfill.
    await q.query(`
      CREATE FUNCTION guard_identity_hash(gid uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(
                 g.id_number || '|' || g.name || '|' || coalesce(g.relatives_statement, '') || '|' ||
                 coalesce((SELECT string_agg(r.relation::text || ':' || r.id_number || ':' || r.name, ';'
                                             ORDER BY r.relation::text COLLATE "C", r.id_number COLLATE "C", r.name COLLATE "C")
                             FROM guard_relatives r WHERE r.guard_id = g.id), ''),
                 'UTF8')), 'hex')
          FROM guards g WHERE g.id = gid
      $$`);
    await q.query(`UPDATE "roster_entries" SET "identity_hash" = guard_identity_hash("guard_id") WHERE "checked_at" IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION roster_entry_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "trg_roster_entry_version" BEFORE UPDATE ON "roster_entries" FOR EACH ROW EXECUTE FUNCTION roster_entry_bump_version()`);

    // The open roster a guard is on (name of the first such activity), or NULL.
    await q.query(`
      CREATE FUNCTION guard_open_roster_activity(gids uuid[]) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT a.name FROM roster_entries re JOIN activities a ON a.id = re.activity_id
         WHERE re.guard_id = ANY(gids) AND re.state = 'ACTIVE'
           AND a.status IN ('VETTING', 'TRAINING', 'READY', 'IN_PROGRESS')
         ORDER BY a.starts_at LIMIT 1
      $$`);
    await q.query(`
      CREATE FUNCTION guard_identity_locked(gids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        act text;
      BEGIN
        IF cardinality(gids) = 0 THEN RETURN; END IF;
        act := guard_open_roster_activity(gids);
        IF act IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('该保安员在“%s”的名单中，姓名、身份证号和直系亲属不能修改（审核结论针对审核时的身份）', act);
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION guards_identity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM guard_identity_locked(ARRAY(
          SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE n.id_number IS DISTINCT FROM o.id_number OR n.name IS DISTINCT FROM o.name
              OR n.relatives_statement IS DISTINCT FROM o.relatives_statement));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "trg_guards_identity" AFTER UPDATE ON "guards" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION guards_identity_guard()`);
    await q.query(`
      CREATE FUNCTION relatives_identity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM guard_identity_locked(ARRAY(SELECT DISTINCT guard_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM guard_identity_locked(ARRAY(SELECT DISTINCT guard_id FROM old_rows));
        ELSE
          PERFORM guard_identity_locked(ARRAY(
            SELECT o.guard_id FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (n.guard_id, n.relation, n.id_number, n.name) IS DISTINCT FROM (o.guard_id, o.relation, o.id_number, o.name)
            UNION SELECT n.guard_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.guard_id IS DISTINCT FROM o.guard_id));
        END IF;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER "trg_relatives_identity_${op.toLowerCase()}" AFTER ${op} ON "guard_relatives" REFERENCING ${refs}
        FOR EACH STATEMENT EXECUTE FUNCTION relatives_identity_guard()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "trg_relatives_identity_${op}" ON "guard_relatives"`);
    await q.query(`DROP TRIGGER "trg_guards_identity" ON "guards"`);
    await q.query(`DROP FUNCTION relatives_identity_guard()`);
    await q.query(`DROP FUNCTION guards_identity_guard()`);
    await q.query(`DROP FUNCTION guard_identity_locked(uuid[])`);
    await q.query(`DROP FUNCTION guard_open_roster_activity(uuid[])`);
    await q.query(`DROP TRIGGER "trg_roster_entry_version" ON "roster_entries"`);
    await q.query(`DROP FUNCTION roster_entry_bump_version()`);
    await q.query(`DROP FUNCTION guard_identity_hash(uuid)`);
    await q.query(`UPDATE "roster_entries" SET "reason_category" = "suggestion_category" WHERE "decision" = 'PENDING'`);
    await q.query(`DELETE FROM "activity_transitions" WHERE "actor_id" IS NULL`);
    await q.query(`ALTER TABLE "activity_transitions" ALTER COLUMN "actor_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "guards" DROP COLUMN "relatives_statement"`);
    await q.query(`ALTER TABLE "roster_entries" DROP COLUMN "version", DROP COLUMN "identity_hash", DROP COLUMN "suggestion_category"`);
  }
}
