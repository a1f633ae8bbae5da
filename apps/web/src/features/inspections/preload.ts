import type { ApolloClient } from '@apollo/client';
import type { MeQuery } from '@/gql/graphql';
import { preloadQuery } from '@/shared/preload';
import { mayAskForOnsite, onsiteVariables } from './earlyOnsite';
import { FindingsQuery, OnDutyRosterQuery, OnsiteActivitiesQuery, OnsiteActivityQuery } from './operations';

export { ONSITE_ROLES, onsiteVariables } from './earlyOnsite';

/** The on-site screen's header, on-duty roster and findings, asked for with the first load. */
export function preloadOnsite(client: ApolloClient, activityId: string): Promise<unknown> {
  const v = onsiteVariables(activityId);
  return Promise.all([
    preloadQuery(client, OnsiteActivityQuery, v.activity),
    preloadQuery(client, OnDutyRosterQuery, v.roster),
    preloadQuery(client, FindingsQuery, v.findings),
  ]);
}

/**
 * The on-site screen's data asked for with the first load (its light root, `app/onsiteRoot.tsx`), once
 * the early `me` says who is signed in: only for a role the screen admits and a session with no step
 * left to take (a new password, 2FA), so nothing is asked that the server would refuse. Apollo takes
 * the answers already asked for with `fetch` (`earlyOnsite.ts`), when there are.
 */
export function preloadOnsiteFor(client: ApolloClient, { me }: MeQuery, activityId: string): Promise<unknown> {
  if (!mayAskForOnsite(me)) return Promise.resolve();
  return preloadOnsite(client, activityId).catch(() => undefined); // the screen asks again and shows it
}

/** The activities of /training (in training) or /inspections (on the day and closed). */
export const onsiteListVariables = (training: boolean) => ({
  filter: { status: (training ? ['TRAINING', 'READY'] : ['READY', 'IN_PROGRESS', 'CLOSED']) as never },
  page: { pageSize: 100 },
});

export const preloadOnsiteList = (client: ApolloClient, training: boolean): Promise<unknown> =>
  preloadQuery(client, OnsiteActivitiesQuery, onsiteListVariables(training));
