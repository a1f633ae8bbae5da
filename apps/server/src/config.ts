import path from 'node:path';
import { Clock, OffsetFileClock, systemClock } from './common/clock';
import { parsePiiKeyring, PiiKeyring } from './common/pii';
import { DEFAULT_LOGIN_LIMITS, LoginLimits } from './common/login-gate';

/** Repository root (apps/server/dist/.. or apps/server/src/..). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Pool and session limits of every connection the app opens (see README, 环境变量). */
export interface DatabaseSettings {
  poolSize: number;
  /** How long a request waits for a pooled connection before answering UNAVAILABLE. */
  acquireTimeoutMs: number;
  /** PostgreSQL cancels any one statement running longer (0 = no limit). */
  statementTimeoutMs: number;
  /** PostgreSQL ends a session left idle inside an open transaction this long (0 = no limit). */
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_DATABASE_SETTINGS: DatabaseSettings = {
  poolSize: 20,
  acquireTimeoutMs: 10_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

export interface AppConfig {
  port: number;
  host: string;
  /** When set, an external PostgreSQL; otherwise the embedded one in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  database: DatabaseSettings;
  embeddedPgPort: number;
  /** Loads the demo accounts and data on an empty database. */
  seedDemo: boolean;
  webDist: string;
  cookieSecure: boolean;
  sessionHours: number;
  /** A session ends after this many minutes without a request by its user (等保: 会话空闲超时). */
  sessionIdleMinutes: number;
  /** Schema introspection and the Apollo Sandbox page at GET /graphql (off in production). */
  graphqlIntrospection: boolean;
  /** On SIGTERM, how long /readyz answers 503 before the listener closes (load balancer notice). */
  shutdownDelayMs: number;
  /** On SIGTERM, how long requests already accepted may take to finish before they are cut. */
  shutdownTimeoutMs: number;
  logLevel: string;
  /** "Now" for every date-bound rule; the system's clock, or a test's `SettableClock`. */
  clock: Clock;
  /** How often the 督办 job looks for passed deadlines (seconds; 0 = never, as in tests). */
  reminderIntervalSeconds: number;
  /**
   * Keys of personal information at rest (PII_KEYS, PII_HASH_KEY). Null only on the embedded demo
   * database, which then keeps generated keys in DATA_DIR (common/pii.ts, demo only).
   */
  pii: PiiKeyring | null;
  /** How often the retention job runs (minutes; 0 = never in this process). */
  privacyPurgeIntervalMinutes: number;
  /** Logins per client address and at once (common/login-gate.ts). */
  loginLimits: LoginLimits;
  /**
   * Which peers' X-Forwarded-For is believed for the client's address (Express `trust proxy`): the
   * audit's 来源 IP and the login limit per address. `loopback` by default; the number of reverse proxies in
   * front (1 behind one proxy, as docker-compose runs it) or their own addresses.
   */
  trustProxy: string | number;
}

function intFrom(name: string, fallback: number, { allowZero = false } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1) || value > 65535 * 1000) {
    throw new Error(`环境变量 ${name} 应为${allowZero ? '非负' : '正'}整数，当前为 "${raw}"`);
  }
  return value;
}

function boolFrom(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`环境变量 ${name} 应为 true 或 false，当前为 "${raw}"`);
}

/**
 * TRUST_PROXY: how many reverse proxies stand in front (a hop count: 1 = one proxy, the usual), or the proxies'
 * own addresses / CIDRs, or `loopback`, comma-separated. Not `uniquelocal` or `linklocal` (red team 7, M4): on
 * an intranet every client has a private address, so each would be believed as a proxy, and Express would walk
 * X-Forwarded-For back to the value the client wrote itself (a forged 来源 IP in the audit, no login limit).
 */
