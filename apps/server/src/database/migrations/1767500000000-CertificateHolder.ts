import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 一证一人 (review 4): a 保安员证 number belongs to one person. The register took any string, so the
 * same number could be typed for four people and pass the Art. 16 certificate pre-check each time.
 * The form and the import refuse another person's number with the reason (`modules/guards`); this
 * trigger refuses it on any other path, with SQLSTATE EV001 (CONFLICT). No lock per number: a
 * transaction holds its locks to the end, and an import of 20,000 rows (or the city benchmark's
 * 100,000 guards in one statement) ran out of PostgreSQL's lock table ("out of shared memory").
 * Two registrations of one number for two people in the same instant can still both pass. The same person may hold the number on several records
 * (left one company, joined another): only a different keyed hash of the ID number is another person.
 * Fires on INSERT and on a change of the number, not of the hash: `pii:rehash` rewrites every hash.
 */
export class CertificateHolder1767500000000 implements MigrationInterface {
  name = 'CertificateHolder1767500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_guards_certificate_no" ON "guards" ("certificate_no") WHERE certificate_no IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION guards_certificate_holder() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.certificate_no IS NULL OR NEW.id_hash IS NULL THEN RETURN NEW; END IF;
        IF EXISTS (SELECT 1 FROM guards g WHERE g.certificate_no = NEW.certificate_no AND g.id_hash IS NOT NULL
                     AND g.id_hash <> NEW.id_hash AND g.id <> NEW.id) THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('保安员证号“%s”已登记在另一人名下（一证一人），请核对', NEW.certificate_no);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "trg_guards_certificate_holder" BEFORE INSERT OR UPDATE OF certificate_no ON "guards"
      FOR EACH ROW EXECUTE FUNCTION guards_certificate_holder()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "trg_guards_certificate_holder" ON "guards"`);
    await q.query(`DROP FUNCTION guards_certificate_holder()`);
    await q.query(`DROP INDEX "idx_guards_certificate_no"`);
  }
}
