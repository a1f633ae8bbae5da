import { expect as baseExpect, type Browser, type Locator, type Page } from '@playwright/test';
import { TwoFactorPage } from './TwoFactorPage';

// First loads of each role's pages on a CI machine shared with other runs can be slow.
const expect = baseExpect.configure({ timeout: 60_000 });

/** antd puts a space between two CJK characters of a button: match with or without it. */
export const twoChars = (text: string) => new RegExp(`^${text.split('').join('\\s?')}$`);

/** Everyone's own password after the first login (passes the password rules, contains no username). */
export const OWN_PASSWORD = 'Onboard@2026own';

/**
 * A new browser context that logs in through the form with a one-time password, is sent to
 * 修改密码 (nothing else opens before), changes it, binds an authenticator when the role requires
 * one, and lands on the home page.
 */
export async function firstLogin(browser: Browser, baseURL: string, username: string, initialPassword: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${username}] pageerror: ${e.message}`));
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(initialPassword);
  await page.getByRole('button', { name: twoChars('登录') }).click();
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByText('首次登录，请先修改初始密码后再使用系统。')).toBeVisible();
  await page.getByLabel('当前密码').fill(initialPassword);
  await page.getByLabel('新密码', { exact: true }).fill(OWN_PASSWORD);
  await page.getByLabel('确认新密码').fill(OWN_PASSWORD);
  await page.getByRole('button', { name: '确认修改' }).click();
  // A production database requires an authenticator of ADMIN and SECURITY_DETACHMENT before anything else.
  const enrolment = page.getByRole('heading', { name: '绑定身份验证器' });
  await expect(enrolment.or(page.getByTestId('user-name'))).toBeVisible();
  if (await enrolment.isVisible()) {
    const twoFactor = new TwoFactorPage(page);
    await twoFactor.enrol();
    await twoFactor.finish();
    await expect(page).toHaveURL(/\/$/);
  }
  await expect(page.getByTestId('user-name')).toBeVisible();
  return page;
}

/** The 开户通知 shown once after an account is opened: reads the username and password, then closes it. */
export async function takeAccountNotice(page: Page, screenshot?: (notice: Locator) => Promise<void>): Promise<{ username: string; password: string }> {
  const notice = page.getByTestId('account-notice');
  await expect(notice).toBeVisible();
  const username = (await notice.getByTestId('issued-username').innerText()).trim();
  const password = (await notice.getByTestId('issued-password').innerText()).trim();
  expect(password).toHaveLength(12);
  if (screenshot) await screenshot(notice);
  await page.getByRole('button', { name: '已交付，关闭' }).click();
  await expect(notice).toBeHidden();
  return { username, password };
}

/** Picks an option of an antd Select (scoped to `scope`) by its visible text. */
export async function pick(scope: Page | Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Uploads a CSV into an ImportPanel (scoped), previews it, expects no bad row, commits. */
export async function importCsv(scope: Page | Locator, name: string, rows: string[][], rowsExpected: number) {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n'), 'utf8'),
  });
  await scope.getByRole('button', { name: '预览校验' }).click();
  await expect(page.getByText(new RegExp(`无误${rowsExpected}行，有问题0行`))).toBeVisible();
  await scope.getByRole('button', { name: /确认导入/ }).click();
}
