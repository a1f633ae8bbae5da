import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a pass was withdrawn (review 10 D3). A check made offline while the guard was on duty and sent
 * after his pass was withdrawn was judged against the roster as it stood on arrival, and became a
 * serious 未经审查人员上岗 finding against the company for a guard who was cleared when he was seen.
 * The roster entry now keeps the moment its pass ended, and a check is judged against the roster at the
 * check's time. Entries withdrawn before this migration have none: their checks are judged as before.
 */
export class PassWithdrawnAt1768800000000 implements MigrationInterface {
  name = 'PassWithdrawnAt1768800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roster_entries ADD COLUMN pass_withdrawn_at timestamptz`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roster_entries DROP COLUMN pass_withdrawn_at`);
  }
}
