import type { APIRequestContext, Browser, Page } from '@playwright/test';
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

/** A page of its own browser context, logged in as `username` through the API (the cookie is shared). */
export async function pageAs(browser: Browser, username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const { me, error } = await apiLogin(context.request, username);
  if (!me) throw new Error(`login ${username}: ${error}`);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${username}] pageerror: ${e.message}`));
  return page;
}
