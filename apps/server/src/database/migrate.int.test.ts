import { DataSource } from 'typeorm';
import { adminUrl, createDatabase, dropDatabase, urlForDatabase } from '../../test/db';
import { uniqueDatabaseName } from '../../test/harness';
import { createDataSource } from './data-source';
import { migrateAndSeed } from './migrate';
import { migrations } from './migrations';

/** Several API nodes starting at once on one database: each is its own DataSource (own pool). */
async function nodes(database: string, n: number, migrationCount = migrations.length): Promise<DataSource[]> {
  const url = urlForDatabase(adminUrl(), database);
  return Promise.all(
    Array.from({ length: n }, async () => {
      const base = createDataSource(url, { poolSize: 2 });
      const ds = new DataSource({ ...base.options, migrations: migrations.slice(0, migrationCount) });
      await ds.initialize();
      return ds;
    }),
  );
}

describe('migrations and seed under an advisory lock', () => {
  const databases: string[] = [];
  const sources: DataSource[] = [];
  const fresh = async () => {
    const name = uniqueDatabaseName('evs_lock');
    databases.push(name);
    await createDatabase(adminUrl(), name);
    return name;
  };
  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    for (const name of databases) await dropDatabase(adminUrl(), name);
  });

  it('lets three nodes start together on an empty database: one migrates and seeds, none fails', async () => {
    const database = await fresh();
    const three = await nodes(database, 3);
    sources.push(...three);
    const outcomes = await Promise.all(three.map((ds) => migrateAndSeed(ds, { demo: false, adminPassword: 'Start@2026' })));
    expect(outcomes.filter((o) => o.seeded)).toHaveLength(1);
    expect(outcomes.map((o) => o.applied.length).sort((a, b) => b - a)).toEqual([migrations.length, 0, 0]);
    const [{ n }] = await three[0].query(`SELECT count(*)::int AS n FROM migrations`);
    expect(n).toBe(migrations.length);
    const users = await three[0].query(`SELECT username FROM users ORDER BY username`);
    expect(users).toEqual([{ username: 'admin' }, { username: 'auditor' }]);
  });

  it('lets three nodes start together on an older schema: the missing migrations run once', async () => {
    const database = await fresh();
    // An older release migrated this database (the seed belongs to the current release, so it runs last).
    const [old] = await nodes(database, 1, 2);
    sources.push(old);
    await migrateAndSeed(old);
    const three = await nodes(database, 3);
    sources.push(...three);
    const outcomes = await Promise.all(three.map((ds) => migrateAndSeed(ds, { demo: false, adminPassword: 'Start@2026' })));
    expect(outcomes.flatMap((o) => o.applied)).toEqual(migrations.slice(2).map((m) => m.name));
    expect(outcomes.filter((o) => o.seeded)).toHaveLength(1);
    const [{ n }] = await three[0].query(`SELECT count(*)::int AS n FROM migrations`);
    expect(n).toBe(migrations.length);
  });
});
