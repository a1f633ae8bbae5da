import { keptLazy } from '@/shared/keptLazy';

/**
 * The overview's charts with recharts, a chunk of their own. Asked for as soon as a screen knows it
 * will show them (the office home, the dashboard when it mounts), beside the dashboard's chunk and
 * query rather than after the query has answered; once in, they render without suspending.
 */
export const overviewCharts = keptLazy(() => import('./OverviewCharts').then((m) => m.default));
export const loadOverviewCharts = overviewCharts.load;

/** The overview dashboard (filters, headline figures, the charts' frame): its own chunk, for the office home and 总览's preload. */
export const overviewDashboard = keptLazy(() => import('./OverviewDashboard').then((m) => m.OverviewDashboard));
export const loadOverviewDashboard = overviewDashboard.load;
