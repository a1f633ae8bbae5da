import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, EntityMetadata, ObjectLiteral, QueryFailedError, QueryRunner, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';

/**
 * Reads on the hot paths (the session check of every request, the lists, the by-id loaders) as named
 * prepared statements on the pool's connections: PostgreSQL parses and plans a statement once per
 * connection instead of on every call, and the call skips TypeORM's query runner. Measured on the
 * city-scale bench at 20 clients (issue 15): PostgreSQL's CPU per request of a page of 50 activities
 * 2.3–2.5 → 1.3 ms, of the session check alone 0.6–0.8 → 0.2 ms.
 *
 * A statement's name is the hash of its text, so one text is one statement on every connection and
 * two texts never share a name. Only for reads outside a transaction: a query builder bound to a
 * transaction's connection goes through TypeORM (see preparedEntities).
 */
export async function preparedRows<R extends QueryResultRow>(ds: DataSource, sql: string, params: unknown[] = []): Promise<R[]> {
  const name = statementName(sql);
  ds.logger.logQuery(sql, params);
  const pool = (ds.driver as PostgresDriver).master as Pool;
  try {
    return (await pool.query<R>({ name, text: sql, values: params })).rows;
  } catch (err) {
    // as TypeORM reports it: the error formatter reads the PostgreSQL fields from `driverError`
    throw new QueryFailedError(sql, params, err as Error);
  }
}

