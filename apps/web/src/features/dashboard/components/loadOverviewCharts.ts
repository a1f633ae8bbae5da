/**
 * The overview's charts with recharts, a chunk of their own. Asked for as soon as a screen knows it
 * will show them (the office home, the dashboard when it mounts), beside the dashboard's chunk and
 * query rather than after the query has answered.
 */
export const loadOverviewCharts = () => import('./OverviewCharts');
