import 'reflect-metadata';
import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { RunningApp, startApp } from '../src/app';
import { SettableClock } from '../src/common/clock';
import { AppConfig, DatabaseSettings, loadConfig } from '../src/config';
import type { Services } from '../src/services';
import { createDataSource } from '../src/database/data-source';
import { migrateAndSeed } from '../src/database/migrate';
import { SeedOptions } from '../src/database/seed';
import { DEMO_PASSWORD } from '../src/database/seed/demo-accounts';
import { adminUrl, createDatabase, dropDatabase, TEMPLATE_DB, urlForDatabase } from './db';
import { assertNoSecondConnections, watchForSecondConnections } from './second-connection';

watchForSecondConnections();

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { field: string; message: string; row?: number }[]; [key: string]: unknown };
}

/** What the GraphQL endpoint answered; GraphQL errors are data here, never thrown. */
export interface GqlResult<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: T | null;
  errors?: GqlError[];
  status: number;
}

/** One browser-like client: its own cookie jar, JSON requests (Apollo's CSRF prevention). */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private readonly extraHeaders: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  /** A cookie this client holds, if any. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Puts a cookie in the jar, e.g. to replay a session token after logout. */
  setCookie(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  /** Sends `name: value` with every request from now on, e.g. the X-Forwarded-For a reverse proxy adds. */
  setHeader(name: string, value: string): this {
    this.extraHeaders[name.toLowerCase()] = value;
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { ...this.extraHeaders, 'content-type': 'application/json' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    this.storeCookies(res.headers.getSetCookie());
    const text = await res.text();
    let body: { data?: T | null; errors?: GqlError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`GraphQL endpoint answered HTTP ${res.status} with non-JSON: ${text.slice(0, 500)}`);
    }
    return { data: body.data, errors: body.errors, status: res.status };
  }

  private storeCookies(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expires = attributes.find((a) => a.toLowerCase().startsWith('expires='));
      const expired = expires !== undefined && new Date(expires.slice(8)).getTime() <= Date.now();
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) { id username displayName role mustChangePassword unit { id name kind } }
  }
`;

/** 设置 changed through the API (audited, validated), as 保安管理支队 does. */
export const UPDATE_SETTINGS = /* GraphQL */ `
  mutation ($changes: [SettingChangeInput!]!) { updateSettings(changes: $changes) { key value } }
`;

export interface TestApp {
  url: string;
  ds: DataSource;
  config: AppConfig;
  /** Name of this test file's own database. */
  database: string;
  /**
   * The server's clock: the system's time until a test sets it (`t.clock.set('2026-06-01T09:00:00+08:00')`);
   * every date-bound rule reads it, so a test moves time instead of waiting.
   */
  clock: SettableClock;
  /** The app's services (e.g. to run the 督办 reminder job once, as its timer would). */
  services: Services;
  /** A logged-in client; throws when the login itself fails (use anonymous() to test failures). */
  login(username: string, password?: string): Promise<TestClient>;
  anonymous(): TestClient;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Overrides of the config read from the environment. */
  config?: Partial<AppConfig>;
  /**
   * `'demo'` (default): a copy of the migrated template with the demo data.
   * A SeedOptions object: an empty database, migrated, then seeded with these options.
   */
  seed?: 'demo' | SeedOptions;
  /** Overrides of the pool settings (the pool has 5 connections in every test app). */
  database?: Partial<DatabaseSettings>;
}

let counter = 0;

/** A fresh database name, unique across workers and runs. */
export function uniqueDatabaseName(prefix = 'evs_t'): string {
  return `${prefix}_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
}

