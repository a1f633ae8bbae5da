import path from 'node:path';
import { Clock, systemClock } from './common/clock';

/** Repository root (apps/server/dist/.. or apps/server/src/..). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface AppConfig {
  port: number;
  host: string;
  /** When set, an external PostgreSQL; otherwise the embedded one in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  /** Loads the demo accounts and data on an empty database. */
  seedDemo: boolean;
  webDist: string;
  cookieSecure: boolean;
  sessionHours: number;
  logLevel: string;
  /** "Now" for every date-bound rule; the system's clock, or a test's `SettableClock`. */
  clock: Clock;
  /** How often the 督办 job looks for passed deadlines (seconds; 0 = never, as in tests). */
  reminderIntervalSeconds: number;
}

function intFrom(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > 65535 * 1000) {
    throw new Error(`环境变量 ${name} 应为${min === 0 ? '非负' : '正'}整数，当前为 "${raw}"`);
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

/** One validated, typed config object; fails fast on bad environment. */
export function loadConfig(): AppConfig {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('环境变量 DATABASE_URL 应以 postgres:// 或 postgresql:// 开头');
  }
  return {
    port: intFrom('PORT', 4000),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(process.env.DATA_DIR || path.join(repoRoot, '.data')),
    embeddedPgPort: intFrom('EMBEDDED_PG_PORT', 54329),
    seedDemo: boolFrom('SEED_DEMO', !databaseUrl),
    webDist: path.resolve(process.env.WEB_DIST || path.join(repoRoot, 'apps', 'web', 'dist')),
    cookieSecure: boolFrom('COOKIE_SECURE', false),
    sessionHours: intFrom('SESSION_HOURS', 12),
    logLevel: process.env.LOG_LEVEL || 'info',
    clock: systemClock,
    reminderIntervalSeconds: intFrom('REMINDER_INTERVAL_SECONDS', 300, 0),
  };
}
