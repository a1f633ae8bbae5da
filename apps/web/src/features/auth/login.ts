import type { LoginMutation as LoginResult, LoginMutationVariables } from '@/gql/graphql';
import { postGraphQL } from '@/shared/graphqlRequest';

/**
 * The login mutation as the login page sends it, with `fetch`: the first screen loads neither Apollo
 * nor a generated document. GraphQL Code Generator reads this text (tagged by its GraphQL comment)
 * like a `graphql()` call: it checks it against the schema and writes its types (`LoginMutation`).
 */
export const LOGIN_MUTATION = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      id
      displayName
      role
      mustChangePassword
      mustEnrolTotp
    }
  }
`;

export async function login(input: LoginMutationVariables['input']): Promise<LoginResult['login']> {
  const data = await postGraphQL<LoginResult, LoginMutationVariables>('Login', LOGIN_MUTATION, { input });
  return data.login;
}

/** Set (in sessionStorage) when the idle timer logged the user out; the login page says so once. */
export const LOGGED_OUT_IDLE = 'evs-idle-logout';

/** Where to go after signing in: the forced steps first, then the page the user was sent away from. */
export function pageAfterLogin(result: Pick<LoginResult['login'], 'mustChangePassword' | 'mustEnrolTotp'>, from: string | undefined): string {
  if (result.mustChangePassword) return '/change-password';
  if (result.mustEnrolTotp) return '/account/two-factor';
  return from && from !== '/login' ? from : '/';
}
