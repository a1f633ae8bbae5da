import type { ApolloClient } from '@apollo/client';
import { preloadQuery } from '@/shared/preload';
import { FindingsQuery, OnDutyRosterQuery, OnsiteActivitiesQuery, OnsiteActivityQuery } from './operations';

/** The variables of the on-site screen's three queries: one place, for the screen and its preload. */
export const onsiteVariables = (activityId: string) => ({
  activity: { id: activityId },
  roster: { activityId },
  findings: { activityId, page: { pageSize: 200 } },
});

/** The on-site screen's header, on-duty roster and findings, asked for with the first load. */
export function preloadOnsite(client: ApolloClient, activityId: string): Promise<unknown> {
  const v = onsiteVariables(activityId);
  return Promise.all([
    preloadQuery(client, OnsiteActivityQuery, v.activity),
    preloadQuery(client, OnDutyRosterQuery, v.roster),
    preloadQuery(client, FindingsQuery, v.findings),
  ]);
}

/** The activities of /training (in training) or /inspections (on the day and closed). */
export const onsiteListVariables = (training: boolean) => ({
  filter: { status: (training ? ['TRAINING', 'READY'] : ['READY', 'IN_PROGRESS', 'CLOSED']) as never },
  page: { pageSize: 100 },
});

export const preloadOnsiteList = (client: ApolloClient, training: boolean): Promise<unknown> =>
  preloadQuery(client, OnsiteActivitiesQuery, onsiteListVariables(training));
