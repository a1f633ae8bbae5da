import { MigrationInterface, QueryRunner } from 'typeorm';

/** Vetting: find the entry that replaced a failed one (notices), without scanning the roster. */
export class VettingIndexes1764000400000 implements MigrationInterface {
  name = 'VettingIndexes1764000400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_roster_replaces" ON "roster_entries" ("replaces_entry_id") WHERE "replaces_entry_id" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_roster_replaces"`);
  }
}
