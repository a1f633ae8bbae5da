import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person a roster entry was checked as (red-team F2): the keyed hash of the ID number the check ran
 * on, stored at each check (vetting.service `insertChecked`, `checkEntries`). Earlier findings and 不通过
 * followed the guard row's current ID number (guards.id_hash), so a company that changed the number of a
 * failed or hit guard, or gave the failed row a made-up number and registered the real one on a new row,
 * had both lost. They are now matched by this hash, and by the guard row.
 *
 * Backfill: the guard's current id_hash, which is the number checked unless the row's ID number was changed
 * after the entry was made. Such a change is audited (guards.service `update`: a `Guard` UPDATE whose
 * `after.idNumberChanged` is true, `at` on the database clock as the entry's `created_at`); for those entries the
 * number checked is not known any more, and they get `UNKNOWN_CHECKED_ID` (one zero byte, never a keyed hash):
 * "checked under another number than now", which matches no person, and asks for a review when that entry had
 * findings (vetting/prior-failure.ts `loadChangedIdNumbers`). NULL (anonymised records, rows written without
 * it) reads as the guard's current number.
 */
export class CheckedIdHash1769000000000 implements MigrationInterface {
  name = 'CheckedIdHash1769000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "roster_entries" ADD "checked_id_hash" bytea`);
    // The guards whose number was changed, and when last (one pass over the log).
    await q.query(
      `WITH changed AS (
         SELECT a.entity_id AS guard_id, max(a.at) AS last_at FROM audit_log a
          WHERE a.entity_type = 'Guard' AND a.action = 'UPDATE' AND jsonb_typeof(a.after) = 'object' AND a.after->>'idNumberChanged' = 'true'
          GROUP BY a.entity_id)
       UPDATE roster_entries re
          SET checked_id_hash = CASE WHEN c.last_at > re.created_at THEN $1::bytea ELSE g.id_hash END
         FROM guards g LEFT JOIN changed c ON c.guard_id = g.id::text
        WHERE g.id = re.guard_id AND g.id_hash IS NOT NULL`,
      [Buffer.alloc(1)],
    );
    await q.query(`CREATE INDEX "idx_roster_checked_id_hash" ON "roster_entries" ("checked_id_hash")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_roster_checked_id_hash"`);
    await q.query(`ALTER TABLE "roster_entries" DROP COLUMN "checked_id_hash"`);
  }
}
