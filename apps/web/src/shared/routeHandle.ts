import { useMatches } from 'react-router';
import type { Role } from '@evs/schema';
import { useRole } from './session';

/** What the router attaches to each feature route (`handle`), for titles and breadcrumbs. */
export interface RouteHandle {
  path: string;
  title: string;
  titleByRole?: Partial<Record<Role, string>>;
}

/** The current page's title in the logged-in role's wording. */
export function useRouteTitle(): string | undefined {
  const role = useRole();
  const handle = useMatches()
    .map((m) => m.handle as RouteHandle | undefined)
    .filter((h): h is RouteHandle => !!h?.title)
    .pop();
  return handle ? (handle.titleByRole?.[role] ?? handle.title) : undefined;
}
