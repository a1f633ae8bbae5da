import { MigrationInterface, QueryRunner } from 'typeorm';
import { decryptPii, encryptPii, idHash, nameHash } from '../../common/pii';

const BATCH = 2000;

/** The identity a vetting decision binds to, from deterministic values only (keyed hashes, never ciphertexts). */
const KEYED_IDENTITY = (fn: string) => `
  CREATE FUNCTION ${fn}(gid uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(
             coalesce(encode(g.id_hash, 'hex'), '') || '|' || g.name || '|' || coalesce(g.relatives_statement, '') || '|' ||
             coalesce((SELECT string_agg(r.relation::text || ':' || encode(r.id_hash, 'hex') || ':' || encode(r.name_hash, 'hex'), ';'
                                         ORDER BY r.relation::text COLLATE "C", encode(r.id_hash, 'hex') COLLATE "C", encode(r.name_hash, 'hex') COLLATE "C")
                         FROM guard_relatives r WHERE r.guard_id = g.id), ''),
             'UTF8')), 'hex')
      FROM guards g WHERE g.id = gid
  $$`;

/** As created by VettingIntegrity1765000000000 (plaintext columns), for `down`. */
const PLAIN_IDENTITY = (fn: string) => `
  CREATE FUNCTION ${fn}(gid uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(
             g.id_number || '|' || g.name || '|' || coalesce(g.relatives_statement, '') || '|' ||
             coalesce((SELECT string_agg(r.relation::text || ':' || r.id_number || ':' || r.name, ';'
                                         ORDER BY r.relation::text COLLATE "C", r.id_number COLLATE "C", r.name COLLATE "C")
                         FROM guard_relatives r WHERE r.guard_id = g.id), ''),
             'UTF8')), 'hex')
      FROM guards g WHERE g.id = gid
  $$`;

const GUARDS_TRIGGER = (idCol: string) => `
  CREATE OR REPLACE FUNCTION guards_identity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM guard_identity_locked(ARRAY(
      SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE n.${idCol} IS DISTINCT FROM o.${idCol} OR n.name IS DISTINCT FROM o.name
          OR n.relatives_statement IS DISTINCT FROM o.relatives_statement));
    RETURN NULL;
  END $$`;

const RELATIVES_TRIGGER = (idCol: string, nameCol: string) => `
  CREATE OR REPLACE FUNCTION relatives_identity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM guard_identity_locked(ARRAY(SELECT DISTINCT guard_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM guard_identity_locked(ARRAY(SELECT DISTINCT guard_id FROM old_rows));
    ELSE
      PERFORM guard_identity_locked(ARRAY(
        SELECT o.guard_id FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (n.guard_id, n.relation, n.${idCol}, n.${nameCol}) IS DISTINCT FROM (o.guard_id, o.relation, o.${idCol}, o.${nameCol})
        UNION SELECT n.guard_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.guard_id IS DISTINCT FROM o.guard_id));
    END IF;
    RETURN NULL;
  END $$`;

/** Every row of a table, in batches by id, through `fn` (which writes the batch back). */
async function inBatches(q: QueryRunner, select: string, fn: (rows: Record<string, any>[]) => Promise<void>): Promise<void> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await q.query(`${select} AND t.id > $1 ORDER BY t.id LIMIT ${BATCH}`, [last]);
    if (!rows.length) return;
    await fn(rows);
    last = rows[rows.length - 1].id;
  }
}

const enc = (v: string | null) => (v == null ? null : encryptPii(v));
const dec = (v: string | null) => (v == null ? null : decryptPii(v));

/**
 * 个人信息保护法 Arts. 28–29 (issue 11 §2): ID numbers and relatives' data are encrypted at rest
 * (AES-256-GCM, keys from PII_KEYS) and matched by a keyed hash (HMAC-SHA256, PII_HASH_KEY):
 * - guards.id_number → id_cipher + id_hash (the one-active-record index moves to the hash);
 *   `anonymised_at` marks a LEFT record the retention job has anonymised (no cipher, no hash).
 * - guard_relatives.id_number, name → id_cipher + id_hash, name_cipher + name_hash.
 * - certificate_revocations.id_number, criminal_records.id_number (+ name) → ciphers + id_hash
 *   (the register's unique key becomes (id_hash, category, occurred_on, source)).
 * - vetting_hits.subject_name, subject_id_number and the record's name and ID number (jsonb) →
 *   subject_name_cipher, subject_id_cipher, record_name_cipher.
 * - guard_identity_hash and the identity-lock triggers work on the keyed hashes (deterministic, and
 *   unchanged by re-encryption); identities already stored are carried over to the new definition.
 * - pii_key_fingerprints: fingerprints of the keys in use, so a wrong key is refused at startup.
 * Existing rows are encrypted here in batches (keys needed only when there are rows); `down`
 * decrypts them back.
 */
