import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { apiLogin } from '../support/api';
import { seriousViolations, wcagViolations } from '../support/axe';

/**
 * The list screens on a phone (390×844, touch): each row is a card whose key fields and actions sit
 * inside the viewport (issue 14: before, 审核结论, 操作 and 检查 were off-screen behind a sideways
 * scroll). For each role's own list: the first cards show the field and the action within 0..390,
 * and the page itself never scrolls sideways.
 */

const shots = path.join(__dirname, '..', 'screenshots');
const WIDTH = 390;

test.describe.configure({ timeout: 180_000 });

async function phoneAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const { me, error } = await apiLogin(context.request, username);
  expect(me, error).toBeTruthy();
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

async function expectWithinViewport(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  expect(box, 'the element is laid out').toBeTruthy();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(WIDTH);
}

/** WCAG 2.1 AA on the phone layout: no critical or serious axe finding inside the card list. */
async function expectAccessibleCards(page: Page) {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0, { timeout: 60_000 });
  const serious = seriousViolations(await wcagViolations(page, { include: ['.list-scaffold'] }));
  expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The first cards of the list named `label`, with no table on the page. */
async function cards(page: Page, label: string, atLeast = 1) {
  const list = page.getByRole('list', { name: label });
  await expect(list).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.list-scaffold .ant-table')).toHaveCount(0);
  const items = list.getByRole('listitem');
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(atLeast);
  return items;
}

test('roster (company1): each card shows the guard’s 审核结论 inside the screen', async ({ browser }) => {
  const page = await phoneAs(browser, 'company1');
  await page.goto('/roster');
  const items = await cards(page, '当前名单');
  const n = Math.min(3, await items.count());
  for (let i = 0; i < n; i++) {
    const card = items.nth(i);
    await expect(card.getByText('审核结论')).toBeVisible();
    await expectWithinViewport(card.locator('dd .ant-tag').first());
    await expectWithinViewport(card);
  }
  await expectNoSidewaysScroll(page);
  await items.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'phone-roster-company1.png') });
  await expectAccessibleCards(page);
  await page.context().close();
});

test('vetting workbench (baoan): each card shows the 审核结论 and the 通过 / 不通过 buttons, tappable, inside the screen', async ({ browser }) => {
  const page = await phoneAs(browser, 'baoan');
  await page.goto('/vetting');
  // all of the roster, so decided and pending guards both show
  await page.getByRole('combobox', { name: '名单范围' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '全部' }).click();
  const items = await cards(page, '待审核名单');
  const n = Math.min(3, await items.count());
  for (let i = 0; i < n; i++) {
    const card = items.nth(i);
    const name = (await card.locator('.list-card-title').innerText()).trim();
    await expect(card.getByText('审核结论')).toBeVisible();
    await expectWithinViewport(card.locator('dd .ant-tag').first());
    for (const action of ['通过', '不通过']) {
      const button = card.getByRole('button', { name: `${action} ${name}`, exact: true });
      await expectWithinViewport(button);
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await expectWithinViewport(card.getByRole('checkbox', { name: `选择 ${name}` }));
  }
  await expectNoSidewaysScroll(page);
  await items.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'phone-vetting-workbench-baoan.png') });
  await expectAccessibleCards(page);

  // the record hits open on the card itself
  const first = items.first();
  const firstName = (await first.locator('.list-card-title').innerText()).trim();
  await first.getByRole('button', { name: `展开详情 ${firstName}` }).click();
  await expect(first.getByText(/比中记录（\d+）/)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.context().close();
});

test('on-site list (baoan): each activity card shows its 检查 / 查看 button inside the screen, and it opens the activity', async ({ browser }) => {
  const page = await phoneAs(browser, 'baoan');
  await page.goto('/inspections');
  const items = await cards(page, '现场检查活动');
  const n = Math.min(3, await items.count());
  for (let i = 0; i < n; i++) {
    const card = items.nth(i);
    const button = card.locator('.list-card-actions .ant-btn');
    await expect(button).toHaveText(/^(检\s?查|查\s?看)$/);
    await expectWithinViewport(button);
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(shots, 'phone-onsite-list-baoan.png'), fullPage: true });
  await expectAccessibleCards(page);

  const check = items.first().locator('.list-card-actions .ant-btn');
  const label = (await check.getAttribute('aria-label'))!;
  expect(label).toMatch(/^(检查|查看) .+/);
  await check.tap();
  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(page.locator('.onsite-head')).toBeVisible({ timeout: 60_000 });
  await expectNoSidewaysScroll(page);
  await page.context().close();
});

test('activities (organizer1): each card shows its 状态 inside the screen; on 候选比选 the 比选 / 查看 button too, and it opens the comparison', async ({ browser }) => {
  const page = await phoneAs(browser, 'organizer1');
  await page.goto('/activities');
  const items = await cards(page, '活动列表');
  const n = Math.min(3, await items.count());
  for (let i = 0; i < n; i++) {
    const card = items.nth(i);
    await expect(card.getByText('状态', { exact: true })).toBeVisible();
    await expectWithinViewport(card.locator('.list-card-title a'));
    await expectWithinViewport(card.locator('dd .ant-tag').first());
    await expectWithinViewport(card);
  }
  // the filters stack within the screen too
  await expectWithinViewport(page.locator('.list-filters .ant-picker-range'));
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(shots, 'phone-activities-organizer1.png') });
  await expectAccessibleCards(page);

  await page.goto('/comparison');
  const compared = await cards(page, '活动列表');
  const button = compared.first().locator('.list-card-actions .ant-btn');
  await expect(button).toHaveText(/^(比\s?选|查\s?看)$/);
  await expectWithinViewport(button);
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expectNoSidewaysScroll(page);
  await expectAccessibleCards(page);
  await button.tap();
  await expect(page).toHaveURL(/\/comparison\/[0-9a-f-]{36}$/);
  await page.context().close();
});

test('work queue (baoan): each card shows its deadline and the 处理 button inside the screen', async ({ browser }) => {
  const page = await phoneAs(browser, 'baoan');
  await page.goto('/queue');
  const items = await cards(page, '待办事项');
  const n = Math.min(3, await items.count());
  for (let i = 0; i < n; i++) {
    const card = items.nth(i);
    const name = (await card.locator('.list-card-title').innerText()).trim();
    await expect(card.getByText('截止', { exact: true })).toBeVisible();
    await expectWithinViewport(card.locator('dd .ant-tag').first());
    const button = card.getByRole('link', { name: new RegExp(`^处理 ${name}`) });
    await expectWithinViewport(button);
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(shots, 'phone-work-queue-baoan.png') });
  await expectAccessibleCards(page);
  await page.context().close();
});

test('notifications (baoan): each card shows its 时间, its checkbox and (with a link) its 查看 button inside the screen', async ({ browser }) => {
  const page = await phoneAs(browser, 'baoan');
  await page.goto('/notifications');
  const items = await cards(page, '通知');
  const n = Math.min(3, await items.count());
  for (let i = 0; i < n; i++) {
    const card = items.nth(i);
    await expect(card.getByText('时间', { exact: true })).toBeVisible();
    await expectWithinViewport(card.getByRole('checkbox'));
    const view = card.locator('.list-card-actions .ant-btn');
    if (await view.count()) await expectWithinViewport(view);
    await expectWithinViewport(card);
  }
  await expectNoSidewaysScroll(page);
  await expectAccessibleCards(page);
  await page.context().close();
});
