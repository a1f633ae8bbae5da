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

/** Client addresses remembered at most (a minute's attempts each). */
const MAX_ADDRESSES = 10_000;

/**
 * The key an address is counted under: an IPv4 address itself (also when written IPv4-mapped); an IPv6
 * address by its /64, which one client is usually given whole (rotating within it would otherwise escape).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail] = address.split('::');
  const first = head ? head.split(':') : [];
  const last = tail ? tail.split(':') : [];
  const groups = tail === undefined ? first : [...first, ...Array(Math.max(0, 8 - first.length - last.length)).fill('0'), ...last];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

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
  private prunedAt = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `login` when its address is within its minute and a turn is free. `knownDevice` (the request's
   * browser is a known device of the account with no failure since its last login and no lock:
   * auth.service `isTrustedDevice`) lets an attempt past an address whose minute is full, uncounted (red
   * team 7, M2: one person sending wrong logins behind a bureau's exit address kept every colleague out;
   * red team 8, M1: one wrong password ends the pass); it is asked in the attempt's turn, so a flood of
   * made-up cookies costs no more database work at once than logins do.
   */
  async run<T>(address: string | undefined, login: () => Promise<T>, knownDevice?: () => Promise<boolean>): Promise<T> {
    const key = addressKey(address ?? 'unknown');
    const { stamp, refused } = this.count(key, !!knownDevice);
    if (this.running >= this.limits.concurrent) {
      if (this.waiting.length >= this.limits.queue) throw tooMany('登录请求过多，请稍后再试');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      if (refused && !(await knownDevice!())) throw refused;
      const result = await login();
      // A login that succeeds does not use up its address's minute (many officers behind one NAT at 08:30).
      this.refund(key, stamp);
      return result;
    } finally {
      // The turn passes to the next in line (running stays the same), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /**
   * Counts an attempt from `key`: its stamp (null when not counted). When the minute already holds the limit it
   * is refused at once, or, when it may come from a known device (`mayBeKnown`), not counted and handed back as
   * `refused`, for the turn to decide.
   */
  private count(key: string, mayBeKnown: boolean): { stamp: number | null; refused?: DomainError } {
    const limit = this.limits.perAddressPerMinute;
    if (limit <= 0) return { stamp: null };
    const now = this.now();
    const recent = (this.attempts.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= limit) {
      this.attempts.set(key, recent);
      const refused = tooMany(`登录尝试过于频繁（同一地址每分钟不超过${limit}次），请稍后再试`);
      if (mayBeKnown) return { stamp: null, refused };
      throw refused;
    }
    recent.push(now);
    this.attempts.delete(key); // re-inserted last: the map's order is the order of last use
    this.attempts.set(key, recent);
    if (this.attempts.size > MAX_ADDRESSES) this.forget(now);
    return { stamp: now };
  }

  private refund(key: string, stamp: number | null): void {
    if (stamp === null) return;
    const times = this.attempts.get(key);
    const i = times?.indexOf(stamp) ?? -1;
    if (times && i >= 0) times.splice(i, 1);
  }

  /**
   * Bounds the memory a spread of addresses takes: drops those idle for a minute, at most once a second;
   * past the bound still, the least recently used (a flood of fresh addresses forgets its own oldest).
   */
  private forget(now: number): void {
    if (now - this.prunedAt >= 1000) {
      this.prunedAt = now;
      for (const [key, times] of this.attempts) {
        if (!times.some((at) => now - at < WINDOW_MS)) this.attempts.delete(key);
      }
    }
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= MAX_ADDRESSES) break;
      this.attempts.delete(key);
    }
  }
}
