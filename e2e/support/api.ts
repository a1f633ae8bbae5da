import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts';

export interface MeResult {
  displayName: string;
  role: string;
  unit: { name: string };
}

/** Logs in through the API (JSON POST, as Apollo's CSRF prevention wants); the cookie stays on `request`. */
export async function apiLogin(request: APIRequestContext, username: string, password = DEMO_PASSWORD) {
  const res = await request.post('/graphql', {
    data: {
      query: 'mutation Login($input: LoginInput!) { login(input: $input) { displayName role unit { name } } }',
      variables: { input: { username, password } },
    },
  });
  const body = (await res.json()) as { data?: { login: MeResult }; errors?: { message: string }[] };
  return { me: body.data?.login, error: body.errors?.[0]?.message };
}

export const authFile = (username: string) => `${__dirname}/../.auth/${username}.json`;
