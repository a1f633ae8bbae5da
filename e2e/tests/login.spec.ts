import { expect, test } from '@playwright/test';
import path from 'node:path';
import { AppShell } from '../pages/AppShell';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { withServiceWorker } from '../support/test-modes';

test.use(withServiceWorker);

const shots = path.join(__dirname, '..', 'screenshots');

test('a wrong password shows the server message and does not log in', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.screenshot({ path: path.join(shots, 'login.png') });
  await login.login('liaodongwan', 'wrong-password-1');
  await expect(login.error).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
});

test('empty fields are refused in the form', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.submit.click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
});

test('an anonymous visit goes to the login page and back to where it was going', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login$/);
  await new LoginPage(page).login('baoan');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
});

test('the login page loads neither the GraphQL client nor the signed-in part', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await new LoginPage(page).goto();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => /\/assets\/(apollo|signedInRoutes|AppLayout|charts)-/.test(s))).toEqual([]);
  // after signing in, they come
  await new LoginPage(page).login('dawa');
  await new HomePage(page).expectLoaded();
  expect(scripts.some((s) => /\/assets\/apollo-/.test(s))).toBe(true);
});

test('a session that ends while a page is open sends the user to the login page and back to the page being opened', async ({ page, context }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login('dawa');
  await new HomePage(page).expectLoaded();
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: '站内通知' })).toBeVisible();
  await context.clearCookies(); // the server no longer knows this browser
  await page.getByRole('link', { name: '首页' }).first().click(); // a client-side navigation: its query is refused
  await expect(page).toHaveURL(/\/login$/);
  await login.login('dawa');
  await expect(page).toHaveURL(/\/$/);
  await new HomePage(page).expectLoaded();
});

test('logout ends the session', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login('dawa');
  await new HomePage(page).expectLoaded();
  await new AppShell(page).logout();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});

test('a login leaves nothing of the last account on the device: its on-site copies and its photo cache go, its outbox stays', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  // What the last officer's session left behind on a shared phone (their session has since expired).
  await page.evaluate(async () => {
    localStorage.setItem('evs.session.me', JSON.stringify({ id: 'someone-else' }));
    localStorage.setItem('evs.onsite.roster.an-activity', JSON.stringify({ savedAt: '2026-12-01T08:00:00Z', value: [{ name: '张三' }] }));
    localStorage.setItem('unrelated', 'kept');
    await (await caches.open('evs-photos')).put('/photos/roster/an-entry', new Response('picture'));
  });
  await login.login('dawa');
  await new HomePage(page).expectLoaded();
  const left = await page.evaluate(async () => ({
    onsite: localStorage.getItem('evs.onsite.roster.an-activity'),
    me: JSON.parse(localStorage.getItem('evs.session.me') ?? 'null')?.username ?? null,
    unrelated: localStorage.getItem('unrelated'),
    photos: await caches.has('evs-photos'),
  }));
  expect(left).toEqual({ onsite: null, me: 'dawa', unrelated: 'kept', photos: false });
});

test('the login page works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const login = new LoginPage(page);
  await login.goto();
  await page.screenshot({ path: path.join(shots, 'login-phone.png') });
  await login.login('xinglongtai', 'nope');
  await expect(login.error).toContainText('用户名或密码错误');
});

test('a phone can install the app: manifest, icons and a service worker', async ({ page }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('manifest+json');
  const manifest = (await res.json()) as { short_name: string; display: string; icons: { src: string; sizes: string }[] };
  expect(manifest).toMatchObject({ short_name: '安保审核', display: 'standalone' });
  for (const icon of manifest.icons) {
    const png = await page.request.get(icon.src);
    expect(png.headers()['content-type'], icon.src).toBe('image/png');
  }
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active), { timeout: 30_000 }).toBe(true);
});

test('the app runs under its security headers (a CSP it never violates) and loads precompressed bundles', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/login');
  const headers = res!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  await new LoginPage(page).login('baoan');
  await new HomePage(page).expectLoaded();
  const entry = await page.locator('script[type="module"]').first().getAttribute('src');
  const asset = await page.request.get(entry!, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(asset.headers()['content-encoding']).toBe('br');
  expect(asset.headers()['cache-control']).toContain('immutable');
  expect(violations).toEqual([]);
});
