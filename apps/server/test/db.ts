import { Client } from 'pg';

/** Name of the migrated, seeded database every integration test file copies. */
export const TEMPLATE_DB = 'evs_template';

/** Env var through which global-setup hands the admin connection URL to the test workers. */
export const ADMIN_URL_ENV = 'EVS_TEST_ADMIN_URL';

/** The same server as `url`, another database. */
export function urlForDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error(`${ADMIN_URL_ENV} is not set: run the tests through jest (test/global-setup.ts)`);
  return url;
}

export async function withAdminClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  await withAdminClient(url, (c) =>
    c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`),
  );
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}
