import 'reflect-metadata';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createTestApp, TestApp } from '../../test/harness';
import { byIdLoader } from '../common/by-id-loader';
import { pageWithTotal } from '../common/pagination';
import { CompanyEntity } from '../modules/companies/company.entity';
import { GuardEntity } from '../modules/guards/guard.entity';
import { UnitEntity } from '../modules/units/unit.entity';
import { createDataSource } from './data-source';
import { preparedEntities, preparedRows } from './prepared';

/**
 * The hot reads as named prepared statements (issue 15): the same entities as TypeORM's own read,
 * one statement per text on a connection, a transaction's reads kept in the transaction, and errors
 * reported as TypeORM reports them.
 */
describe('prepared reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Guards with their company (joined and mapped): an encrypted column, bytea, a date, an enum. */
  const guardsWithCompany = (ds: DataSource) =>
    ds
      .getRepository(GuardEntity)
      .createQueryBuilder('g')
      .leftJoinAndMapOne('g.company', CompanyEntity, 'c', 'c.id = g.company_id')
      .addSelect('c.name', 'company_name')
      .orderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .limit(30);

  it('hydrates the same entities and raw rows as getRawAndEntities, column transformers included', async () => {
    const qb = guardsWithCompany(t.ds).where('g.id_hash IS NOT NULL');
    const expected = await qb.clone().getRawAndEntities();
    const got = await preparedEntities(qb);
    expect(expected.entities.length).toBeGreaterThan(5);
    expect(got.entities).toEqual(expected.entities);
    expect(got.raw).toEqual(expected.raw);
    expect(got.entities[0]).toBeInstanceOf(GuardEntity);
    // the ID number is decrypted by the column's transformer, the company mapped by the join
    expect(got.entities[0].idNumber).toMatch(/^\d{17}[\dX]$/);
    expect((got.entities[0] as GuardEntity & { company?: CompanyEntity }).company).toBeInstanceOf(CompanyEntity);
  });

  it('runs a text as one named statement on a connection, prepared once', async () => {
    const ds = createDataSource(t.config.databaseUrl!, { poolSize: 1 });
    await ds.initialize();
    try {
      const pool = (ds.driver as PostgresDriver).master as Pool;
      const sent: { name?: string; text: string }[] = [];
      const query = pool.query.bind(pool);
      jest.spyOn(pool, 'query').mockImplementation(((config: { name?: string; text: string }, values?: unknown) => {
        sent.push(config);
        return query(config as never, values as never);
      }) as never);
      const units = 'SELECT id FROM units WHERE kind = $1 ORDER BY id';
      await preparedRows(ds, units, ['ORGANIZER']);
      await preparedRows(ds, units, ['COMPANY']);
      await preparedRows(ds, 'SELECT count(*) FROM units', []);
      expect(sent[0].name).toMatch(/^evs_/);
      expect(sent[1].name).toBe(sent[0].name);
      expect(sent[2].name).not.toBe(sent[0].name);
      // on the pool's one connection PostgreSQL holds each text once, under its name
      const held = await preparedRows<{ name: string; statement: string }>(ds, 'SELECT name, statement FROM pg_prepared_statements ORDER BY name', []);
      expect(held.filter((s) => s.statement === units).map((s) => s.name)).toEqual([sent[0].name]);
      expect(held.map((s) => s.name)).toContain(sent[2].name);
    } finally {
      await ds.destroy();
    }
  });

  it('reads inside a transaction on its connection: a list sees the row the transaction wrote', async () => {
    const name = `预编译测试单位${Date.now()}`;
    const seen = await t.ds
      .transaction(async (m) => {
        await m.query(`INSERT INTO units (name, kind, district) VALUES ($1, 'ORGANIZER', 'XINGLONGTAI')`, [name]);
        const page = await pageWithTotal(m.getRepository(UnitEntity).createQueryBuilder('u').where('u.name = :name', { name }));
        throw Object.assign(new Error('rollback'), { page });
      })
      .catch((err: { page?: Awaited<ReturnType<typeof pageWithTotal<UnitEntity>>> }) => err.page);
    expect(seen?.total).toBe(1);
    expect(seen?.entities.map((u) => u.name)).toEqual([name]);
    // and the pool, outside it, never saw it
    expect((await pageWithTotal(t.ds.getRepository(UnitEntity).createQueryBuilder('u').where('u.name = :name', { name }))).total).toBe(0);
  });

  it('reports a failing statement as TypeORM does, with PostgreSQL code for the error formatter', async () => {
    const err = await preparedRows(t.ds, 'SELECT * FROM no_such_table', []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect((err as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('42P01');
  });

  it('loads rows by id in key order, null for an unknown id', async () => {
    const units = await t.sql<{ id: string; name: string }>(`SELECT id, name FROM units ORDER BY name LIMIT 3`);
    const loader = byIdLoader(t.ds, UnitEntity);
    const missing = '00000000-0000-4000-8000-000000000000';
    const got = await loader.loadMany([units[2].id, missing, units[0].id, units[1].id]);
    expect(got.map((u) => (u instanceof UnitEntity ? u.name : u))).toEqual([units[2].name, null, units[0].name, units[1].name]);
  });
});
