/**
 * THE one date and number formatter of the web app. Every screen shows times and figures through
 * these functions, so a date reads the same in a list, a drill-down, a notification and a print:
 *
 *   date       2026-12-02              (`formatDate`)
 *   date-time  2026-12-02 14:05        (`formatDateTime`, Beijing time whatever the browser's zone)
 *   timestamp  2026-12-02 14:05:09     (`formatTimestamp`, only where seconds matter: the audit trail)
 *   count      12,345                  (`formatCount`)
 *   percent    12.5%                   (`formatPercent`, from a ratio 0…1)
 *   missing    —                       (any of them, for null or undefined)
 *
 * Values bound for the API from a date picker go through `toApiDate` (the calendar day the user
 * picked, never shifted by a time zone).
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { serverNowMs } from './clock';

dayjs.extend(utc);

/** What the formatters show for a missing value. */
export const MISSING = '—';

export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const TIMESTAMP_FORMAT = 'YYYY-MM-DD HH:mm:ss';

type DateInput = string | number | Date | Dayjs | null | undefined;

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every time is shown as Beijing time (Asia/Shanghai), whatever the browser's zone. It is UTC+8 all
 * year (no daylight saving since 1991), so a fixed offset gives the same wall-clock fields as dayjs's
 * `.tz('Asia/Shanghai')` without its `toLocaleString` per call, which on a slowed phone cost the
 * on-site screen about 100 ms of formatting.
 */
const BEIJING_OFFSET_MINUTES = 8 * 60;
function inBeijing(value: Exclude<DateInput, null | undefined>): Dayjs {
  return dayjs(value).utcOffset(BEIJING_OFFSET_MINUTES);
}

/** `YYYY-MM-DD` in Beijing time; a plain date string (an API `Date`) is shown as it is. */
export function formatDate(value: DateInput): string {
  if (value == null || value === '') return MISSING;
  if (typeof value === 'string' && PLAIN_DATE.test(value)) return value;
  return inBeijing(value).format(DATE_FORMAT);
}

/** `YYYY-MM-DD HH:mm` in Beijing time. */
export function formatDateTime(value: DateInput): string {
  if (value == null || value === '') return MISSING;
  return inBeijing(value).format(DATE_TIME_FORMAT);
}

/** `YYYY-MM-DD HH:mm:ss` in Beijing time: for the audit trail, where the order within a minute matters. */
export function formatTimestamp(value: DateInput): string {
  if (value == null || value === '') return MISSING;
  return inBeijing(value).format(TIMESTAMP_FORMAT);
}

/** `HH:mm` in Beijing time, for the end of a span that starts the same day (`… 至 18:00`). */
export function formatTime(value: DateInput): string {
  if (value == null || value === '') return MISSING;
  return inBeijing(value).format('HH:mm');
}

/** `YYYY-MM-DD 星期三`: the date line of the home page. */
export function formatDateWithWeekday(value: DateInput): string {
  if (value == null || value === '') return MISSING;
  const d = inBeijing(value);
  return `${d.format(DATE_FORMAT)} ${WEEKDAYS[d.day()]}`;
}
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The calendar day picked in a date picker, as the API's `Date` (`YYYY-MM-DD`). */
export function toApiDate(value: Dayjs): string {
  return value.format(DATE_FORMAT);
}

/** Today in Beijing as `YYYY-MM-DD` (the API's `Date`), by the server's clock (`shared/clock.ts`). */
export function todayInBeijing(): string {
  return inBeijing(serverNowMs()).format(DATE_FORMAT);
}

/**
 * Thousands separators as zh-CN's Intl.NumberFormat writes them (`12,345.67`), by hand: building a
 * number format loads the locale's data from ICU, which on the phone profile cost the office home's
 * first chart about 110 ms (CDP profile) for the first figure it wrote. Like Intl, it rounds the
 * number's shortest decimal form (`1.005` → `1.01`) half away from zero; what has no plain decimal
 * form (±∞, 1e21 and above) still goes to Intl.
 */
function withSeparators(value: number, maxFractionDigits: number): string {
  const plain = String(Math.abs(value));
  if (!Number.isFinite(value) || plain.includes('e+')) return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: maxFractionDigits }).format(value);
  // below 1e-6 String() writes an exponent: far under the last decimal shown, so zero
  const [whole, fraction = ''] = plain.includes('e-') ? ['0', ''] : plain.split('.');
  let digits = whole + fraction.slice(0, maxFractionDigits);
  if (fraction.length > maxFractionDigits && fraction[maxFractionDigits] >= '5') {
    // carry the rounding up through the kept digits
    const up = digits.split('');
    let i = up.length - 1;
    for (; i >= 0 && up[i] === '9'; i--) up[i] = '0';
    if (i < 0) up.unshift('1');
    else up[i] = String(Number(up[i]) + 1);
    digits = up.join('');
  }
  const kept = Math.min(maxFractionDigits, fraction.length);
  const wholeDigits = digits.slice(0, digits.length - kept).replace(/^0+(?=\d)/, '');
  const shown = digits.slice(digits.length - kept).replace(/0+$/, '');
  const text = wholeDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (shown ? `.${shown}` : '');
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** A whole number with thousands separators: `12,345`. */
export function formatCount(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return MISSING;
  return withSeparators(value, 0);
}

/** A number with thousands separators and at most two decimals: `1,234.5`. */
export function formatNumber(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return MISSING;
  return withSeparators(value, 2);
}

/** A ratio (0…1) as a percentage with `digits` decimals: `formatPercent(0.125)` is `12.5%`. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio == null || Number.isNaN(ratio)) return MISSING;
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** An amount in yuan: `8,000元`, from ten thousand on `120万元` (two decimals at most). */
export function formatYuan(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return MISSING;
  return value >= 10_000 ? `${formatNumber(value / 10_000)}万元` : `${formatCount(value)}元`;
}
