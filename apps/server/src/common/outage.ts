import type { Logger } from 'pino';

/**
 * Logs a database outage once per interval instead of a stack trace per request: the first failure,
 * then a reminder with the number of failed requests every `intervalMs`, then one line on recovery.
 */
export class OutageLog {
  private since: number | null = null;
  private lastLogged = 0;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get down(): boolean {
    return this.since !== null;
  }

  failure(err: unknown): void {
    const now = this.now();
    this.failures += 1;
    const reason = err instanceof Error ? err.message : String(err);
    if (this.since === null) {
      this.since = now;
      this.lastLogged = now;
      this.failures = 0;
      this.logger.error({ reason }, '数据库不可用：请求答复 UNAVAILABLE（503），恢复后自动继续');
    } else if (now - this.lastLogged >= this.intervalMs) {
      this.logger.error({ reason, failedRequests: this.failures, downForMs: now - this.since }, '数据库仍不可用');
      this.lastLogged = now;
      this.failures = 0;
    }
  }

  success(): void {
    if (this.since === null) return;
    this.logger.info({ downForMs: this.now() - this.since }, '数据库已恢复');
    this.since = null;
    this.failures = 0;
  }
}
