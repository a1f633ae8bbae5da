import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A training session counts the changes of its results (review 4): a result sent on a stale copy
 * (`recordTrainingResults(expectedResultsVersion:)`) is a CONFLICT instead of silently overwriting
 * another officer's, and flipping the activity between READY and TRAINING with each write.
 */
export class TrainingResultsVersion1767600000000 implements MigrationInterface {
  name = 'TrainingResultsVersion1767600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "training_sessions" ADD "results_version" integer NOT NULL DEFAULT 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "training_sessions" DROP COLUMN "results_version"`);
  }
}
