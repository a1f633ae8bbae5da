import type { ApolloClient } from '@apollo/client';
import { Role } from '@evs/schema';
import type { MeQuery } from '@/gql/graphql';
import { NotificationsQuery } from '@/features/notifications/operations';
import { preloadQuery } from '@/shared/preload';
import { loadOverviewCharts, loadOverviewDashboard } from './components/loadOverviewCharts';
import { MyHomeQuery, OverviewQuery } from './operations';
import { overviewVariables } from './overviewFilters';

/** The home page's latest notices. */
export const LATEST_NOTICES = { unreadOnly: false, page: { page: 1, pageSize: 5 } };

/**
 * 总览 as the first page: its figures (the period and district of the URL) and its two chunks, the
 * dashboard and the charts (recharts), all at once rather than each after the one before.
 */
export function preloadOverview(client: ApolloClient, search: URLSearchParams): Promise<unknown> {
  // a chunk that fails here fails again, and is shown, where it renders
  loadOverviewDashboard().catch(() => undefined);
  loadOverviewCharts().catch(() => undefined);
  // only the office and the leaders open 总览 (the registry); neither is held to a district
  return preloadQuery(client, OverviewQuery, overviewVariables(search, null));
}

/** The home page as the first page: the role's figures, the latest notices, and for the office and the leaders 总览 (default period). */
export function preloadHome(client: ApolloClient, me: MeQuery['me']): Promise<unknown> {
  return Promise.all([
    preloadQuery(client, MyHomeQuery, {}),
    preloadQuery(client, NotificationsQuery, LATEST_NOTICES),
    me.role === Role.OFFICE || me.role === Role.LEADER ? preloadOverview(client, new URLSearchParams()) : undefined,
  ]);
}
