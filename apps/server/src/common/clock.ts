import { readFileSync, statSync } from 'node:fs';

/**
 * The one source of "now" for every date-bound rule (SPEC §2: deadlines, the event day, training
 * times). The server runs on `systemClock`; integration tests pass a `SettableClock` through the
 * config (`createTestApp()` does) and move it instead of waiting.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets: fixed at an instant, or the system's time when not set. */
export class SettableClock implements Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  /** Fixes the clock at `at` (a Date or an ISO string such as `2026-06-01T09:00:00+08:00`). */
  set(at: Date | string): this {
    const d = typeof at === 'string' ? new Date(at) : new Date(at.getTime());
    if (Number.isNaN(d.getTime())) throw new Error(`SettableClock.set: invalid instant ${String(at)}`);
    this.fixed = d;
    return this;
  }

  /** Moves a fixed clock (or fixes the system's time and moves it) by `ms`. */
  advance(ms: number): this {
    return this.set(new Date(this.now().getTime() + ms));
  }

  /** Back to the system's time. */
  reset(): this {
    this.fixed = null;
    return this;
  }
}

/**
 * The system's time moved by an offset (milliseconds) read from a file, re-read when the file
 * changes: how a browser journey on a whole server (e2e) reaches the event day and its end without
 * waiting. Only from `TEST_CLOCK_OFFSET_FILE`, refused with `NODE_ENV=production` (config.ts).
 */
export class OffsetFileClock implements Clock {
  private offset = 0;
  private mtimeMs = -1;

  constructor(private readonly file: string) {}

  now(): Date {
    try {
      const { mtimeMs } = statSync(this.file);
      if (mtimeMs !== this.mtimeMs) {
        this.mtimeMs = mtimeMs;
        const value = Number(readFileSync(this.file, 'utf8').trim() || '0');
        this.offset = Number.isFinite(value) ? value : 0;
      }
    } catch {
      this.offset = 0; // no file: the system's time
    }
    return new Date(Date.now() + this.offset);
  }
}
