/**
 * The overview's charts with recharts, a chunk of their own. Asked for as soon as a screen knows it
 * will show them (the office home, the dashboard when it mounts), beside the dashboard's chunk and
 * query rather than after the query has answered.
 */
export const loadOverviewCharts = () => import('./OverviewCharts');

/** The overview dashboard (filters, headline figures, the charts' frame): its own chunk, for the office home and 总览's preload. */
export const loadOverviewDashboard = () => import('./OverviewDashboard');
