import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { fillPicker } from './SelectionPages';

/** GraphQL through the page's own session cookie; fails the test on errors. */
export async function gql<T = any>(request: APIRequestContext, query: string, variables?: Record<string, unknown>): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await request.post('/graphql', { data: { query, variables } });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** antd puts a space between two CJK characters of a button: match with or without it. */
export const twoChars = (text: string) => new RegExp(`^${text.split('').join('\\s?')}$`);

/** 岗前培训 of one activity (desktop). */
export class TrainingPage {
  constructor(private readonly page: Page) {}

  async goto(activityId: string) {
    await this.page.goto(`/training/${activityId}`);
    // Generous: the first load of a page's chunks can be slow on a busy CI machine.
    await expect(this.page.getByRole('heading', { name: /^岗前培训：/ })).toBeVisible({ timeout: 60_000 });
  }

  /**
   * Schedules a session. `startsNow`: it starts this minute (so its results can be recorded at once);
   * `topics`: only these subjects (labels), e.g. a make-up for what is missing.
   */
  async schedule(kind: '安排培训' | '安排补训', instructor: string, options: { startsNow?: boolean; topics?: string[]; place?: string } = {}) {
    await this.page.getByRole('button', { name: kind }).click();
    const modal = this.page.locator('.ant-modal:visible');
    if (options.startsNow) {
      const now = new Date(Date.now() + 8 * 3600_000).toISOString();
      await fillPicker(this.page, '培训时间', `${now.slice(0, 10)} ${now.slice(11, 16)}`);
    }
    if (options.topics) {
      for (const label of ['法律法规', '基本勤务技能', '突发情况处置']) {
        const box = modal.getByRole('checkbox', { name: label });
        if ((await box.isChecked()) !== options.topics.includes(label)) await box.click();
      }
    }
    if (options.place) await modal.getByLabel('培训地点').fill(options.place);
    await modal.getByLabel('授课人').fill(instructor);
    await modal.getByRole('button', { name: twoChars('安排') }).click();
    await expect(modal).toBeHidden();
  }

  /**
   * Records the results of the session of that type (集中培训 or 补训) that has none yet: `absent`
   * rows (1-based) did not attend; `scores` sets given cells (`科目-行`), the rest 85.
   */
  async recordResults(sessionType: '集中培训' | '补训', absent: number[] = [], scores: Record<string, number> = {}) {
    const rows = this.page.locator('.ant-card', { hasText: '培训安排' }).locator('.ant-table-row');
    // the session still without results: two sessions scheduled in the same minute list in either order
    const record = this.page.getByRole('button', { name: /登记结果/ });
    const unrecorded = rows.filter({ hasText: sessionType }).filter({ hasNotText: '已取消' }).filter({ has: record });
    await unrecorded.last().locator(record).click();
    const modal = this.page.locator('.ant-modal:visible');
    for (const row of absent) await modal.getByRole('switch', { name: `到课-${row}` }).click();
    for (const [cell, score] of Object.entries(scores)) await modal.getByLabel(cell, { exact: true }).fill(String(score));
    await modal.getByRole('button', { name: '空白成绩填85分' }).click();
    await modal.getByRole('button', { name: '保存结果' }).click();
    await expect(modal).toBeHidden();
  }

  onDuty(): Locator {
    return this.page.getByTestId('on-duty');
  }
}

/** 现场监管 on a phone. */
export class InspectionScreen {
  constructor(private readonly page: Page) {}

  async goto(activityId: string) {
    await this.page.goto(`/inspections/${activityId}`);
    await expect(this.page.locator('.onsite-head')).toBeVisible({ timeout: 60_000 });
  }

  get netStatus() {
    return this.page.getByTestId('net-status');
  }

  get pending() {
    return this.page.getByTestId('pending-count');
  }

  async tab(name: '在岗人员' | '问题' | '待发送') {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  async search(text: string) {
    await this.page.getByLabel('搜索在岗人员').fill(text);
  }

  /** Opens a guard's checklist, marks the given items non-compliant, and (optionally) stops before submitting. */
  async openChecklist(name: string, bad: string[], note?: string) {
    await this.search(name);
    await this.page.getByRole('button', { name: `检查 ${name}` }).click();
    const drawer = this.page.locator('.onsite-form');
    await expect(this.page.getByText(`检查：${name}`)).toBeVisible();
    for (const item of bad) await drawer.locator('.onsite-check', { hasText: item }).getByText('不合格').click();
    if (note) await drawer.getByLabel('问题说明').fill(note);
    return drawer;
  }

  async submit() {
    const drawer = this.page.locator('.onsite-form');
    await drawer.getByRole('button', { name: '提交检查' }).click();
    await expect(drawer).toHaveCount(0);
  }

  async recordStranger(name: string, post: string) {
    await this.search('');
    await this.page.getByRole('button', { name: '发现未在名单人员上岗' }).click();
    const drawer = this.page.locator('.onsite-form');
    await drawer.getByLabel('姓名（及证件号）').fill(name);
    await drawer.getByLabel('岗位').fill(post);
    await this.submit();
  }
}
