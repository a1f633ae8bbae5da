import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 一证一人 under concurrency. `CertificateHolder` checks that no other person holds the number, but
 * without a lock two registrations of one number for two people in the same instant both passed the
 * check. A lock per number is now a row of `certificate_numbers` (the number only, no personal data):
 * the trigger inserts it if missing and locks it `FOR UPDATE`, so a second registration of the same
 * number waits for the first to commit and then sees its row. Row locks live in the rows, not in
 * PostgreSQL's shared lock table, so an import of 20,000 rows (or the city benchmark's 100,000
 * guards in one statement) does not run out of shared memory as advisory locks did.
 */
export class CertificateNumberLock1767700000000 implements MigrationInterface {
  name = 'CertificateNumberLock1767700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "certificate_numbers" ("certificate_no" text NOT NULL, CONSTRAINT "PK_certificate_numbers" PRIMARY KEY ("certificate_no"))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION guards_certificate_holder() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.certificate_no IS NULL OR NEW.id_hash IS NULL THEN RETURN NEW; END IF;
        INSERT INTO certificate_numbers (certificate_no) VALUES (NEW.certificate_no) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM certificate_numbers WHERE certificate_no = NEW.certificate_no FOR UPDATE;
        IF EXISTS (SELECT 1 FROM guards g WHERE g.certificate_no = NEW.certificate_no AND g.id_hash IS NOT NULL
                     AND g.id_hash <> NEW.id_hash AND g.id <> NEW.id) THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('保安员证号“%s”已登记在另一人名下（一证一人），请核对', NEW.certificate_no);
        END IF;
        RETURN NEW;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION guards_certificate_holder() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.certificate_no IS NULL OR NEW.id_hash IS NULL THEN RETURN NEW; END IF;
        IF EXISTS (SELECT 1 FROM guards g WHERE g.certificate_no = NEW.certificate_no AND g.id_hash IS NOT NULL
                     AND g.id_hash <> NEW.id_hash AND g.id <> NEW.id) THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('保安员证号“%s”已登记在另一人名下（一证一人），请核对', NEW.certificate_no);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`DROP TABLE "certificate_numbers"`);
  }
}
