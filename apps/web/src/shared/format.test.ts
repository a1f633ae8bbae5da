import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatDateWithWeekday,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimestamp,
  formatYuan,
  MISSING,
  toApiDate,
} from './format';

// 2026-12-01 16:30:05 UTC is 2026-12-02 00:30:05 in Beijing: the date differs between the zones.
const AFTER_BEIJING_MIDNIGHT = '2026-12-01T16:30:05.000Z';

describe('dates and times', () => {
  it('runs in a zone other than Beijing, so the tests below prove the conversion', () => {
    expect(new Date(AFTER_BEIJING_MIDNIGHT).getDate()).toBe(1);
  });

  it('shows a date-time as YYYY-MM-DD HH:mm in Beijing time', () => {
    expect(formatDateTime(AFTER_BEIJING_MIDNIGHT)).toBe('2026-12-02 00:30');
    expect(formatDateTime(new Date(AFTER_BEIJING_MIDNIGHT))).toBe('2026-12-02 00:30');
    expect(formatDateTime(dayjs(AFTER_BEIJING_MIDNIGHT))).toBe('2026-12-02 00:30');
  });

  it('shows an instant as its Beijing date, YYYY-MM-DD', () => {
    expect(formatDate(AFTER_BEIJING_MIDNIGHT)).toBe('2026-12-02');
  });

  it('shows a plain API date as it is, whatever the browser zone', () => {
    expect(formatDate('2026-03-01')).toBe('2026-03-01');
  });

  it('shows seconds only in a timestamp', () => {
    expect(formatTimestamp(AFTER_BEIJING_MIDNIGHT)).toBe('2026-12-02 00:30:05');
  });

  it('shows the time of day in Beijing time', () => {
    expect(formatTime('2026-12-02T10:00:00.000Z')).toBe('18:00');
  });

  it('names the Beijing weekday', () => {
    expect(formatDateWithWeekday(AFTER_BEIJING_MIDNIGHT)).toBe('2026-12-02 星期三');
  });

  it('shows a dash for a missing value', () => {
    expect(formatDate(null)).toBe(MISSING);
    expect(formatDateTime(undefined)).toBe(MISSING);
    expect(formatTimestamp('')).toBe(MISSING);
  });

  it('sends the calendar day picked in a date picker unchanged', () => {
    expect(toApiDate(dayjs('2026-12-31T23:30:00'))).toBe('2026-12-31');
  });
});

describe('numbers', () => {
  it('groups thousands in a count', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
  });

  it('keeps at most two decimals in a number', () => {
    expect(formatNumber(1234.5678)).toBe('1,234.57');
  });

  it('writes counts and numbers exactly as zh-CN Intl.NumberFormat does, without building one', () => {
    const values = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 1.005, 2.675, 999.995, 1000, -1234.5, 12345.678, 999999.999, 1e15 + 0.5, 123456789012, 0.004, -0.004, 1e21, 5e-7, Infinity, -Infinity];
    for (let i = 0; i < 2000; i++) values.push(Math.round((Math.random() - 0.3) * 10 ** (i % 12)) / 10 ** (i % 5));
    const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
    const NumberFormat = vi.spyOn(Intl, 'NumberFormat');
    for (const v of values.filter((x) => Math.abs(x) < 1e21)) {
      expect(formatCount(v), String(v)).toBe(count.format(v).replace(/^-0$/, '0'));
      expect(formatNumber(v), String(v)).toBe(decimal.format(v).replace(/^-0$/, '0'));
    }
    expect(NumberFormat).not.toHaveBeenCalled();
    NumberFormat.mockRestore();
    // what a fixed-point string cannot write still goes through Intl
    expect(formatCount(Infinity)).toBe(count.format(Infinity));
    expect(formatNumber(1e21)).toBe(decimal.format(1e21));
  });

  it('turns a ratio into a percentage with one decimal by default', () => {
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.956, 0)).toBe('96%');
    expect(formatPercent(null)).toBe(MISSING);
  });

  it('shows yuan, from ten thousand on in 万元', () => {
    expect(formatYuan(8000)).toBe('8,000元');
    expect(formatYuan(1_200_000)).toBe('120万元');
    expect(formatYuan(1_234_567)).toBe('123.46万元');
  });
});
