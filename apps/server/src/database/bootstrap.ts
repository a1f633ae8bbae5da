import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { logger } from '../common/logger';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import { migrateAndSeed } from './migrate';

export interface OpenDatabase {
  ds: DataSource;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data folder; then runs the
 * migrations and, on an empty database, the seed.
 */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
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
    const { applied } = await migrateAndSeed(ds, {
      demo: config.seedDemo,
      adminPassword: process.env.ADMIN_INITIAL_PASSWORD || 'Demo@2026',
      auditorPassword: process.env.AUDITOR_INITIAL_PASSWORD || undefined,
    });
    if (applied.length) logger.info({ migrations: applied }, '数据库迁移完成');
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
