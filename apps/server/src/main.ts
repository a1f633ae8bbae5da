import 'reflect-metadata';
import { startApp } from './app';
import { logger } from './common/logger';
import { loadConfig } from './config';
import { openDatabase } from './database/bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  let app;
  try {
    app = await startApp(db.ds, config);
  } catch (err) {
    await db.close();
    throw err;
  }
  logger.info({ url: app.url, graphql: `${app.url}/graphql`, embeddedDatabase: db.embedded }, `系统已启动：${app.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, '正在停止');
    // Readiness 503 → (delay) listener closes → requests in flight served → pool → embedded PostgreSQL.
    const force = setTimeout(() => process.exit(1), config.shutdownDelayMs + config.shutdownTimeoutMs + 10_000);
    try {
      const report = await app.close();
      await db.close();
      logger.info(report, db.embedded ? '已停止（连接池与内置 PostgreSQL 已关闭）' : '已停止（连接池已关闭）');
    } catch (err) {
      logger.error({ err }, '停止时出错');
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  logger.fatal({ err }, `启动失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
