import path from 'node:path';
import { passwordProblems } from '@evs/schema';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { logger } from '../common/logger';
import { configurePii, loadOrCreateDemoKeyring } from '../common/pii';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import { migrateAndSeed } from './migrate';
import type { SeedOptions } from './seed';
import { DEMO_PASSWORD } from './seed/demo-accounts';

export interface OpenDatabase {
  ds: DataSource;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The personal-information keys of this process: from the environment, or (embedded demo database
 * only) generated once and kept in DATA_DIR.
 */
export function configurePiiKeys(config: AppConfig): void {
  if (config.pii) return configurePii(config.pii);
  const demo = loadOrCreateDemoKeyring(config.dataDir);
  logger.warn({ file: demo.file, created: demo.created }, '未设置 PII_KEYS/PII_HASH_KEY：使用 DATA_DIR 中自动生成的演示密钥（仅供演示，正式部署须由环境变量提供）');
  configurePii(demo.ring);
}

/**
 * What an empty database is seeded with: the demo (SEED_DEMO) may fall back to the published demo
 * password; a real deployment needs ADMIN_INITIAL_PASSWORD and AUDITOR_INITIAL_PASSWORD, two
 * different passwords (三员分立: they go to two different people), neither of them the demo password
 * and each acceptable by the password rules. Otherwise the reason, in Chinese, why the server
 * refuses to create the accounts.
 */
export function initialSeed(seedDemo: boolean, env: NodeJS.ProcessEnv = process.env): { seed: SeedOptions } | { refusal: string } {
  const admin = env.ADMIN_INITIAL_PASSWORD || undefined;
  const auditor = env.AUDITOR_INITIAL_PASSWORD || undefined;
  // The demo's admin and auditor share the demo accounts' published password (README「演示账户」).
  if (seedDemo) return { seed: { demo: true, adminPassword: admin ?? DEMO_PASSWORD, auditorPassword: auditor } };
  const problems: string[] = [];
  for (const [name, value, username, who] of [
    ['ADMIN_INITIAL_PASSWORD', admin, 'admin', '系统管理员 admin'],
    ['AUDITOR_INITIAL_PASSWORD', auditor, 'auditor', '安全审计员 auditor'],
  ] as const) {
    if (!value) problems.push(`未设置 ${name}（${who} 的初始密码）`);
    else if (value === DEMO_PASSWORD) problems.push(`${name} 不得使用公开的演示密码`);
    else {
      const weak = passwordProblems(value, username);
      if (weak.length) problems.push(`${name} 不符合密码规则：${weak.map((p) => p.message).join('，')}`);
    }
  }
  if (admin && admin === auditor) problems.push('ADMIN_INITIAL_PASSWORD 与 AUDITOR_INITIAL_PASSWORD 不得相同（三员分立：两个初始密码分别交给系统管理员和安全审计员）');
  if (!problems.length) return { seed: { demo: false, adminPassword: admin!, auditorPassword: auditor! } };
  return {
    refusal:
      `空数据库首次启动（不载入演示数据）时拒绝创建 admin 与 auditor：${problems.join('；')}。` +
      '请以环境变量（或 docker compose 的 .env 文件）设置两个不同的初始密码后再启动，见 README“环境变量”',
  };
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data folder; then runs the
 * migrations and, on an empty database, the seed.
 */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  configurePiiKeys(config);
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const clusterDir = path.join(config.dataDir, 'pg');
    logger.info({ clusterDir }, '启动内置 PostgreSQL');
    const embedded = await startEmbeddedPostgres({
      clusterDir,
      port: config.embeddedPgPort,
      persistent: true,
      database: 'evs',
      log: (message) => logger.info(message),
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const ds = createDataSource(url, config.database);
  try {
    await ds.initialize();
    const initial = initialSeed(config.seedDemo);
    // Without usable initial passwords only the migrations run; a database that already has its
    // accounts needs none, an empty one is refused before any account exists.
    const { applied } = await migrateAndSeed(ds, 'seed' in initial ? initial.seed : undefined);
    if (applied.length) logger.info({ migrations: applied }, '数据库迁移完成');
    if ('refusal' in initial) {
      const [{ count }]: { count: number }[] = await ds.query('SELECT count(*)::int AS count FROM users');
      if (count === 0) throw new Error(initial.refusal);
    }
  } catch (err) {
    if (ds.isInitialized) await ds.destroy();
    await stopEmbedded?.();
    throw err;
  }
  return {
    ds,
    url,
    embedded: !!stopEmbedded,
    close: async () => {
      if (ds.isInitialized) await ds.destroy();
      await stopEmbedded?.();
    },
  };
}

