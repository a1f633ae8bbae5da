import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { withIdCheckDigit } from '../../packages/schema/src/validation';
import { apiLogin } from '../support/api';

const expect = baseExpect.configure({ timeout: 60_000 });
const shots = path.join(__dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });

const COMPANY1 = '盘锦辽河保安服务有限公司';
const EXPIRED = '盘锦北方保安服务有限公司';
const PHONE = { width: 360, height: 780 };

async function pageAs(browser: Browser, username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const { me, error } = await apiLogin(context.request, username);
  expect(me, error).toBeTruthy();
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${username}] pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${username}] console: ${m.text()}`));
  page.on('requestfailed', (r) => console.log(`[${username}] failed: ${r.url()} ${r.failure()?.errorText}`));
  return page;
}

/** A fresh, valid ID number of a 30-year-old man, different on every run. */
function freshIdNumber(): string {
  const year = new Date().getFullYear() - 31;
  const seq = String(Date.now() % 99).padStart(2, '0') + '7';
  const day = String((Date.now() % 27) + 1).padStart(2, '0');
  return withIdCheckDigit(`211103${year}06${day}${seq}`);
}

test('保安管理支队 finds a company, sees its figures and licence warning, and its guards with full ID numbers', async ({ browser }) => {
  const page = await pageAs(browser, 'baoan');
  await page.goto('/companies');
  await expect(page.getByRole('link', { name: COMPANY1 })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(EXPIRED) }).getByText(/已过期/)).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'companies.png') });

  await page.getByPlaceholder('名称或统一社会信用代码').fill('辽河');
  await page.getByPlaceholder('名称或统一社会信用代码').press('Enter');
  await expect(page.getByText('共 1 家')).toBeVisible();
  await page.getByRole('link', { name: COMPANY1 }).click();
  await expect(page.getByRole('heading', { name: COMPANY1 })).toBeVisible();
  await expect(page.getByText('在册保安员').first()).toBeVisible();
  await expect(page.getByText('年龄结构')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'company-detail.png'), fullPage: true });

  await page.getByRole('tab', { name: /保安员/ }).click();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toContainText(/\d{17}[\dX]/);
});

test('a company registers a guard with relatives, sees the ID masked, and marks them left (phone width)', async ({ browser }) => {
  const page = await pageAs(browser, 'company1', PHONE);
  const idNumber = freshIdNumber();
  await page.goto('/guards');
  await expect(page.getByText(/共 \d+ 人/)).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'guards-phone.png') });

  await page.getByRole('button', { name: '登记保安员' }).click();
  await expect(page).toHaveURL(/\/guards\/new$/);
  await page.getByLabel('姓名').fill('测试甲');
  // A wrong check digit is caught in the form, with the reason.
  await page.getByLabel('居民身份证号').fill(idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1'));
  await expect(page.getByText('身份证号校验位不正确')).toBeVisible();
  await page.getByLabel('居民身份证号').fill(idNumber);
  await expect(page.getByText(/出生日期 \d{4}-06-\d{2}，男/)).toBeVisible();
  await page.getByLabel('手机号').fill('13904275555');
  await page.getByRole('button', { name: '添加亲属' }).click();
  await page.getByPlaceholder('姓名', { exact: true }).fill('测试父');
  const relativeId = page.getByPlaceholder('身份证号', { exact: true });
  await relativeId.click();
  await relativeId.pressSequentially(withIdCheckDigit('21110319620304013'));
  await expect(relativeId).not.toHaveValue('');
  await page.screenshot({ path: path.join(shots, 'guard-form-phone.png'), fullPage: true });
  await page.getByRole('button', { name: /登\s*记/ }).last().click();

  await expect(page).toHaveURL(/\/guards$/);
  await page.getByPlaceholder('姓名、保安员证号或身份证号').fill(idNumber);
  await page.getByPlaceholder('姓名、保安员证号或身份证号').press('Enter');
  // on a phone each guard is a card of the register's list
  const row = page.getByRole('list', { name: '保安员名册' }).getByRole('listitem').filter({ hasText: '测试甲' });
  await expect(row).toContainText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
  await expect(row).toContainText('1人');
  await row.getByRole('button', { name: '离职' }).click();
  await page.getByRole('button', { name: '确认离职' }).click();
  // left, the guard leaves the register of active guards (the list read again, not the 3-second toast)
  await expect(page.getByRole('dialog', { name: /办理离职/ })).toHaveCount(0);
  await expect(row).toHaveCount(0);
  await expect(page.getByText('没有找到符合条件的保安员')).toBeVisible();
});