/**
 * One app per test file: its own database (copied from `evs_template`, or freshly migrated and
 * seeded), its own DataSource, and the real HTTP server on a free port.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const admin = adminUrl();
  const database = uniqueDatabaseName();
  const seed = options.seed ?? 'demo';
  await createDatabase(admin, database, seed === 'demo' ? TEMPLATE_DB : undefined);
  const url = urlForDatabase(admin, database);
  const ds = createDataSource(url, { poolSize: 5, ...options.database });
  let app: RunningApp | undefined;
  try {
    await ds.initialize();
    if (seed !== 'demo') {
      await migrateAndSeed(ds, seed);
    }
    const clock = new SettableClock();
    const config: AppConfig = {
      ...loadConfig(),
      databaseUrl: url,
      host: '127.0.0.1',
      seedDemo: seed === 'demo',
      clock,
      // Tests run the reminder job themselves (t.services.supervision.runReminders()).
      reminderIntervalSeconds: 0,
      // Tests run the retention job themselves (services.retention.purge), never on a timer.
      privacyPurgeIntervalMinutes: 0,
      // Every test logs in from 127.0.0.1, often and at once; login-gate tests set their own limits.
      loginLimits: { perAddressPerMinute: 0, concurrent: 4, queue: 100_000 },
      ...options.config,
    };
    app = await startApp(ds, config, 0);
    const baseUrl = app.url.replace('localhost', '127.0.0.1');
    const running = app;
    return {
      url: baseUrl,
      ds,
      config,
      database,
      clock,
      services: running.services,
      anonymous: () => new TestClient(baseUrl),
      async login(username, password = DEMO_PASSWORD) {
        const client = new TestClient(baseUrl);
        const result = await client.gql(LOGIN, { input: { username, password } });
        if (result.errors?.length) {
          throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`);
        }
        return client;
      },
      sql: (text, params) => ds.query(text, params),
      async close() {
        await running.close();
        if (ds.isInitialized) await ds.destroy();
        await dropDatabase(admin, database);
        assertNoSecondConnections();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    if (ds.isInitialized) await ds.destroy();
    await dropDatabase(admin, database);
    throw err;
  }
}

/** Asserts the first GraphQL error has `extensions.code === code` and returns it. */
export function expectErrorCode(result: GqlResult, code: string): GqlError {
  const error = result.errors?.[0];
  if (!error) {
    throw new Error(`expected a GraphQL error ${code}, got data: ${JSON.stringify(result.data)}`);
  }
  if (error.extensions?.code !== code) {
    throw new Error(`expected error code ${code}, got ${error.extensions?.code}: ${error.message}`);
  }
  return error;
}

/** Returns `data`, failing the test with the errors when there are any. */
export function expectData<T>(result: GqlResult<T>): T {
  if (result.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
  if (!result.data) throw new Error('GraphQL answered without data');
  return result.data;
}

/**
 * The SQL texts the pg driver sends while `fn` runs (the app runs in this process), plain and
 * prepared statements alike. The app's background audit sealer (every second) is left out: it is
 * not part of what `fn` costs.
 */
export async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const texts: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string } | undefined;
    const text = typeof q === 'string' ? q : (q?.text ?? '');
    if (!text.startsWith('SELECT audit_seal(')) texts.push(text);
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return texts;
}

/** Counts the SQL statements the pg driver sends while `fn` runs. */
export async function countQueries(fn: () => Promise<unknown>): Promise<number> {
  return (await statementsDuring(fn)).length;
}

/**
 * An unknown username that the first login step answers like an account without (`wantsCode` false)
 * or with (true) two-factor login: the keyed choice of AuthService.decoyNeedsCode.
 */
export async function unknownUsername(t: TestApp, wantsCode: boolean, prefix = 'ghost'): Promise<string> {
  const [{ value }] = await t.sql(`SELECT value FROM server_secrets WHERE name = 'login.decoy'`);
  const key = Buffer.from(value, 'hex');
  for (let i = 0; ; i++) {
    const name = `${prefix}-${i}`;
    const mac = createHmac('sha256', key).update(name).digest();
    if ((mac[0] < 128) === wantsCode) return name;
  }
}

/** The code an authenticator app shows for `secret`, `stepsAhead` periods of 30 s from now. */
export async function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  const { generate } = await import('otplib');
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/** Runs a step of a migration (its `up` or `down`) in one transaction on `ds`, as the migration runner does. */
export async function inMigrationTransaction(ds: DataSource, step: (q: QueryRunner) => Promise<void>): Promise<void> {
  const q = ds.createQueryRunner();
  try {
    await q.startTransaction();
    await step(q);
    await q.commitTransaction();
  } catch (err) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw err;
  } finally {
    await q.release();
  }
}
