import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Red team 5 L4: the same revocation entered again with a corrected date (2026-12-01, then 2026-12-02)
 * was stored as a second one, and the guard was barred for life as "保安员证曾被吊销2次"; nothing could
 * correct or remove it. 条例第十七条's "twice" is two certificates (no new one is issued for 3 years
 * after a revocation), so a revocation now names the certificate revoked:
 *
 * - `certificate_no`, backfilled from the person's register record (the active one first, then the
 *   latest) when that record's certificate was issued on or before the revocation (or its issue date is
 *   unknown). Where two revocations of one person would get the same number, only the latest gets it
 *   and the others stay unknown (NULL): which of them is a duplicate is the detachment's to say, with
 *   the cancellation below, not this migration's (nothing is cancelled silently).
 * - among the revocations in force (not cancelled): one per person and day (as before) and one per
 *   person and certificate;
 * - a correction (date, reason, number; when, by whom, why) and a cancellation of one entered in error
 *   (when, by whom, why), kept on the row; a cancelled revocation no longer counts.
 */
export class RevocationCertificate1769400000000 implements MigrationInterface {
  name = 'RevocationCertificate1769400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "certificate_revocations" ADD "certificate_no" text, ADD "corrected_at" TIMESTAMP WITH TIME ZONE, ADD "corrected_by" uuid,
         ADD "correction_note" text, ADD "cancelled_at" TIMESTAMP WITH TIME ZONE, ADD "cancelled_by" uuid, ADD "cancel_reason" text`,
    );
    await q.query(`DROP INDEX "public"."uq_revocations_person_date"`);
    await q.query(`CREATE UNIQUE INDEX "uq_revocations_person_date" ON "certificate_revocations" ("id_hash", "revoked_on") WHERE "cancelled_at" IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_revocations_person_certificate" ON "certificate_revocations" ("id_hash", "certificate_no")
         WHERE "cancelled_at" IS NULL AND "certificate_no" IS NOT NULL`,
    );
    // The indexes first: no DDL after this update (its deferred trigger events would forbid it).
    await q.query(
      `WITH candidate AS (
         SELECT cr.id, cr.id_hash, cr.revoked_on, cr.created_at,
                (SELECT g.certificate_no FROM guards g
                  WHERE g.id_hash = cr.id_hash AND g.certificate_no IS NOT NULL
                    AND (g.certificate_issued_on IS NULL OR g.certificate_issued_on <= cr.revoked_on)
                  ORDER BY (g.status = 'ACTIVE') DESC, g.updated_at DESC, g.id
                  LIMIT 1) AS certificate_no
           FROM certificate_revocations cr),
       ranked AS (
         SELECT id, certificate_no,
                row_number() OVER (PARTITION BY id_hash, certificate_no ORDER BY revoked_on DESC, created_at DESC, id) AS n
           FROM candidate WHERE certificate_no IS NOT NULL)
       UPDATE certificate_revocations cr SET certificate_no = r.certificate_no FROM ranked r WHERE r.id = cr.id AND r.n = 1`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    // The schema before has no cancellation: a cancelled revocation would count again (and may share its day
    // with the one in force). It was entered in error; the audit log keeps it and its cancellation.
    await q.query(`DELETE FROM "certificate_revocations" WHERE "cancelled_at" IS NOT NULL`);
    // The deferred trigger events of this delete (suggestion_inputs) run now: a table with pending events cannot be altered.
    await q.query(`SET CONSTRAINTS ALL IMMEDIATE`);
    await q.query(`DROP INDEX "public"."uq_revocations_person_certificate"`);
    await q.query(`DROP INDEX "public"."uq_revocations_person_date"`);
    await q.query(
      `ALTER TABLE "certificate_revocations" DROP COLUMN "certificate_no", DROP COLUMN "corrected_at", DROP COLUMN "corrected_by",
         DROP COLUMN "correction_note", DROP COLUMN "cancelled_at", DROP COLUMN "cancelled_by", DROP COLUMN "cancel_reason"`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_revocations_person_date" ON "certificate_revocations" ("id_hash", "revoked_on")`);
  }
}
