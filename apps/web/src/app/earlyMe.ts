import type { MeQuery as MeResult } from '@/gql/graphql';
import { takeEarlySession } from '@/shared/earlySession';
import { MeQuery } from '@/shared/session';
import { apolloClient } from './apollo';

/**
 * `me` as asked for early (`shared/earlySession.ts`, before Apollo loaded) goes into the cache the
 * session gate reads first, then `then` may ask for the first page's data. An answer that comes
 * later, or a refusal, leaves the gate to ask (and to show the refusal) itself. A late answer never
 * replaces one Apollo already has (it could be older: a password changed since).
 */
export function takeEarlyMe(then: (data: MeResult) => void): void {
  takeEarlySession()?.then(
    (data) => {
      if (!apolloClient.readQuery({ query: MeQuery })) apolloClient.writeQuery({ query: MeQuery, data });
      then(data);
    },
    () => undefined,
  );
}
