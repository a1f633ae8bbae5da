import { expect, test } from '@playwright/test';
import path from 'node:path';
import { AppShell } from '../pages/AppShell';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { totpCode, TwoFactorPage } from '../pages/TwoFactorPage';
import { apiLogin, authFile } from '../support/api';

const shots = path.join(__dirname, '..', 'screenshots');

test('a new account changes its password, enrols an authenticator, and logs in with password and code', async ({ page, playwright, baseURL }) => {
  // An account of its own (other journeys log in with the demo accounts by password alone).
  const admin = await playwright.request.newContext({ baseURL });
  await apiLogin(admin, 'admin');
  const units = await (await admin.post('/graphql', { data: { query: '{ units(kind: EVENT_DETACHMENT) { id } }' } })).json();
  const username = `totp${Date.now() % 100000}`;
  const created = await admin.post('/graphql', {
    data: {
      query: 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }',
      variables: { i: { username, displayName: '测试警官', role: 'EVENT_DETACHMENT', unitId: units.data.units[0].id, initialPassword: 'Start#2026a' } },
    },
  });
  expect((await created.json()).errors).toBeUndefined();
  await admin.dispose();

  const login = new LoginPage(page);
  await login.goto();
  await login.login(username, 'Start#2026a');
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel('当前密码').fill('Start#2026a');
  await page.getByLabel('新密码', { exact: true }).fill(`${username}X#1`);
  await expect(page.getByText('密码不得包含用户名', { exact: true })).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Police#2026b');
  await page.getByLabel('确认新密码').fill('Police#2026b');
  await page.getByRole('button', { name: '确认修改' }).click();
  await new HomePage(page).expectLoaded();

  // 账号安全 → 启用两步验证
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '账号安全' }).click();
  await expect(page.getByText('未启用')).toBeVisible();
  await page.getByRole('button', { name: /^启\s*用$/ }).click();
  const twoFactor = new TwoFactorPage(page);
  const { secret, codes } = await twoFactor.enrol();
  expect(codes).toHaveLength(10);
  await page.screenshot({ path: path.join(shots, 'totp-recovery-codes.png') });
  await twoFactor.finish();
  await expect(page.getByText('已启用')).toBeVisible();
  await expect(page.getByRole('cell', { name: /本设备/ })).toBeVisible();
  await new AppShell(page).logout();

  // The password alone now leads to the second step; a wrong code sends the user back to the start.
  await login.login(username, 'Police#2026b');
  const code = page.getByLabel('动态验证码');
  await expect(code).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'login-totp.png') });
  await code.fill('000000');
  await page.getByRole('button', { name: /验\s*证/ }).click();
  await expect(login.error).toContainText('用户名、密码或动态验证码错误');
  await login.login(username, 'Police#2026b');
  // (the enrolment used the current period's code; the next period's is accepted too)
  await code.fill(await totpCode(secret, 1));
  await page.getByRole('button', { name: /验\s*证/ }).click();
  await new HomePage(page).expectLoaded();
});

test.describe('安全审计员', () => {
  test.use({ storageState: authFile('auditor') });

  test('verifies the audit chain and reviews the security events', async ({ page, playwright, baseURL }) => {
    const anyone = await playwright.request.newContext({ baseURL });
    await apiLogin(anyone, 'office', 'not-the-password');
    await anyone.dispose();

    await page.goto('/audit/verify');
    await page.getByRole('button', { name: '立即校验' }).click();
    await expect(page.getByText(/哈希链完整：\d+ 条审计记录均未被修改或删除/)).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'auditor-chain.png'), fullPage: true });

    await page.goto('/audit/security');
    await expect(page.getByRole('heading', { name: '安全事件' })).toBeVisible();
    await expect(page.locator('.ant-table-row').filter({ hasText: '登录失败' }).filter({ hasText: 'office' }).first()).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'auditor-security-events.png'), fullPage: true });
  });
});