export class PiiEncryption1765600000000 implements MigrationInterface {
  name = 'PiiEncryption1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pii_key_fingerprints" ("kind" text NOT NULL, "key_id" text NOT NULL, "fingerprint" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_pii_key_fingerprints" PRIMARY KEY ("kind", "key_id"))`);
    await q.query(`ALTER TABLE "guards" ADD "id_cipher" text, ADD "id_hash" bytea, ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "guard_relatives" ADD "name_cipher" text, ADD "name_hash" bytea, ADD "id_cipher" text, ADD "id_hash" bytea`);
    await q.query(`ALTER TABLE "certificate_revocations" ADD "id_cipher" text, ADD "id_hash" bytea`);
    await q.query(`ALTER TABLE "criminal_records" ADD "id_cipher" text, ADD "id_hash" bytea, ADD "name_cipher" text`);
    await q.query(`ALTER TABLE "vetting_hits" ADD "subject_name_cipher" text, ADD "subject_id_cipher" text, ADD "record_name_cipher" text`);

    await inBatches(q, `SELECT t.id, t.id_number FROM guards t WHERE true`, async (rows) => {
      await q.query(
        `UPDATE guards t SET id_cipher = v.c, id_hash = v.h FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS v(id, c, h) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => enc(r.id_number)), rows.map((r) => idHash(r.id_number))],
      );
    });
    await inBatches(q, `SELECT t.id, t.id_number, t.name FROM guard_relatives t WHERE true`, async (rows) => {
      await q.query(
        `UPDATE guard_relatives t SET id_cipher = v.c, id_hash = v.h, name_cipher = v.nc, name_hash = v.nh
           FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::text[], $5::bytea[]) AS v(id, c, h, nc, nh) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => enc(r.id_number)), rows.map((r) => idHash(r.id_number)), rows.map((r) => enc(r.name)),
          rows.map((r) => nameHash(r.name))],
      );
    });
    await inBatches(q, `SELECT t.id, t.id_number FROM certificate_revocations t WHERE true`, async (rows) => {
      await q.query(
        `UPDATE certificate_revocations t SET id_cipher = v.c, id_hash = v.h FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS v(id, c, h) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => enc(r.id_number)), rows.map((r) => idHash(r.id_number))],
      );
    });
    await inBatches(q, `SELECT t.id, t.id_number, t.name FROM criminal_records t WHERE true`, async (rows) => {
      await q.query(
        `UPDATE criminal_records t SET id_cipher = v.c, id_hash = v.h, name_cipher = v.nc
           FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::text[]) AS v(id, c, h, nc) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => enc(r.id_number)), rows.map((r) => idHash(r.id_number)), rows.map((r) => enc(r.name))],
      );
    });
    await inBatches(q, `SELECT t.id, t.subject_name, t.subject_id_number, t.record->>'name' AS record_name FROM vetting_hits t WHERE true`, async (rows) => {
      await q.query(
        `UPDATE vetting_hits t SET subject_name_cipher = v.sn, subject_id_cipher = v.si, record_name_cipher = v.rn,
                record = t.record - 'name' - 'idNumber'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, sn, si, rn) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => enc(r.subject_name)), rows.map((r) => enc(r.subject_id_number)),
          rows.map((r) => enc(r.record_name ?? r.subject_name))],
      );
    });

    // Identities checked so far stay valid: carried over to the keyed definition where they still held.
    await q.query(KEYED_IDENTITY('guard_identity_hash_keyed'));
    await q.query(`UPDATE roster_entries re SET identity_hash = guard_identity_hash_keyed(re.guard_id)
                    WHERE re.identity_hash IS NOT NULL AND re.identity_hash = guard_identity_hash(re.guard_id)`);
    await q.query(`DROP FUNCTION guard_identity_hash(uuid)`);
    await q.query(`ALTER FUNCTION guard_identity_hash_keyed(uuid) RENAME TO guard_identity_hash`);
    await q.query(GUARDS_TRIGGER('id_hash'));
    await q.query(RELATIVES_TRIGGER('id_hash', 'name_hash'));

    await q.query(`DROP INDEX "uq_guards_active_person"`);
    await q.query(`DROP INDEX "idx_guards_id_number"`);
    await q.query(`ALTER TABLE "guards" DROP COLUMN "id_number"`);
    await q.query(`CREATE UNIQUE INDEX "uq_guards_active_person" ON "guards" ("id_hash") WHERE "status" = 'ACTIVE'`);
    await q.query(`CREATE INDEX "idx_guards_id_hash" ON "guards" ("id_hash")`);
    await q.query(`ALTER TABLE "guards" ADD CONSTRAINT "ck_guards_identity"
      CHECK (("id_cipher" IS NULL) = ("id_hash" IS NULL) AND ("id_hash" IS NOT NULL OR "anonymised_at" IS NOT NULL))`);

    await q.query(`DROP INDEX "idx_relatives_id_number"`);
    await q.query(`ALTER TABLE "guard_relatives" DROP COLUMN "id_number", DROP COLUMN "name",
      ALTER COLUMN "name_cipher" SET NOT NULL, ALTER COLUMN "name_hash" SET NOT NULL, ALTER COLUMN "id_cipher" SET NOT NULL, ALTER COLUMN "id_hash" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_relatives_id_hash" ON "guard_relatives" ("id_hash")`);
    // OneRowRules1765100000000 held "one record per relative of a guard" on the ID number (dropped with it).
    await q.query(`CREATE UNIQUE INDEX "uq_relatives_guard_person" ON "guard_relatives" ("guard_id", "id_hash")`);

    await q.query(`DROP INDEX "idx_revocations_id_number"`);
    await q.query(`ALTER TABLE "certificate_revocations" DROP COLUMN "id_number", ALTER COLUMN "id_cipher" SET NOT NULL, ALTER COLUMN "id_hash" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_revocations_id_hash" ON "certificate_revocations" ("id_hash")`);
    await q.query(`CREATE UNIQUE INDEX "uq_revocations_person_date" ON "certificate_revocations" ("id_hash", "revoked_on")`);

    await q.query(`DROP INDEX "uq_records_entry"`);
    await q.query(`DROP INDEX "idx_records_id_number"`);
    await q.query(`ALTER TABLE "criminal_records" DROP COLUMN "id_number", DROP COLUMN "name",
      ALTER COLUMN "id_cipher" SET NOT NULL, ALTER COLUMN "id_hash" SET NOT NULL, ALTER COLUMN "name_cipher" SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_records_entry" ON "criminal_records" ("id_hash", "category", "occurred_on", "source")`);

    await q.query(`ALTER TABLE "vetting_hits" DROP COLUMN "subject_name", DROP COLUMN "subject_id_number",
      ALTER COLUMN "subject_name_cipher" SET NOT NULL, ALTER COLUMN "subject_id_cipher" SET NOT NULL, ALTER COLUMN "record_name_cipher" SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "guards" DROP CONSTRAINT "ck_guards_identity"`);
    await q.query(`ALTER TABLE "guards" ADD "id_number" text`);
    await q.query(`ALTER TABLE "guard_relatives" ADD "id_number" text, ADD "name" text`);
    await q.query(`ALTER TABLE "certificate_revocations" ADD "id_number" text`);
    await q.query(`ALTER TABLE "criminal_records" ADD "id_number" text, ADD "name" text`);
    await q.query(`ALTER TABLE "vetting_hits" ADD "subject_name" text, ADD "subject_id_number" text`);

    // An anonymised record has no ID number to give back: it keeps an empty one (LEFT, so never unique-checked).
    await inBatches(q, `SELECT t.id, t.id_cipher FROM guards t WHERE true`, async (rows) => {
      await q.query(`UPDATE guards t SET id_number = v.n FROM unnest($1::uuid[], $2::text[]) AS v(id, n) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => dec(r.id_cipher) ?? '')]);
    });
    await inBatches(q, `SELECT t.id, t.id_cipher, t.name_cipher FROM guard_relatives t WHERE true`, async (rows) => {
      await q.query(`UPDATE guard_relatives t SET id_number = v.n, name = v.nm FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, n, nm) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => dec(r.id_cipher)), rows.map((r) => dec(r.name_cipher))]);
    });
    await inBatches(q, `SELECT t.id, t.id_cipher FROM certificate_revocations t WHERE true`, async (rows) => {
      await q.query(`UPDATE certificate_revocations t SET id_number = v.n FROM unnest($1::uuid[], $2::text[]) AS v(id, n) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => dec(r.id_cipher))]);
    });
    await inBatches(q, `SELECT t.id, t.id_cipher, t.name_cipher FROM criminal_records t WHERE true`, async (rows) => {
      await q.query(`UPDATE criminal_records t SET id_number = v.n, name = v.nm FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, n, nm) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => dec(r.id_cipher)), rows.map((r) => dec(r.name_cipher))]);
    });
    await inBatches(q, `SELECT t.id, t.subject_name_cipher, t.subject_id_cipher, t.record_name_cipher FROM vetting_hits t WHERE true`, async (rows) => {
      await q.query(
        `UPDATE vetting_hits t SET subject_name = v.sn, subject_id_number = v.si, record = t.record || jsonb_build_object('name', v.rn, 'idNumber', v.si)
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, sn, si, rn) WHERE t.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => dec(r.subject_name_cipher)), rows.map((r) => dec(r.subject_id_cipher)), rows.map((r) => dec(r.record_name_cipher))],
      );
    });

    await q.query(GUARDS_TRIGGER('id_number'));
    await q.query(RELATIVES_TRIGGER('id_number', 'name'));
    await q.query(PLAIN_IDENTITY('guard_identity_hash_plain'));
    await q.query(`UPDATE roster_entries re SET identity_hash = guard_identity_hash_plain(re.guard_id)
                    WHERE re.identity_hash IS NOT NULL AND re.identity_hash = guard_identity_hash(re.guard_id)`);
    await q.query(`DROP FUNCTION guard_identity_hash(uuid)`);
    await q.query(`ALTER FUNCTION guard_identity_hash_plain(uuid) RENAME TO guard_identity_hash`);

    await q.query(`DROP INDEX "uq_guards_active_person"`);
    await q.query(`DROP INDEX "idx_guards_id_hash"`);
    await q.query(`ALTER TABLE "guards" DROP COLUMN "id_cipher", DROP COLUMN "id_hash", DROP COLUMN "anonymised_at", ALTER COLUMN "id_number" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_guards_id_number" ON "guards" ("id_number")`);
    await q.query(`CREATE UNIQUE INDEX "uq_guards_active_person" ON "guards" ("id_number") WHERE "status" = 'ACTIVE'`);

    await q.query(`DROP INDEX "idx_relatives_id_hash"`);
    await q.query(`ALTER TABLE "guard_relatives" DROP COLUMN "name_cipher", DROP COLUMN "name_hash", DROP COLUMN "id_cipher", DROP COLUMN "id_hash",
      ALTER COLUMN "id_number" SET NOT NULL, ALTER COLUMN "name" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_relatives_id_number" ON "guard_relatives" ("id_number")`);
    await q.query(`CREATE UNIQUE INDEX "uq_relatives_guard_person" ON "guard_relatives" ("guard_id", "id_number")`);

    await q.query(`DROP INDEX "idx_revocations_id_hash"`);
    await q.query(`ALTER TABLE "certificate_revocations" DROP COLUMN "id_cipher", DROP COLUMN "id_hash", ALTER COLUMN "id_number" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_revocations_id_number" ON "certificate_revocations" ("id_number")`);
    await q.query(`CREATE UNIQUE INDEX "uq_revocations_person_date" ON "certificate_revocations" ("id_number", "revoked_on")`);

    await q.query(`DROP INDEX "uq_records_entry"`);
    await q.query(`ALTER TABLE "criminal_records" DROP COLUMN "id_cipher", DROP COLUMN "id_hash", DROP COLUMN "name_cipher",
      ALTER COLUMN "id_number" SET NOT NULL, ALTER COLUMN "name" SET NOT NULL`);
    await q.query(`CREATE INDEX "idx_records_id_number" ON "criminal_records" ("id_number")`);
    await q.query(`CREATE UNIQUE INDEX "uq_records_entry" ON "criminal_records" ("id_number", "category", "occurred_on", "source")`);

    await q.query(`ALTER TABLE "vetting_hits" DROP COLUMN "subject_name_cipher", DROP COLUMN "subject_id_cipher", DROP COLUMN "record_name_cipher",
      ALTER COLUMN "subject_name" SET NOT NULL, ALTER COLUMN "subject_id_number" SET NOT NULL`);
    await q.query(`DROP TABLE "pii_key_fingerprints"`);
  }
}
