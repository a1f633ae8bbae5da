import {
  addDays,
  addYears,
  daysBetween,
  formatCN,
  formatDateTimeCN,
  formatStampCN,
  isIsoDate,
  localDate,
  todayBy,
  yearOf,
} from './calendar';
import { SettableClock } from './clock';

describe('calendar (Beijing)', () => {
  it('starts the Beijing day at 16:00 UTC', () => {
    expect(localDate(new Date('2026-06-01T15:59:59.999Z'))).toBe('2026-06-01');
    expect(localDate(new Date('2026-06-01T16:00:00Z'))).toBe('2026-06-02');
    expect(formatCN(new Date('2026-06-01T16:00:00Z'))).toBe('2026-06-02 00:00');
  });

  it('gives the date the zone database gives, in the summers of 1986–1991 and at every hour since', () => {
    const zone = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    // the last daylight-saving summer: 1991-04-14 02:00 → 03:00 until 1991-09-15 01:00 (local)
    expect(localDate(new Date('1991-09-14T15:30:00Z'))).toBe('1991-09-15'); // 00:30 summer time
    expect(localDate(new Date('1991-06-01T15:30:00Z'))).toBe('1991-06-02');
    const hour = 3600_000;
    const checks: number[] = [];
    for (let t = Date.UTC(1986, 0, 1); t < Date.UTC(1992, 0, 1); t += hour) checks.push(t); // every hour of the DST years
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2100, 0, 1); t += 7 * hour + 13 * 60_000) checks.push(t); // odd steps since
    checks.push(Date.UTC(1991, 8, 14, 16, 59, 59, 999), Date.UTC(1991, 8, 14, 17), Date.UTC(9999, 11, 31, 15, 59), Date.UTC(9999, 11, 31, 16));
    const wrong = checks.filter((t) => localDate(new Date(t)) !== zone.format(new Date(t)));
    expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
    expect(() => localDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('reads today from the clock seam, across month and year ends', () => {
    const clock = new SettableClock();
    expect(todayBy(clock.set('2026-01-31T15:59:00Z'))).toBe('2026-01-31');
    expect(todayBy(clock.set('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    expect(todayBy(clock.set('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(todayBy(clock.set('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(yearOf(clock.now())).toEqual({ from: '2027-01-01', to: '2027-12-31' });
  });

  it('counts whole days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-01-31', '2026-02-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
    expect(daysBetween('2026-03-01', '2027-03-01')).toBe(365);
  });

  it('moves dates by days and years (29 February → 28 February)', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2026-06-15', -3)).toBe('2023-06-15');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-6-1')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('formats times in Beijing for sheets and stamps', () => {
    const at = new Date('2026-12-31T16:05:09Z');
    expect(formatDateTimeCN(at)).toBe('2027/01/01 00:05');
    expect(formatDateTimeCN(at.toISOString())).toBe('2027/01/01 00:05');
    expect(formatDateTimeCN(null)).toBe('');
    expect(formatStampCN(at)).toBe('2027/1/1 00:05:09');
  });
});
