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

/**
 * China has kept UTC+8 all year since its last daylight-saving summer ended on 1991-09-15 (01:00
 * local, 17:00 UTC the day before): from then on a Beijing date is the UTC date 8 hours later.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 14, 17);
/** the last instant whose Beijing date has four-digit years, as the formatter writes them */
const FOUR_DIGIT_YEARS_UNTIL = Date.UTC(9999, 11, 31, 16);
const EIGHT_HOURS = 8 * 3600_000;

/**
 * The calendar date (YYYY-MM-DD) of an instant in Beijing. By arithmetic from 1991-09-15 on (a list
 * computes it several times per row: the time-zone formatter took about 1.4 µs a call, the
 * arithmetic 0.15, issue 15); earlier instants through the zone database, which knows the summers
 * of 1986–1991.
 */
export function localDate(at: Date): string {
  const t = at.getTime();
  if (!(t >= FIXED_OFFSET_SINCE && t < FOUR_DIGIT_YEARS_UNTIL)) return DATE.format(at); // also an invalid date: the formatter throws as before
  return civilDate(Math.floor((t + EIGHT_HOURS) / 86_400_000));
}

/**
 * `YYYY-MM-DD` of a day counted from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * `civil_from_days`): integer arithmetic, about a tenth of the formatter's time.
 */
function civilDate(days: number): string {
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)); // from 1 March
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
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
