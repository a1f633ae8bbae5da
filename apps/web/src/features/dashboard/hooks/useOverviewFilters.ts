import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { District, Role } from '@evs/schema';
import { useSession } from '@/shared/session';
import { defaultRange, overviewExportHref, overviewScopeText, overviewVariables } from '../overviewFilters';

/**
 * The overview's period and district, kept in the URL (a link or a reload shows the same figures).
 * A district bureau is held to its own district; the API holds it there whatever the URL says.
 */
export function useOverviewFilters() {
  const me = useSession();
  const [search, setSearch] = useSearchParams();
  const defaults = useMemo(defaultRange, []);
  const ownDistrict = me.role === Role.DISTRICT_BUREAU ? (me.unit.district as District | null) : null;
  const variables = overviewVariables(search, ownDistrict, defaults);
  const { range: { from, to }, district } = variables;

  /** Sets or (with null) clears filters, replacing the history entry. */
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
  };

  return { variables, from, to, district, ownDistrict, update, scopeText: overviewScopeText(from, to, district), exportHref: overviewExportHref(from, to, district) };
}
