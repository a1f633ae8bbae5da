import 'reflect-metadata';
import { Client, type ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseSettings, DEFAULT_DATABASE_SETTINGS } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming';

/**
 * A pool connection that never turns a lost server into a process crash: PostgreSQL's "terminating
 * connection" (57P01, a restart or failover) can arrive on a connection between two queries, after
 * its current user stopped listening; without a listener Node throws the 'error' event. The query
 * that needed it still fails (UNAVAILABLE) and the pool replaces the connection.
 */
class ResilientClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** The only DataSource definition: the app, the TypeORM CLI and the tests all build it here. */
export function createDataSource(url: string, options: Partial<DatabaseSettings> = {}): DataSource {
  const settings = { ...DEFAULT_DATABASE_SETTINGS, ...options };
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // A request never waits forever for a connection, and no statement or forgotten transaction
    // holds one (and its locks) for long: the node answers UNAVAILABLE instead of hanging.
    extra: {
      Client: ResilientClient,
      max: settings.poolSize,
      connectionTimeoutMillis: settings.acquireTimeoutMs,
      statement_timeout: settings.statementTimeoutMs || undefined,
      idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs || undefined,
      // No JIT compilation on the app's connections: the overview's aggregates pass jit_above_cost at
      // city scale and compiling took longer than the queries (hundreds of ms for a 30 ms aggregate);
      // set once per connection, not per statement (issue 15: 26 statements per overview → 8).
      options: '-c jit=off',
    },
    // Failed queries reach the log once, through the error formatter (or the outage log), not per statement.
    logging: process.env.SQL_LOG === '1' ? ['query', 'error'] : false,
  });
}

/** For the TypeORM CLI (`pnpm typeorm migration:run`): needs DATABASE_URL. */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://localhost/evs');
