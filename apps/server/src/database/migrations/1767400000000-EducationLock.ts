import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The education of a guard on an open roster holds too (review 4): it is a pre-check of the vetting
 * (条例第十六条, 初中以上), so a change after the decision would change what the decision was made on.
 * The same trigger function as CredentialLock, with education among the locked particulars.
 */
export class EducationLock1767400000000 implements MigrationInterface {
  name = 'EducationLock1767400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(credentialsGuard(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(credentialsGuard(false));
  }
}

function credentialsGuard(withEducation: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION guards_credentials_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        act text;
      BEGIN
        act := guard_open_roster_activity(ARRAY(
          SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE n.certificate_no IS DISTINCT FROM o.certificate_no
              OR n.certificate_issued_on IS DISTINCT FROM o.certificate_issued_on
              OR n.photo IS DISTINCT FROM o.photo${withEducation ? `
              OR n.education IS DISTINCT FROM o.education` : ''}));
        IF act IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('该保安员在“%s”的名单中，${withEducation ? '保安员证号、发证日期、学历和照片不能修改（审核和现场核验针对审核时的证件、学历和照片）' : '保安员证号、发证日期和照片不能修改（审核和现场核验针对审核时的证件和照片）'}', act);
        END IF;
        act := guard_open_roster_activity(ARRAY(
          SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE o.status = 'ACTIVE' AND n.status IS DISTINCT FROM o.status));
        IF act IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'EV001',
            MESSAGE = format('该保安员在“%s”的名单中，不能办理离职或调转', act);
        END IF;
        RETURN NULL;
      END $$`;
}
