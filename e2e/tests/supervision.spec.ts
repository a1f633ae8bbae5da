import { expect as baseExpect, test } from '@playwright/test';
import path from 'node:path';
import { gql } from '../pages/OnsitePages';
import { pageAs } from '../support/api';
import { journey } from '../support/test-modes';

test.use(journey);

const expect = baseExpect.configure({ timeout: 60_000 });
const shots = path.join(__dirname, '..', 'screenshots');
/** In the demo: approved ten days before its start, its recommendation (due 15 days before) is overdue. */
const OVERDUE = '双台子区端午龙舟赛';

/**
 * 督办 (seed 三、六): a member of the leader group sees the city and his own unit's part; the office
 * sees the overdue stages by responsible unit and issues a 督办通知; the unit answers; the office
 * records the outcome; all of it is in the activity's 台账; the overview shows each unit's punctuality.
 */
test('督办: leader-group member, office, the unit answers, outcome in the 台账', async ({ browser }) => {
  test.setTimeout(300_000);

  // A bureau chief in the leader group: the city's overdue stages by unit, and his own unit's part.
  const chief = await pageAs(browser, 'leader_xinglongtai');
  await chief.goto('/');
  await expect(chief.getByTestId('home-overdue')).toContainText('市公安局保安管理支队');
  const own = chief.getByTestId('home-own-unit');
  await expect(own).toContainText('本单位：兴隆台公安分局');
  await expect(own.getByTestId('home-activity').first()).toBeVisible();
  await chief.screenshot({ path: path.join(shots, 'supervision-leader-member.png'), fullPage: true });

  // The office: overdue items by unit; it issues a 督办通知 for the overdue recommendation.
  const office = await pageAs(browser, 'office');
  await office.goto('/supervision');
  const item = office.getByTestId('overdue-item').filter({ hasText: OVERDUE });
  await expect(item).toContainText('推荐候选');
  await expect(item).toContainText('已提醒');
  await item.getByRole('button', { name: /督\s?办/ }).click();
  const dialog = office.getByRole('dialog', { name: `督办：${OVERDUE}` });
  await expect(dialog).toContainText('责任单位：市公安局保安管理支队');
  await dialog.getByLabel('督办内容').fill('推荐候选已逾期，请于期限内推荐不少于3家候选公司并说明逾期原因');
  await dialog.getByRole('button', { name: '发出督办通知' }).click();
  await expect(dialog).toBeHidden();
  await expect(office.getByTestId('overdue-item').filter({ hasText: OVERDUE })).toContainText('已督办');
  await expect(office.getByTestId('notice-row').filter({ hasText: OVERDUE })).toContainText(/限 \d{4}-\d{2}-\d{2} 前答复/);
  await office.screenshot({ path: path.join(shots, 'supervision-office.png'), fullPage: true });

  // The responsible unit is told on its home and answers.
  const baoan = await pageAs(browser, 'baoan');
  await baoan.goto('/');
  await expect(baoan.getByTestId('home-notices')).toContainText('督办通知待本单位答复');
  await baoan.getByTestId('home-notices').getByRole('button', { name: '去答复' }).click();
  const row = baoan.getByTestId('notice-row').filter({ hasText: OVERDUE });
  await row.getByRole('button', { name: /答\s?复/ }).click();
  await baoan.getByLabel('答复内容').fill('已完成规模研判，明日推荐三家候选公司；逾期因等待场地方案');
  await baoan.getByRole('button', { name: '提交答复' }).click();
  await expect(row.getByTestId('notice-answer')).toContainText('明日推荐三家候选公司');

  // The office records the outcome.
  await office.reload();
  const officeRow = office.getByTestId('notice-row').filter({ hasText: OVERDUE });
  await expect(officeRow.getByTestId('notice-answer')).toContainText('明日推荐三家候选公司');
  await officeRow.getByRole('button', { name: /办\s?结/ }).click();
  await office.getByLabel('办结情况').fill('已答复，跟踪推荐结果');
  await office.getByRole('button', { name: '确认办结' }).click();
  // Closed: it leaves the open list and stays under 全部.
  await expect(officeRow).toHaveCount(0);
  await office.locator('.ant-segmented-item', { hasText: '全部' }).click();
  await expect(officeRow.getByTestId('notice-outcome')).toContainText('已答复，跟踪推荐结果');

  // The 台账 keeps the reminder, the notice, the answer and the outcome.
  const { activities } = await gql(office.request, `{ activities(filter: { search: "${OVERDUE}" }) { items { id } } }`);
  await office.goto(`/timeline/${activities.items[0].id}`);
  for (const text of ['逾期提醒：推荐候选', '督办通知：推荐候选', '督办答复：推荐候选', '督办办结：推荐候选']) {
    await expect(office.getByTestId('timeline-entry').filter({ hasText: text }).first()).toBeVisible();
  }

  // The overview: each responsible unit's punctuality.
  await office.goto('/overview');
  const table = office.getByTestId('punctuality');
  await expect(table).toContainText('市公安局保安管理支队');
  await expect(table).toContainText('逾期未完成');
  await table.screenshot({ path: path.join(shots, 'supervision-punctuality.png') });
});
