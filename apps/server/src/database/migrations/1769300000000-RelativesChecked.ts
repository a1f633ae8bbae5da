import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a roster entry's check looked at the guard's relatives (red-team K1): the setting 审查直系亲属
 * (`vetting.checkRelatives`) was switched off, a guard whose father has a record was suggested 通过 and passed
 * by 一键通过, the setting switched back on, and the pass was then reused on another roster as "身份信息未变"
 * while that roster's own check found the father's record. A pass made on a check that did not look at the
 * relatives is now not reused while they are looked at, 一键通过 leaves such an entry, and a pass of it waits
 * for a check that did (vetting.service `evaluate`, `passableSql`, `decide`).
 *
 * Backfill: the setting's value when the entry was checked, from the settings' audit trail (each change of
 * `Settings` is audited with the whole set before and after, `at` on the database clock), else the default
 * (on). Entries never checked stay NULL.
 */
export class RelativesChecked1769300000000 implements MigrationInterface {
  name = 'RelativesChecked1769300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "roster_entries" ADD "relatives_checked" boolean`);
    await q.query(
      `UPDATE roster_entries re
          SET relatives_checked = coalesce((
                SELECT (a.after->>'vetting.checkRelatives')::boolean FROM audit_log a
                 WHERE a.entity_type = 'Settings' AND a.action = 'UPDATE' AND jsonb_typeof(a.after) = 'object'
                   AND a.after ? 'vetting.checkRelatives' AND a.at <= re.checked_at
                 ORDER BY a.at DESC, a.id DESC LIMIT 1), true)
        WHERE re.checked_at IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "roster_entries" DROP COLUMN "relatives_checked"`);
  }
}
