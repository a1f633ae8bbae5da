import { afterEach, describe, expect, it, vi } from 'vitest';
import { District } from '@evs/schema';
import { defaultRange, overviewExportHref, overviewScopeText } from './overviewFilters';

describe('the overview’s period and district', () => {
  afterEach(() => vi.useRealTimers());

  it('defaults to the past twelve whole months and the coming six', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 2, 12));
    expect(defaultRange()).toEqual(['2025-12-01', '2027-06-30']);
  });

  it('names the period and the district, or the whole city', () => {
    expect(overviewScopeText('2026-01-01', '2026-06-30', null)).toBe('2026-01-01 至 2026-06-30　全市');
    expect(overviewScopeText('2026-01-01', '2026-06-30', District.PANSHAN)).toBe('2026-01-01 至 2026-06-30　盘山县');
  });

  it('exports the same period and district, leaving the district out for the whole city', () => {
    expect(overviewExportHref('2026-01-01', '2026-06-30', null)).toBe('/exports/overview.xlsx?from=2026-01-01&to=2026-06-30');
    expect(overviewExportHref('2026-01-01', '2026-06-30', District.PANSHAN)).toBe('/exports/overview.xlsx?from=2026-01-01&to=2026-06-30&district=PANSHAN');
  });
});
