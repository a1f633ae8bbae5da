import { DomainError } from './domain-error';

/** How many logins are let through, per address and at once (README「登录限流」). */
export interface LoginLimits {
  /** Attempts per client address in any 60 s; 0 = no limit (tests). */
  perAddressPerMinute: number;
  /** Logins verified at the same time (each holds a database connection and a hashing thread). */
  concurrent: number;
  /** Logins waiting for a turn, beyond which a new one is refused at once. */
  queue: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddressPerMinute: 30, concurrent: 4, queue: 200 };

const WINDOW_MS = 60_000;

/** HTTP 429 with a Chinese message: the client may try again later; nothing was checked. */
const tooMany = (message: string) => new DomainError('UNAVAILABLE', message, undefined, undefined, 429);

/**
 * The gate in front of a login (review 8-A F1: 300 anonymous logins at once held every database
 * connection, the readiness check failed and signed-in officers were answered 503). Per client address,
 * a sliding minute of attempts; over all addresses, a few verified at a time and a bounded queue, so a
 * flood of logins waits in memory without holding connections, and is refused past the queue. The
 * account lockout (5 failures) still holds behind it; this only bounds the cost of trying.
 */
export class LoginGate {
  private readonly attempts = new Map<string, number[]>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(address: string | undefined, login: () => Promise<T>): Promise<T> {
    this.count(address ?? 'unknown');
    if (this.running >= this.limits.concurrent) {
      if (this.waiting.length >= this.limits.queue) throw tooMany('登录请求过多，请稍后再试');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await login();
    } finally {
      // The turn passes to the next in line (running stays the same), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Counts an attempt of `address`, refusing it when the minute already holds the limit. */
  private count(address: string): void {
    const limit = this.limits.perAddressPerMinute;
    if (limit <= 0) return;
    const now = this.now();
    const recent = (this.attempts.get(address) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= limit) {
      this.attempts.set(address, recent);
      throw tooMany(`登录尝试过于频繁（同一地址每分钟不超过${limit}次），请稍后再试`);
    }
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000) this.forgetIdle(now);
  }

  /** Drops addresses with no attempt in the last minute (bounds the memory a spread of addresses takes). */
  private forgetIdle(now: number): void {
    for (const [address, times] of this.attempts) {
      if (!times.some((at) => now - at < WINDOW_MS)) this.attempts.delete(address);
    }
  }
}
