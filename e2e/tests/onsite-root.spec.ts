import { expect, test, type Page } from '@playwright/test';
import { gql } from '../pages/OnsitePages';
import { LoginPage } from '../pages/LoginPage';
import { apiLogin, pageAs } from '../support/api';
import { withServiceWorker } from '../support/test-modes';

test.use(withServiceWorker);

/**
 * The on-site screen (现场监管 of one activity) opens in a light root of its own (app/onsiteRoot.tsx):
 * no signed-in layout and no component library on a phone's first screen. What the signed-in part
 * gives every other page must hold here too: the way to the login page and back, the role check, the
 * logout, and the idle timeout.
 */
const phone = { width: 360, height: 740 };
const ONSITE_OPERATIONS = ['OnsiteActivity', 'OnDutyRoster', 'ActivityFindings'];

/** An activity on its day, found through the API as the detachment. */
async function activityOnItsDay(page: Page): Promise<string> {
  const { activities } = await gql(page.request, `{ activities(filter: { status: [IN_PROGRESS] }, page: { pageSize: 1 }) { items { id } } }`);
  return activities.items[0].id;
}

/** The script files a page asks for, by path. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

test('an anonymous visit to the on-site screen logs in and comes back to it, without the signed-in layout', async ({ browser, page }) => {
  const officer = await pageAs(browser, 'baoan', phone);
  const id = await activityOnItsDay(officer);
  await officer.context().close();

  const scripts = scriptsOf(page);
  await page.setViewportSize(phone);
  await page.goto(`/inspections/${id}`);
  await expect(page).toHaveURL(/\/login$/);
  await new LoginPage(page).login('baoan');
  await expect(page).toHaveURL(new RegExp(`/inspections/${id}$`));
  await expect(page.locator('.onsite-head')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.onsite-guard').first()).toBeVisible();
  // the screen's own root: neither the signed-in part (antd's providers, the menu registry) nor the layout
  expect(scripts.filter((s) => /\/assets\/(signedInRoutes|AppLayout)-/.test(s))).toEqual([]);
  // the way back leads into the signed-in part, which loads then
  await page.getByRole('link', { name: /现场监管列表/ }).click();
  await expect(page).toHaveURL(/\/inspections$/);
  await expect(page.locator('.ant-layout-header')).toBeVisible({ timeout: 60_000 });
  expect(scripts.some((s) => /\/assets\/signedInRoutes-/.test(s))).toBe(true);
});

test('opened first, the on-site screen asks who is signed in and for its data while React is still downloading', async ({ browser }) => {
  const page = await pageAs(browser, 'baoan', phone);
  const id = await activityOnItsDay(page);
  // React's chunk is held back until the screen's last query has gone out (or 20 s have passed):
  // with requests that waited for React, nothing is asked before it is let through
  const beforeReact: string[] = [];
  let reactIn = false;
  let allAsked: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (allAsked = resolve));
  page.on('request', (r) => {
    const name = r.url().endsWith('/graphql') ? r.postDataJSON?.()?.operationName : undefined;
    if (!name || reactIn) return;
    beforeReact.push(name);
    if (name === 'ActivityFindings') allAsked();
  });
  await page.route(/\/assets\/react-[\w-]+\.js$/, async (route) => {
    await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    reactIn = true;
    await route.continue();
  });
  await page.goto(`/inspections/${id}`);
  await expect(page.locator('.onsite-guard').first()).toBeVisible({ timeout: 60_000 });
  expect(beforeReact).toEqual(['Me', ...ONSITE_OPERATIONS]);
  await page.context().close();
});

test('a role the on-site screen refuses gets the 403 page, and nothing of the activity is asked for', async ({ browser }) => {
  const officer = await pageAs(browser, 'baoan', phone);
  const id = await activityOnItsDay(officer);
  await officer.context().close();

  for (const username of ['panshan', 'organizer1', 'dahuo']) {
    const page = await pageAs(browser, username, phone);
    const asked: string[] = [];
    page.on('request', (r) => {
      const name = r.postDataJSON?.()?.operationName;
      if (r.url().endsWith('/graphql') && ONSITE_OPERATIONS.includes(name)) asked.push(name);
    });
    await page.goto(`/inspections/${id}`);
    await expect(page.getByText('无权访问此页面')).toBeVisible({ timeout: 60_000 });
    await expect(page).toHaveURL(/\/403$/);
    expect(asked, `${username} asked for the screen's data`).toEqual([]);
    await page.context().close();
  }
});

test('the on-site screen’s logout ends the session', async ({ browser }) => {
  const page = await pageAs(browser, 'baoan', phone);
  const id = await activityOnItsDay(page);
  await page.goto(`/inspections/${id}`);
  await expect(page.locator('.onsite-head')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const me = await page.request.post('/graphql', { data: { query: '{ me { id } }' } });
  expect((await me.json()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await page.goto(`/inspections/${id}`);
  await expect(page).toHaveURL(/\/login$/);
  await page.context().close();
});

test('the on-site screen warns a minute before the idle timeout, and then logs out', async ({ browser }) => {
  const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // its own session: the idle logout ends it on the server
  const { me, error } = await apiLogin(context.request, 'baoan');
  expect(me, error).toBeTruthy();
  const page = await context.newPage();
  const id = await activityOnItsDay(page);
  await page.clock.install();
  await page.goto(`/inspections/${id}`);
  await expect(page.locator('.onsite-head')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  // the server's idle timeout is 30 minutes (SESSION_IDLE_MINUTES); the warning comes in the last one
  await page.clock.fastForward('29:20');
  await expect(page.getByRole('alertdialog', { name: '即将自动退出登录' })).toBeVisible();
  await expect(page.getByTestId('idle-warning')).toContainText('秒后自动退出登录');
  // 继续使用 is a request: the session goes on, the warning goes
  await page.getByRole('button', { name: '继续使用' }).click();
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await page.clock.fastForward('29:20');
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('长时间未操作，已自动退出登录，请重新登录。')).toBeVisible();
  const res = await context.request.post('/graphql', { data: { query: '{ me { id } }' } });
  expect((await res.json()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await context.close();
});
