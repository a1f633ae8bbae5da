import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What candidate suggestions are computed from, and when it changes (issue 15). Ranking every
 * company reads every guard on every register, the certificate revocations, recent vetting
 * failures, closed activities, findings and the per-activity roster summary. Instead of reading
 * them again on each request, the server keeps each activity's figures (recommendation/
 * suggestion-measures.ts) under `suggestion_inputs.version`, which a transaction touching any of
 * those inputs moves forward once, at commit (a deferred constraint trigger: the row is locked only
 * for the commit itself, so concurrent writers do not queue behind each other's whole transaction).
 *
 * The reader reads the version before the figures, in READ COMMITTED: figures are never older than
 * the version they are kept under, so a change is seen by the first request after its commit.
 */
const INPUTS: [table: string, columns: string | null][] = [
  ['guards', null],
  ['companies', null],
  ['units', 'kind'],
  ['certificate_revocations', null],
  ['findings', null],
  ['activities', 'status, selected_company_id, guards_required, evaluation_rating'],
  ['roster_entries', 'decision, decided_at, guard_id'],
  ['activity_roster_stats', null],
];

export class SuggestionInputsVersion1767000000000 implements MigrationInterface {
  name = 'SuggestionInputsVersion1767000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "suggestion_inputs" (
        "id" smallint NOT NULL DEFAULT 1,
        "version" bigint NOT NULL DEFAULT 1,
        CONSTRAINT "CHK_suggestion_inputs_one_row" CHECK ("id" = 1),
        CONSTRAINT "PK_suggestion_inputs" PRIMARY KEY ("id")
      )`);
    await q.query(`INSERT INTO "suggestion_inputs" ("id", "version") VALUES (1, 1)`);
    // Once per transaction: the first deferred event bumps, the others see the marker and return.
    await q.query(`
      CREATE FUNCTION bump_suggestion_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('evs.suggestion_inputs_bumped', true) IS DISTINCT FROM txid_current()::text THEN
          PERFORM set_config('evs.suggestion_inputs_bumped', txid_current()::text, true);
          UPDATE suggestion_inputs SET version = version + 1 WHERE id = 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, columns] of INPUTS) {
      const update = columns ? `UPDATE OF ${columns}` : 'UPDATE';
      await q.query(`
        CREATE CONSTRAINT TRIGGER "suggestion_inputs_${table}" AFTER INSERT OR DELETE OR ${update} ON "${table}"
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_suggestion_inputs()`);
      await q.query(`
        CREATE TRIGGER "suggestion_inputs_${table}_truncate" AFTER TRUNCATE ON "${table}"
          FOR EACH STATEMENT EXECUTE FUNCTION bump_suggestion_inputs()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table] of INPUTS) {
      await q.query(`DROP TRIGGER "suggestion_inputs_${table}_truncate" ON "${table}"`);
      await q.query(`DROP TRIGGER "suggestion_inputs_${table}" ON "${table}"`);
    }
    await q.query(`DROP FUNCTION bump_suggestion_inputs()`);
    await q.query(`DROP TABLE "suggestion_inputs"`);
  }
}
