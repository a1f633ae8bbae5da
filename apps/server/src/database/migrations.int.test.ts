import { DataSource } from 'typeorm';
import { adminUrl, createDatabase, dropDatabase, urlForDatabase } from '../../test/db';
import { uniqueDatabaseName } from '../../test/harness';
import { createDataSource } from './data-source';
import { migrations } from './migrations';

/** The SQL TypeORM would run to make the database match the entities; empty when they agree. */
async function schemaDiff(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}

/** What the entities cannot show: the triggers and functions the migrations create (names, and each function's body, sorted). */
async function catalogue(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(
    `SELECT 'trigger ' || tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname = 'public'
     UNION ALL
     SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
     ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  const database = uniqueDatabaseName('evs_migr');
  let ds: DataSource;

  beforeAll(async () => {
    await createDatabase(adminUrl(), database);
    ds = createDataSource(urlForDatabase(adminUrl(), database), { poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await dropDatabase(adminUrl(), database);
  });

  it('apply on a fresh database and leave no difference against the entities', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    const diff = await schemaDiff(ds);
    if (diff.length) {
      throw new Error(`entities and migrations differ; TypeORM would run:\n${diff.join(';\n')}`);
    }
    expect(diff).toEqual([]);
  });

  it('undo the last migration (down) and apply it again (up) to the same schema', async () => {
    const objects = await catalogue(ds);
    await ds.undoLastMigration({ transaction: 'each' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM migrations`);
    expect(n).toBe(migrations.length - 1);
    // Undone: the entities differ, or a trigger or function of the migration is gone.
    const undone = (await schemaDiff(ds)).length > 0 || (await catalogue(ds)).join() !== objects.join();
    expect(undone).toBe(true);

    const reapplied = await ds.runMigrations({ transaction: 'each' });
    expect(reapplied.map((m) => m.name)).toEqual([migrations[migrations.length - 1].name]);
    const diff = await schemaDiff(ds);
    if (diff.length) throw new Error(`after down/up, TypeORM would run:\n${diff.join(';\n')}`);
    expect(await catalogue(ds)).toEqual(objects);
  });

  it('undo every migration down to an empty schema', async () => {
    for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    const types = await ds.query(
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(types).toEqual([]);
  });
});
