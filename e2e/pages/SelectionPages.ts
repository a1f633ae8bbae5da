import { expect, type Page } from '@playwright/test';

/** Fills an antd date (or date-time) picker by typing, as a keyboard user would. */
export async function fillPicker(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

/** Picks an option of an antd Select by its visible text. */
export async function pickOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** 登记活动 form. */
export class ActivityFormPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/activities/new');
    await expect(this.page.getByRole('heading', { name: '登记活动' })).toBeVisible({ timeout: 60_000 });
  }

  async fill(a: {
    name: string;
    type: string;
    organizerUnit: string;
    venue: string;
    address: string;
    startsAt: string;
    endsAt: string;
    attendance: number;
    guards: number;
    contact: string;
    phone: string;
    posts: string;
  }) {
    const p = this.page;
    await p.getByLabel('活动名称').fill(a.name);
    await p.getByLabel('活动类型').fill(a.type);
    await pickOption(p, '主办单位账号', a.organizerUnit);
    await expect(p.getByLabel('主办单位', { exact: true })).toHaveValue(a.organizerUnit);
    await p.getByLabel('活动场所').fill(a.venue);
    await p.getByLabel('详细地址').fill(a.address);
    await fillPicker(p, '开始时间', a.startsAt);
    await fillPicker(p, '结束时间', a.endsAt);
    await p.getByLabel('预计人数（每场）').fill(String(a.attendance));
    await p.getByLabel('所需保安员').fill(String(a.guards));
    await p.getByLabel('联系人').fill(a.contact);
    await p.getByLabel('联系电话').fill(a.phone);
    await p.getByLabel('岗位分工').fill(a.posts);
  }

  async save() {
    await this.page.getByRole('button', { name: '保存草稿' }).click();
    await expect(this.page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
  }
}

/** 候选比选: candidates as columns. */
export class ComparisonPage {
  constructor(private readonly page: Page) {}

  async goto(activityId: string) {
    await this.page.goto(`/comparison/${activityId}`);
    await expect(this.page.locator('.cmp-table')).toBeVisible({ timeout: 60_000 });
  }

  candidateHeaders() {
    return this.page.locator('.cmp-table thead th').filter({ hasText: '第' });
  }

  /** The candidates the organizer may quote, by name (from their 报价 buttons), in the table's order. */
  async quotableCompanies(): Promise<string[]> {
    const labels = await this.page.locator('.cmp-table thead button[aria-label^="报价 "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return [...new Set(labels.map((l) => l.slice('报价 '.length)))];
  }

  /** Enters a quote for every candidate (`amounts[i]` for the i-th): 遴选 waits for them all. Returns their names. */
  async quoteEveryCandidate(amounts: number[]): Promise<string[]> {
    const companies = await this.quotableCompanies();
    for (const [i, company] of companies.entries()) await this.enterQuote(company, amounts[i % amounts.length]);
    return companies;
  }

  selectButton(company: string) {
    return this.page.getByRole('button', { name: `遴选 ${company}` });
  }

  async enterQuote(company: string, amount: number) {
    await this.page.getByRole('button', { name: `报价 ${company}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `填报报价：${company}` });
    await dialog.getByLabel('报价（元）').fill(String(amount));
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(dialog).toBeHidden();
  }

  async select(company: string, reason: string) {
    await this.page.getByRole('button', { name: `遴选 ${company}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `遴选：${company}` });
    await dialog.getByLabel('遴选理由').fill(reason);
    await dialog.getByRole('button', { name: '确认遴选' }).click();
    await expect(dialog).toBeHidden();
  }
}
