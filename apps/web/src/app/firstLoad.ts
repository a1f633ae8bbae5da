import { takeEarlySession } from '@/shared/earlySession';
import { MeQuery } from '@/shared/session';
import { apolloClient } from './apollo';
import { preloadFirstPage } from './pageChunks';

/**
 * The first load past the login page, as soon as Apollo is there: `router.tsx` asks for this module
 * before the signed-in part, whose antd and providers take seconds more on venue mobile data.
 *
 * `me` as asked for early (`shared/earlySession.ts`) goes into the cache the session gate reads first;
 * an answer that comes later, or a refusal, leaves the gate to ask (and to show the refusal) itself. A
 * late answer never replaces one Apollo already has (it could be older: a password changed since).
 * With it, the first page's data and chunks are asked for (`preload` in the route registry), while the
 * signed-in part and the page's code are still downloading.
 */
takeEarlySession()?.then(
  (data) => {
    if (!apolloClient.readQuery({ query: MeQuery })) apolloClient.writeQuery({ query: MeQuery, data });
    void preloadFirstPage(apolloClient, data);
  },
  () => undefined,
);
