import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { Observable, tap } from 'rxjs';
import { takeEarlyAnswer } from '@/shared/earlyAnswers';
import { keepConfirmedUser } from '@/shared/deviceCopies';
import { fetchGraphQL } from '@/shared/pendingLogout';

/** Set by the router once it exists; keeps this module free of an import cycle with the route tree. */
let goToLogin: (() => void) | undefined;
export function onUnauthenticated(handler: () => void) {
  goToLogin = handler;
}

// A lapsed or missing session on any operation sends the user to the login page (the login
// mutation itself reports a wrong password with its own message, so it is left alone).
const errorLink = new ErrorLink(({ error, operation }) => {
  if (operation.operationName === 'Login') return;
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    goToLogin?.();
  }
});

/** Header of polling requests: the server does not count them as activity (idle timeout). */
export const BACKGROUND = { background: true, headers: { 'x-evs-background': '1' } };

let lastActivity = Date.now();
/** When the user last made a request (background polling aside): the server's idle clock. */
export const lastActivityAt = () => lastActivity;

const activityLink = new ApolloLink((operation, forward) => {
  if (!operation.getContext().background) lastActivity = Date.now();
  return forward(operation);
});

// An operation already asked for with `fetch` on the first load (`shared/earlyAnswers.ts`) takes that
// answer, once; had it failed, the operation goes over the network as any other.
export const earlyLink = new ApolloLink((operation, forward) => {
  const early = takeEarlyAnswer(operation.operationName ?? '', operation.variables);
  if (!early) return forward(operation);
  return new Observable((observer) => {
    let inner: { unsubscribe(): void } | undefined;
    early.then(
      (data) => {
        observer.next({ data: data as Record<string, unknown> });
        observer.complete();
      },
      () => {
        inner = forward(operation).subscribe(observer);
      },
    );
    return () => inner?.unsubscribe();
  });
});

// Every answer of `me` from the server (not from the cache): the user is remembered on the device, with
// the time, for the app opened offline until the session's end (`shared/deviceCopies.ts`).
export const confirmLink = new ApolloLink((operation, forward) => {
  if (operation.operationName !== 'Me') return forward(operation);
  return forward(operation).pipe(
    tap((result) => {
      const me = (result.data as { me?: unknown } | null | undefined)?.me;
      if (me && !result.errors?.length) keepConfirmedUser(me);
    }),
  );
});

// Same-origin cookie session; JSON POSTs satisfy Apollo Server's CSRF prevention. A logout that has not
// reached the server yet is sent before any operation, which fails while it cannot be (`shared/pendingLogout.ts`).
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin', fetch: fetchGraphQL });

/** How the cache tells one object from another, where a type has no `id`. */
export const typePolicies: TypePolicies = {
  Me: { keyFields: [] },
  Setting: { keyFields: ['key'] },
  // a guard on duty is one roster entry: 安排岗位's answer updates the roster's objects; a roster
  // read again replaces the list (a guard taken off it is gone, without Apollo's lost-data warning)
  OnDutyGuard: { keyFields: ['rosterEntryId'] },
  Query: { fields: { onDutyRoster: { merge: false } } },
};

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([errorLink, activityLink, earlyLink, confirmLink, httpLink]),
  cache: new InMemoryCache({ typePolicies }),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
