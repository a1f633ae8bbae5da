import type { MeQuery as MeResult } from '@/gql/graphql';
import { keepConfirmedUser } from './deviceCopies';
import { postGraphQL } from './graphqlRequest';

/**
 * Who is signed in (`me`), as the session gate asks for it. GraphQL Code Generator reads this text
 * (tagged by its GraphQL comment) and writes `MeDocument`, which Apollo uses (`shared/session.tsx`);
 * the `__typename`s are written out so an answer fetched without Apollo goes into its cache as is.
 */
export const ME_QUERY = /* GraphQL */ `
  query Me {
    me {
      __typename
      id
      username
      displayName
      role
      mustChangePassword
      passwordExpired
      totpEnabled
      mustEnrolTotp
      keepsGuardRegister
      unit {
        __typename
        id
        name
        kind
        district
      }
    }
  }
`;

let early: Promise<MeResult> | undefined;
let asked = false;

/**
 * Asks for `me` with `fetch` as soon as the first load knows a signed-in page is wanted, while React
 * and the signed-in part (Apollo, antd) are still downloading: on venue mobile data that round trip
 * then overlaps the download instead of following it. Asked once per page load (later, Apollo asks);
 * `takeEarlySession` hands it over.
 */
export function askForSessionEarly(): void {
  if (asked) return;
  asked = true;
  early = postGraphQL<MeResult, Record<string, never>>('Me', ME_QUERY, {});
  // the server confirmed the session: the user is remembered for the app opened offline (deviceCopies.ts);
  // a refusal or no connection: the session gate asks again and shows it
  early.then((data) => keepConfirmedUser(data.me), () => undefined);
}

/** The early answer, without taking it: what the first page's own early requests wait for. */
export function peekEarlySession(): Promise<MeResult> | undefined {
  return early;
}

/** The early answer, once: the session gate's cache takes it; later asks go through Apollo. */
export function takeEarlySession(): Promise<MeResult> | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
