import type { ApolloClient, OperationVariables, TypedDocumentNode, WatchQueryFetchPolicy } from '@apollo/client';
import { useMemo } from 'react';

/**
 * A page's first data, asked for on the first load as soon as Apollo and `me` are there, while the
 * layout's and the page's chunks are still downloading (on venue mobile data that is seconds): the
 * page then renders from the cache instead of asking only once its code has run. What a page
 * preloads is declared beside its route (`preload` in `app/routes.tsx`), with the same documents and
 * variables as its own `useQuery`.
 */
const FRESH_MS = 10_000;
const answeredAt = new Map<string, number>();
const inFlight = new Set<string>();

const keyOf = (query: TypedDocumentNode<unknown, never>, variables: unknown) =>
  `${(query.definitions[0] as { name?: { value: string } }).name?.value}:${JSON.stringify(variables ?? {})}`;

/** Asks once, over the network; a refusal or a failure is left to the page, which asks again and shows it. */
export function preloadQuery<TData, TVariables extends OperationVariables>(
  client: ApolloClient,
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<void> {
  const key = keyOf(query as never, variables);
  inFlight.add(key);
  return client.query({ query, variables, fetchPolicy: 'network-only' }).then(
    () => {
      inFlight.delete(key);
      answeredAt.set(key, Date.now());
    },
    () => void inFlight.delete(key),
  );
}

/**
 * The fetch policy for a page's `useQuery` of the same document and variables: the cache first when
 * the preload answered moments ago or is still on its way (Apollo then joins that request), so the
 * same rows are not asked for twice; else the app's default. Decided when the query (document and
 * variables) is first rendered and kept: a policy that changed on a later render would make Apollo ask again.
 */
export function usePolicyAfterPreload<TData, TVariables>(query: TypedDocumentNode<TData, TVariables>, variables: TVariables): WatchQueryFetchPolicy | undefined {
  const key = keyOf(query as never, variables);
  return useMemo(() => {
    const at = answeredAt.get(key);
    return inFlight.has(key) || (at !== undefined && Date.now() - at < FRESH_MS) ? 'cache-first' : undefined;
  }, [key]);
}
