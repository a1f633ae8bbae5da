/** What a figure of the overview drills down to, as the URL of its list page. */
export interface DrillTarget {
  kind: string;
  filter: Record<string, unknown>;
}

/** The filter fields, in the order they appear in the URL. */
export const FILTER_KEYS = [
  'from',
  'to',
  'district',
  'status',
  'lateStage',
  'late',
  'fewCandidates',
  'closedWithSerious',
  'qualified',
  'decision',
  'reasonCategory',
  'trainingOutcome',
  'item',
  'open',
  'companyId',
  'ageBand',
] as const;

const BOOLEAN_KEYS = new Set(['late', 'fewCandidates', 'closedWithSerious', 'qualified', 'open']);

export function drilldownUrl({ kind, filter }: DrillTarget, title?: string): string {
  const q = new URLSearchParams({ kind });
  for (const key of FILTER_KEYS) {
    const v = filter[key];
    if (v !== null && v !== undefined && v !== '' && key !== ('__typename' as string)) q.set(key, String(v));
  }
  if (title) q.set('title', title);
  return `/overview/list?${q.toString()}`;
}

/** Reads the list page's URL back into the query's variables. */
export function drilldownFromSearch(search: URLSearchParams): { kind: string; filter: Record<string, string | boolean>; title: string | null } {
  const filter: Record<string, string | boolean> = {};
  for (const key of FILTER_KEYS) {
    const v = search.get(key);
    if (v === null || v === '') continue;
    filter[key] = BOOLEAN_KEYS.has(key) ? v === 'true' : v;
  }
  return { kind: search.get('kind') ?? 'ACTIVITIES', filter, title: search.get('title') };
}
