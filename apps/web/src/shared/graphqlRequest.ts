import type { GraphQLFormattedError } from 'graphql';
import { fetchGraphQL } from './pendingLogout';

/**
 * One GraphQL operation sent with `fetch`, for the screens that open before the GraphQL client is
 * loaded (the login page: a phone on venue mobile data should not download Apollo to sign in).
 * Same request as Apollo's HttpLink (same-origin cookie, JSON POST, which passes the server's CSRF
 * prevention; a pending logout is sent first, `shared/pendingLogout.ts`); an answer with `errors`
 * throws a {@link GraphQLRequestError}, which `shared/errors.ts` reads like Apollo's
 * `CombinedGraphQLErrors` (the server's Chinese message, `extensions.code`…).
 */
export async function postGraphQL<TData, TVariables>(operationName: string, query: string, variables: TVariables): Promise<TData> {
  const response = await fetchGraphQL('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ operationName, query, variables }),
  });
  const json = /json/.test(response.headers.get('content-type') ?? '') ? ((await response.json()) as { data?: TData; errors?: GraphQLFormattedError[] }) : undefined;
  if (json?.errors?.length) throw new GraphQLRequestError(json.errors);
  if (!response.ok || !json?.data) throw new Error(`HTTP ${response.status}`); // a proxy's error page: "server not reached"
  return json.data;
}

/** The `errors` of a GraphQL answer; branded like Apollo's CombinedGraphQLErrors (`Symbol.for('apollo.error')`). */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'CombinedGraphQLErrors';
    Object.defineProperty(this, Symbol.for('apollo.error'), { value: 'CombinedGraphQLErrors' });
  }
}
