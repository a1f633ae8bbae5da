import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules that say "one", held by the database instead of a check-then-insert that two simultaneous
 * requests both pass: one revocation per person and date (a duplicate barred a guard as "revoked
 * twice", Art. 17), one record per relative of a guard and one father, mother and spouse, and one
 * training session (and one make-up session) of an activity per time and place (a double click
 * scheduled two).
 * Duplicates left by the old race are removed first, keeping the earliest.
 */
export class OneRowRules1765100000000 implements MigrationInterface {
  name = 'OneRowRules1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM "certificate_revocations" r USING "certificate_revocations" k
       WHERE r."id_number" = k."id_number" AND r."revoked_on" = k."revoked_on"
         AND (r."created_at", r."id") > (k."created_at", k."id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_revocations_person_date" ON "certificate_revocations" ("id_number", "revoked_on")`);
    await q.query(`
      DELETE FROM "guard_relatives" r USING "guard_relatives" k
       WHERE r."guard_id" = k."guard_id" AND r."id_number" = k."id_number" AND r."id" > k."id"`);
    await q.query(`CREATE UNIQUE INDEX "uq_relatives_guard_person" ON "guard_relatives" ("guard_id", "id_number")`);
    await q.query(`
      DELETE FROM "guard_relatives" r USING "guard_relatives" k
       WHERE r."guard_id" = k."guard_id" AND r."relation" = k."relation" AND r."relation" <> 'CHILD' AND r."id" > k."id"`);
    await q.query(`CREATE UNIQUE INDEX "uq_relatives_guard_parent_spouse" ON "guard_relatives" ("guard_id", "relation") WHERE "relation" <> 'CHILD'`);
    await q.query(`CREATE UNIQUE INDEX "uq_training_sessions_slot" ON "training_sessions" ("activity_id", "starts_at", "place", "is_makeup")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_training_sessions_slot"`);
    await q.query(`DROP INDEX "uq_relatives_guard_parent_spouse"`);
    await q.query(`DROP INDEX "uq_relatives_guard_person"`);
    await q.query(`DROP INDEX "uq_revocations_person_date"`);
  }
}
