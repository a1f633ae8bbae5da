import { Client } from 'pg';
import { adminUrl, createDatabase, dropDatabase, urlForDatabase } from '../../test/db';
import { uniqueDatabaseName } from '../../test/harness';
import { TEST_PII_ENV } from '../../test/pii-keys';
import { parsePiiKeyring } from '../common/pii';
import { AppConfig, loadConfig } from '../config';
import { verifyPassword } from '../modules/auth/password';
import { initialSeed, openDatabase } from './bootstrap';
import { DEMO_PASSWORD } from './seed/demo-accounts';

const ADMIN = 'Start@2026deploy';
const AUDITOR = 'Check@2026seal';

/** The accounts of a database, read on a connection of their own (the server's is closed by then). */
async function accounts(url: string): Promise<{ username: string; password_hash: string }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT username, password_hash FROM users ORDER BY username`);
    return rows;
  } finally {
    await client.end();
  }
}

describe('first start of a database: the initial passwords of admin and auditor', () => {
  const databases: string[] = [];
  const saved = { ADMIN_INITIAL_PASSWORD: process.env.ADMIN_INITIAL_PASSWORD, AUDITOR_INITIAL_PASSWORD: process.env.AUDITOR_INITIAL_PASSWORD };

  const fresh = async () => {
    const name = uniqueDatabaseName('evs_boot');
    databases.push(name);
    await createDatabase(adminUrl(), name);
    return urlForDatabase(adminUrl(), name);
  };
  /** The server's start (main.ts) on `url`: a real deployment unless `seedDemo`. */
  const start = async (url: string, env: { admin?: string; auditor?: string }, seedDemo = false) => {
    for (const [name, value] of [['ADMIN_INITIAL_PASSWORD', env.admin], ['AUDITOR_INITIAL_PASSWORD', env.auditor]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const config: AppConfig = { ...loadConfig(), databaseUrl: url, seedDemo, pii: parsePiiKeyring(TEST_PII_ENV), database: { ...loadConfig().database, poolSize: 2 } };
    const db = await openDatabase(config);
    await db.close();
  };

  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  afterAll(async () => {
    for (const name of databases) await dropDatabase(adminUrl(), name);
  });

  it('refuses a real deployment without the two passwords, in Chinese, and creates no account', async () => {
    const url = await fresh();
    await expect(start(url, {})).rejects.toThrow(/拒绝创建 admin 与 auditor：未设置 ADMIN_INITIAL_PASSWORD.*；未设置 AUDITOR_INITIAL_PASSWORD/);
    expect(await accounts(url)).toEqual([]);
    // The auditor never falls back to the administrator's password.
    await expect(start(url, { admin: ADMIN })).rejects.toThrow(/未设置 AUDITOR_INITIAL_PASSWORD（安全审计员 auditor 的初始密码）/);
    expect(await accounts(url)).toEqual([]);
  });

  it('refuses the same password for both (三员分立), the published demo password and a weak one', async () => {
    const url = await fresh();
    await expect(start(url, { admin: ADMIN, auditor: ADMIN })).rejects.toThrow(/ADMIN_INITIAL_PASSWORD 与 AUDITOR_INITIAL_PASSWORD 不得相同（三员分立/);
    await expect(start(url, { admin: DEMO_PASSWORD, auditor: AUDITOR })).rejects.toThrow(/ADMIN_INITIAL_PASSWORD 不得使用公开的演示密码/);
    await expect(start(url, { admin: ADMIN, auditor: 'auditor1' })).rejects.toThrow(/AUDITOR_INITIAL_PASSWORD 不符合密码规则：.*密码不得包含用户名/);
    expect(await accounts(url)).toEqual([]);
  });

  it('creates admin and auditor with their own passwords; a later start needs neither password', async () => {
    const url = await fresh();
    await start(url, { admin: ADMIN, auditor: AUDITOR });
    const [admin, auditor, ...others] = await accounts(url);
    expect([admin.username, auditor.username, others]).toEqual(['admin', 'auditor', []]);
    expect(await verifyPassword(admin.password_hash, ADMIN)).toBe(true);
    expect(await verifyPassword(auditor.password_hash, AUDITOR)).toBe(true);
    expect(await verifyPassword(auditor.password_hash, ADMIN)).toBe(false);
    // The deployment already has its accounts: the passwords may be gone from the environment.
    await expect(start(url, {})).resolves.toBeUndefined();
    expect((await accounts(url)).map((a) => a.password_hash)).toEqual([admin.password_hash, auditor.password_hash]);
  });

  it('keeps the demo as it was: without passwords, admin and auditor get the demo password', () => {
    expect(initialSeed(true, {})).toEqual({ seed: { demo: true, adminPassword: DEMO_PASSWORD, auditorPassword: undefined } });
    expect(initialSeed(true, { ADMIN_INITIAL_PASSWORD: ADMIN })).toEqual({ seed: { demo: true, adminPassword: ADMIN, auditorPassword: undefined } });
    expect(initialSeed(false, { ADMIN_INITIAL_PASSWORD: ADMIN, AUDITOR_INITIAL_PASSWORD: AUDITOR })).toEqual({
      seed: { demo: false, adminPassword: ADMIN, auditorPassword: AUDITOR },
    });
  });

  it('seeds the demo through the same start: the demo accounts log in with the demo password', async () => {
    const url = await fresh();
    await start(url, {}, true);
    const rows = await accounts(url);
    const byName = new Map(rows.map((r) => [r.username, r.password_hash]));
    expect(rows.length).toBeGreaterThan(2);
    for (const username of ['admin', 'auditor', 'baoan']) {
      expect(await verifyPassword(byName.get(username)!, DEMO_PASSWORD)).toBe(true);
    }
  }, 120_000);
});
