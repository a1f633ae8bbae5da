import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vetted guard holds through the day (review of stop 32): while a guard is on the roster of an
 * open activity (VETTING … IN_PROGRESS), the 保安员证 number and issue date and the photo cannot change
 * (the decision, the duty gate and the on-site identity check read them), and the guard cannot leave
 * the company or be transferred (the roster would keep a person who is no longer there). The API
 * refuses first with the way out (`modules/guards/identity-lock.ts`); this trigger refuses any other
 * path with SQLSTATE EV001, which the API maps to CONFLICT, as the identity lock of VettingIntegrity.
 */
export class CredentialLock1767100000000 implements MigrationInterface {
  name = 'CredentialLock1767100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION guards_credentials_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        act text;
      BEGIN
        act := guard_open_roster_activity(ARRAY(
          SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE n.certificate_no IS DISTINCT FROM o.certificate_no
              OR n.certificate_issued_on IS DISTINCT FROM o.certificate_issued_on
              OR n.photo IS DISTINCT FROM o.photo));
        IF act IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('该保安员在“%s”的名单中，保安员证号、发证日期和照片不能修改（审核和现场核验针对审核时的证件和照片）', act);
        END IF;
        act := guard_open_roster_activity(ARRAY(
          SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE o.status = 'ACTIVE' AND n.status IS DISTINCT FROM o.status));
        IF act IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('该保安员在“%s”的名单中，不能办理离职或调转', act);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "trg_guards_credentials" AFTER UPDATE ON "guards" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION guards_credentials_guard()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "trg_guards_credentials" ON "guards"`);
    await q.query(`DROP FUNCTION guards_credentials_guard()`);
  }
}
