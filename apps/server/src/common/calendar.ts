import type { Clock } from './clock';

/**
 * The bureau's calendar: dates (`YYYY-MM-DD`) and times as Beijing sees them, whatever the server's
 * zone. "Now" comes from the clock seam (common/clock.ts), so tests and e2e journeys move it.
 * Beijing keeps no daylight saving: a day is always 24 hours and starts at 16:00 UTC.
 */

/** The zone of every calendar date, also in SQL (`AT TIME ZONE '${ZONE}'`). */
export const ZONE = 'Asia/Shanghai';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Formatters are built once per process: building one per call (toLocaleDateString) was a third of
// the CPU time of an activity list (issue 15's profile).
const DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
const FULL_DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, hour12: false, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

/** The calendar date (YYYY-MM-DD) of an instant in Beijing. */
export function localDate(at: Date): string {
  return DATE.format(at);
}

/** Today in Beijing by the system's time (prefer `todayBy(clock)` where a clock is at hand). */
export function todayCN(now: Date = new Date()): string {
  return localDate(now);
}

/** Today in Beijing (`YYYY-MM-DD`) by `clock`. */
export const todayBy = (clock: Clock): string => localDate(clock.now());

/** The calendar year in Beijing, first and last day (the default period of the overview). */
export function yearOf(at: Date): { from: string; to: string } {
  const y = localDate(at).slice(0, 4);
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** Is `value` a real calendar date written `YYYY-MM-DD`? */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `date` moved by whole days (negative = earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `date` moved by whole years (29 Feb → 28 Feb). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) return new Date(Date.UTC(y + years, m, 0)).toISOString().slice(0, 10);
  return target.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** `YYYY-MM-DD HH:mm` in Beijing: how refusals name the moment an action becomes possible. */
export function formatCN(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** `2026/06/01 09:30` in Beijing: dates and times in exported sheets and the 台账. */
export function formatDateTimeCN(at: Date | string | null): string {
  return at ? DATE_TIME.format(new Date(at)) : '';
}

/** `2026/6/1 09:30:05` in Beijing: when a record was stamped (通报时间, 导出时间, 纠正时间). */
export function formatStampCN(at: Date): string {
  return FULL_DATE_TIME.format(at);
}
