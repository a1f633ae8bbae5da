import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A company is a candidate only while its unit is in use (review 5 B-F4: a 停用 company could be
 * recommended and selected, and then could not submit a roster). The kept suggestion figures
 * (SuggestionInputsVersion) move when a unit's `active` changes; and when a user account is added,
 * removed, moved to another unit or (de)activated, for what the figures may read of accounts later.
 */
export class SuggestionInputsAccounts1767800000000 implements MigrationInterface {
  name = 'SuggestionInputsAccounts1767800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "suggestion_inputs_units" ON "units"`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER "suggestion_inputs_units" AFTER INSERT OR DELETE OR UPDATE OF kind, active ON "units"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_suggestion_inputs()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER "suggestion_inputs_users" AFTER INSERT OR DELETE OR UPDATE OF active, unit_id ON "users"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_suggestion_inputs()`);
    await q.query(`
      CREATE TRIGGER "suggestion_inputs_users_truncate" AFTER TRUNCATE ON "users"
        FOR EACH STATEMENT EXECUTE FUNCTION bump_suggestion_inputs()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "suggestion_inputs_users_truncate" ON "users"`);
    await q.query(`DROP TRIGGER "suggestion_inputs_users" ON "users"`);
    await q.query(`DROP TRIGGER "suggestion_inputs_units" ON "units"`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER "suggestion_inputs_units" AFTER INSERT OR DELETE OR UPDATE OF kind ON "units"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_suggestion_inputs()`);
  }
}