/** The hashes of the texts seen lately: a hot path's text comes back on every request. */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    if (statementNames.size >= 1000) statementNames.clear();
    name = `evs_${createHash('sha1').update(sql).digest('base64url')}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * A query builder's raw rows (as getRawMany) through preparedRows; on a transaction's connection
 * through TypeORM, there.
 */
export async function preparedRaw<R extends QueryResultRow>(qb: SelectQueryBuilder<ObjectLiteral>): Promise<R[]> {
  if (boundToConnection(qb)) return qb.getRawMany<R>();
  const [sql, params] = qb.getQueryAndParameters();
  return preparedRows<R>(qb.connection, sql, params);
}

/**
 * A query builder's entities and raw rows (as getRawAndEntities) through preparedRows, hydrated by
 * TypeORM's own transformer (column transformers such as the encrypted ID numbers apply as usual).
 * Whatever needs more than one statement or a transaction's connection goes through TypeORM itself:
 * a builder bound to a query runner, skip/take with joins (TypeORM's two-step pagination), relation
 * ids, a lock.
 */
export async function preparedEntities<T extends ObjectLiteral, R extends object = Record<string, unknown>>(
  qb: SelectQueryBuilder<T>,
): Promise<{ entities: T[]; raw: R[] }> {
  const map = qb.expressionMap;
  const direct =
    !boundToConnection(qb) &&
    map.skip === undefined &&
    map.take === undefined &&
    map.relationLoadStrategy !== 'query' &&
    map.relationIdAttributes.length === 0 &&
    map.lockMode === undefined &&
    !!map.mainAlias?.hasMetadata;
  if (!direct) return qb.getRawAndEntities<R>();
  const raw = await preparedRaw<R & QueryResultRow>(qb);
  const entities = raw.length
    ? (new RawSqlResultsToEntityTransformer(map, qb.connection.driver, [], undefined).transform(raw, map.mainAlias!) as T[])
    : [];
  return { entities, raw };
}

/** Whether a query builder was made on a query runner (a transaction's manager): its reads must run there. */
function boundToConnection(qb: SelectQueryBuilder<ObjectLiteral>): boolean {
  return !!(qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
}

/**
 * Rows of one entity read by hand-written SQL (a list on a hot path, issue 15), hydrated as TypeORM
 * hydrates them, without its query builder or its result transformer: the builder rebuilt the same
 * SQL text on every call and the transformer grouped rows by key for joins a list does not have
 * (together about a sixth of the CPU of a page of 50 activities). Each column is selected as
 * `<alias>_<database name>`, as TypeORM names it, and hydrated by the driver (`prepareHydratedValue`:
 * a `date` becomes YYYY-MM-DD, column transformers apply); the entity is made as TypeORM makes one
 * it reads (its prototype, no constructor call). Only for entities without embedded or virtual columns.
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly byProperty: Map<string, ColumnMetadata>;

  constructor(
    private readonly ds: DataSource,
    target: new () => T,
    readonly alias: string,
  ) {
    this.metadata = ds.getMetadata(target);
    if (this.metadata.embeddeds.length || this.metadata.columns.some((c) => c.isVirtual || c.isVirtualProperty || c.embeddedMetadata)) {
      throw new Error(`EntityRows: ${this.metadata.name} has embedded or virtual columns; read it through TypeORM`);
    }
    this.byProperty = new Map(this.metadata.columns.map((c) => [c.propertyName, c]));
  }

  /** Whether the entity has a column of this property name. */
  has(property: string): boolean {
    return this.byProperty.has(property);
  }

  /** The columns of these properties (every column when null); throws on a name that is not a column. */
  columns(properties: readonly string[] | null): ColumnMetadata[] {
    if (!properties) return this.metadata.columns;
    return properties.map((p) => {
      const c = this.byProperty.get(p);
      if (!c) throw new Error(`EntityRows: ${this.metadata.name}.${p} is not a column`);
      return c;
    });
  }

  /** The select list for these columns, named as TypeORM names them. */
  selectList(columns: readonly ColumnMetadata[]): string {
    return columns.map((c) => `"${this.alias}"."${c.databaseName}" AS "${this.key(c)}"`).join(', ');
  }

  /** The entity of one row, or null when its primary key is null (a LEFT JOIN that found nothing). */
  hydrate(row: Record<string, unknown>, columns: readonly ColumnMetadata[]): T | null {
    const driver = this.ds.driver;
    if (this.primaryKeys.every((k) => row[k] == null)) return null;
    const entity = Object.create(this.prototype) as Record<string, unknown>;
    for (const c of columns) entity[c.propertyName] = driver.prepareHydratedValue(row[this.key(c)], c);
    return entity as T;
  }

  private get prototype(): object {
    return (this.metadata.target as { prototype: object }).prototype;
  }

  /** Each column's name in a row, made once (not a new string per row and column). */
  private readonly keys = new Map<ColumnMetadata, string>();
  private key(c: ColumnMetadata): string {
    let k = this.keys.get(c);
    if (k === undefined) this.keys.set(c, (k = `${this.alias}_${c.databaseName}`));
    return k;
  }
  private get primaryKeys(): string[] {
    return (this.primaryKeyNames ??= this.metadata.primaryColumns.map((c) => this.key(c)));
  }
  private primaryKeyNames?: string[];
}

/** Values of a hand-written statement: `bind(value)` gives its `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  bind = (value: unknown): string => `$${this.values.push(value)}`;
}

/**
 * A page of rows and the count of all rows its filters match, in one statement: the count is an
 * uncorrelated subquery on the filters alone (PostgreSQL runs it once), so a list is one round trip,
 * not two. A page past the end has no row to carry it, and counts on its own. `from` is the listed
 * table with its alias (what is counted), `joins` what the page adds, `where` conditions on
 * `params`' placeholders.
 */
export async function pageWithTotalRow<R extends QueryResultRow>(
  ds: DataSource,
  q: { select: string; from: string; joins?: string; where: string[]; params: SqlParams; orderBy: string; take: number; skip: number },
): Promise<{ rows: R[]; total: number }> {
  const whereSql = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const countSql = `SELECT count(*)::int AS n FROM ${q.from} ${whereSql}`;
  const filterValues = [...q.params.values];
  const rows = await preparedRows<R & { total_rows: number }>(
    ds,
    `SELECT (${countSql}) AS total_rows, ${q.select} FROM ${q.from} ${q.joins ?? ''} ${whereSql}
      ORDER BY ${q.orderBy} LIMIT ${q.params.bind(q.take)} OFFSET ${q.params.bind(q.skip)}`,
    q.params.values,
  );
  const total = rows.length ? rows[0].total_rows : (await preparedRows<{ n: number }>(ds, countSql, filterValues))[0].n;
  return { rows, total };
}
