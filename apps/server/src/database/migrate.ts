import { DataSource, MigrationExecutor } from 'typeorm';
import { seedIfEmpty, SeedOptions } from './seed';

/** The session-level advisory lock every node takes to migrate and seed (any bigint, fixed). */
export const MIGRATION_LOCK = 7_700_000;

export interface MigrationOutcome {
  applied: string[];
  seeded: boolean;
}

/**
 * Runs the pending migrations and then, on an empty database, the seed, under a PostgreSQL advisory
 * lock: N nodes may start at once on any schema version; the first migrates and seeds, the others
 * wait, then find nothing left to do. Everything runs on one connection without a statement
 * timeout (waiting for another node, or a migration on a large table, may take longer than any
 * request may), so it needs no second connection from the pool.
 */
export async function migrateAndSeed(ds: DataSource, seed?: SeedOptions): Promise<MigrationOutcome> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      const seeded = seed ? await seedIfEmpty(runner.manager, seed) : false;
      return { applied: applied.map((m) => m.name), seeded };
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
