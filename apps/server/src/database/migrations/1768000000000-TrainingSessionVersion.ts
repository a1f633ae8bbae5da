import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version on a training session's arrangement: two officers changing one session no longer silently
 * overwrite each other (the last writer won, and the company was told two different times).
 */
export class TrainingSessionVersion1768000000000 implements MigrationInterface {
  name = 'TrainingSessionVersion1768000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "training_sessions" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "training_sessions" DROP COLUMN "version"`);
  }
}
