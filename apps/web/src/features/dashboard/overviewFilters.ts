import { districtLabels, type District } from '@evs/schema';
import { toApiDate } from '@/shared/format';
import { serverNow } from '@/shared/clock';

/** Default period: the past twelve months and the coming six (activities are planned ahead). */
export function defaultRange(): [string, string] {
  return [toApiDate(serverNow().subtract(12, 'month').startOf('month')), toApiDate(serverNow().add(6, 'month').endOf('month'))];
}

/**
 * The overview query's variables from the URL (`from`, `to`, `district`; the default period without
 * them); a district bureau is held to its own district. One place, for the dashboard and its preload.
 */
export function overviewVariables(search: URLSearchParams, ownDistrict: District | null, defaults: [string, string] = defaultRange()) {
  const from = search.get('from') ?? defaults[0];
  const to = search.get('to') ?? defaults[1];
  const district = ownDistrict ?? ((search.get('district') as District | null) || null);
  return { range: { from, to }, district };
}

/** The period and district as the page and its print view name them. */
export const overviewScopeText = (from: string, to: string, district: District | null) => `${from} 至 ${to}　${district ? districtLabels[district] : '全市'}`;

/** The Excel export of the same figures. */
export const overviewExportHref = (from: string, to: string, district: District | null) =>
  `/exports/overview.xlsx?${new URLSearchParams({ from, to, ...(district ? { district } : {}) }).toString()}`;
