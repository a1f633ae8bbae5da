import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Red team F4 and F5.
 *
 * F4: an on-site check showed the guard's name, 保安员证 number and area read live from the register
 * and the roster, so a company could rewrite a recorded finding after the event (rename the guard,
 * change his certificate number, move his area). A check now keeps them as they were when it was
 * recorded; checks recorded before this migration get the values they show today (the best there is).
 *
 * F5: one activity registered twice (the same reporting unit, name, venue and start) is one activity:
 * among activities not cancelled, that key is unique. A database that already holds such a pair stops
 * here and names them, to cancel the duplicate (with its reason) first; nothing is cancelled silently.
 */
export class AsRecordedOnSite1769100000000 implements MigrationInterface {
  name = 'AsRecordedOnSite1769100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections ADD COLUMN guard_name text, ADD COLUMN certificate_no text, ADD COLUMN area text`);
    await q.query(
      `UPDATE inspections i SET guard_name = g.name, certificate_no = g.certificate_no FROM guards g WHERE g.id = i.guard_id`,
    );
    await q.query(`UPDATE inspections i SET area = re.area FROM roster_entries re WHERE re.id = i.roster_entry_id AND re.area IS NOT NULL`);

    const twice: { name: string; codes: string }[] = await q.query(
      `SELECT name, string_agg(code, '、' ORDER BY code) AS codes FROM activities WHERE status <> 'CANCELLED'
        GROUP BY reporter_unit_id, name, venue, starts_at HAVING count(*) > 1 ORDER BY min(code) LIMIT 20`,
    );
    if (twice.length) {
      throw new Error(
        `有重复登记的活动（同一登记单位、名称、场所和开始时间），请先取消重复的一条（注明“重复登记”）后再升级：${twice.map((t) => `“${t.name}”（${t.codes}）`).join('；')}`,
      );
    }
    await q.query(
      `CREATE UNIQUE INDEX "uq_activities_registration" ON "activities" ("reporter_unit_id", "name", "venue", "starts_at") WHERE "status" <> 'CANCELLED'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_activities_registration"`);
    await q.query(`ALTER TABLE inspections DROP COLUMN guard_name, DROP COLUMN certificate_no, DROP COLUMN area`);
  }
}
