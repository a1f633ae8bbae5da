import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';

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

// Same-origin cookie session; JSON POSTs satisfy Apollo Server's CSRF prevention.
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([errorLink, httpLink]),
  cache: new InMemoryCache({
    typePolicies: {
      Me: { keyFields: [] },
      Setting: { keyFields: ['key'] },
    },
  }),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
