/**
 * 纠正时间 as a phone's own date-and-time input (`<input type="datetime-local">`): the phone's picker
 * fits its screen, where a calendar with time columns did not (review 8-C F5). The input holds a
 * minute with no zone (`2026-12-02T14:05`); it is read and shown as Beijing time, as every time on
 * screen is (`shared/format.ts`), whatever the browser's zone. Beijing is UTC+8 all year.
 */
const BEIJING_MS = 8 * 60 * 60_000;
const MINUTE_MS = 60_000;
const INPUT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

/** An instant as the input's value: its minute in Beijing time. */
export function toBeijingInput(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 16);
}

/** The last minute of the Beijing day of `ms`, as the input's value (its `max`: no later day can be picked). */
export function endOfBeijingDayInput(ms: number): string {
  return `${toBeijingInput(ms).slice(0, 10)}T23:59`;
}

/** The input's value read as Beijing time: the first instant of its minute (seconds are ignored), or null. */
export function fromBeijingInput(value: string | null | undefined): number | null {
  const m = INPUT.exec(value ?? '');
  if (!m) return null;
  const ms = Date.parse(`${m[1]}:00+08:00`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The correction time to send for the picked minute, or why it cannot be (the server's own messages).
 * A minute is not in the future if it has begun, and not before the finding if it ends after it.
 * Within the minute, the instant sent is the finding's time (a correction in the minute it was found)
 * or now (the current minute: the correction made just now), so the server's checks, made to the
 * millisecond, agree with the minute the officer picked.
 */
export function correctionInstant(value: string | null | undefined, nowMs: number, foundMs: number | null): { at: number } | { error: string } {
  if (!value) return { error: '请选择纠正时间' };
  const minute = fromBeijingInput(value);
  if (minute == null) return { error: '纠正时间无效' };
  if (minute > nowMs) return { error: '纠正时间晚于当前时间' };
  if (foundMs != null && minute + MINUTE_MS <= foundMs) return { error: '纠正时间不能早于发现时间' };
  let at = minute;
  if (foundMs != null && at < foundMs) at = foundMs;
  if (nowMs < minute + MINUTE_MS) at = Math.max(at, nowMs);
  return { at };
}