function trustProxyFrom(raw: string | undefined): string | number {
  const value = (raw ?? '').trim() || 'loopback';
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => /^(uniquelocal|linklocal)$/i.test(p))) {
    throw new Error(
      `环境变量 TRUST_PROXY 不能为 uniquelocal 或 linklocal：内网中每个客户端都是私有地址，都会被当作代理而可以自填 X-Forwarded-For（伪造来源 IP、绕过按地址的登录限流）；` +
        `请填反向代理的层数（一层代理填 1）或代理自己的地址/网段，当前为 "${raw}"`,
    );
  }
  const part = /^(loopback|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;
  if (!parts.every((p) => part.test(p))) {
    throw new Error(`环境变量 TRUST_PROXY 应为反向代理的层数（如 1）、loopback 或以逗号分隔的代理地址/网段（如 172.18.0.1），当前为 "${raw}"`);
  }
  return value;
}

/** One validated, typed config object; fails fast on bad environment. */
/** A browser journey's clock (e2e): never in production. */
function testClock(): Clock | null {
  const file = process.env.TEST_CLOCK_OFFSET_FILE;
  if (!file) return null;
  if (process.env.NODE_ENV === 'production') throw new Error('环境变量 TEST_CLOCK_OFFSET_FILE 只用于测试，生产环境（NODE_ENV=production）不得设置');
  return new OffsetFileClock(file);
}

export function loadConfig(): AppConfig {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('环境变量 DATABASE_URL 应以 postgres:// 或 postgresql:// 开头');
  }
  const pii = parsePiiKeyring(process.env);
  if (databaseUrl && !pii) {
    throw new Error(
      '使用 DATABASE_URL（正式部署）时必须设置个人信息加密密钥 PII_KEYS（如 k1:<openssl rand -base64 32 的结果>）和 PII_HASH_KEY（另一个 base64 的32字节密钥）；' +
        '密钥应由密钥管理系统或部署平台的机密变量提供，见 README“个人信息保护”',
    );
  }
  return {
    port: intFrom('PORT', 4000),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(process.env.DATA_DIR || path.join(repoRoot, '.data')),
    database: {
      poolSize: intFrom('DB_POOL_SIZE', DEFAULT_DATABASE_SETTINGS.poolSize),
      acquireTimeoutMs: intFrom('DB_ACQUIRE_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.acquireTimeoutMs),
      statementTimeoutMs: intFrom('DB_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.statementTimeoutMs, { allowZero: true }),
      idleInTransactionTimeoutMs: intFrom('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.idleInTransactionTimeoutMs, { allowZero: true }),
    },
    embeddedPgPort: intFrom('EMBEDDED_PG_PORT', 54329),
    seedDemo: boolFrom('SEED_DEMO', !databaseUrl),
    webDist: path.resolve(process.env.WEB_DIST || path.join(repoRoot, 'apps', 'web', 'dist')),
    cookieSecure: boolFrom('COOKIE_SECURE', false),
    sessionHours: intFrom('SESSION_HOURS', 12),
    sessionIdleMinutes: intFrom('SESSION_IDLE_MINUTES', 30),
    graphqlIntrospection: boolFrom('GRAPHQL_INTROSPECTION', false),
    shutdownDelayMs: intFrom('SHUTDOWN_DELAY_MS', 0, { allowZero: true }),
    shutdownTimeoutMs: intFrom('SHUTDOWN_TIMEOUT_MS', 10_000),
    logLevel: process.env.LOG_LEVEL || 'info',
    clock: testClock() ?? systemClock,
    reminderIntervalSeconds: intFrom('REMINDER_INTERVAL_SECONDS', 300, { allowZero: true }),
    pii,
    privacyPurgeIntervalMinutes: intFrom('PRIVACY_PURGE_INTERVAL_MINUTES', 1440, { allowZero: true }),
    loginLimits: {
      perAddressPerMinute: intFrom('LOGIN_RATE_PER_ADDRESS', DEFAULT_LOGIN_LIMITS.perAddressPerMinute, { allowZero: true }),
      concurrent: intFrom('LOGIN_CONCURRENCY', DEFAULT_LOGIN_LIMITS.concurrent),
      queue: intFrom('LOGIN_QUEUE', DEFAULT_LOGIN_LIMITS.queue, { allowZero: true }),
    },
    trustProxy: trustProxyFrom(process.env.TRUST_PROXY),
  };
}
