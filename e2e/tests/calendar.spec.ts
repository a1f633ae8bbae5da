import { devices, expect as baseExpect, test } from '@playwright/test';
import path from 'node:path';
import { gql, InspectionScreen, TrainingPage } from '../pages/OnsitePages';
import { pageAs } from '../support/api';
import { journey } from '../support/test-modes';

test.use(journey);

const expect = baseExpect.configure({ timeout: 60_000 });
const shots = path.join(__dirname, '..', 'screenshots');
const phone = { ...devices['Pixel 5'], viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 };
/** In training in the demo, four days ahead: four cleared guards of 盘锦红海滩保安服务有限公司. */
const TRAINING = '全民健身日太极拳展示活动';
/** Ready in the demo, more than two days ahead. */
const READY = '盘锦市青少年足球邀请赛';

const idOf = async (page: import('@playwright/test').Page, name: string) =>
  (await gql(page.request, `{ activities(filter: { search: "${name}" }) { items { id status } } }`)).activities.items[0] as { id: string; status: string };

/**
 * 岗前培训 by subject (seed step 四): 法律法规 in one session, 基本勤务技能 and 突发情况处置 in another;
 * a guard who failed one subject is on duty only after a make-up for it. The company assigns posts;
 * the phone groups the roster by post and refuses to start four days early, saying from when.
 */
test('three subjects over several sessions, posts by the company, and no start before the event day', async ({ browser }) => {
  test.setTimeout(360_000);
  const desk = await pageAs(browser, 'baoan');
  const activity = await idOf(desk, TRAINING);
  expect(activity.status).toBe('TRAINING');
  const training = new TrainingPage(desk);
  await training.goto(activity.id);

  // 法律法规 only: nobody is on duty yet.
  await training.schedule('安排培训', '王建国', { startsNow: true, topics: ['法律法规'] });
  await training.recordResults('集中培训');
  await expect(training.onDuty()).toHaveText('0/4');
  await expect(desk.getByText('部分科目合格').first()).toBeVisible();

  // The two other subjects; the first guard fails 突发情况处置 (40 < 60).
  await training.schedule('安排培训', '李明', { startsNow: true, topics: ['基本勤务技能', '突发情况处置'], place: '市公安局训练基地二号教室' });
  await training.recordResults('集中培训', [], { '突发情况处置-1': 40 });
  await expect(training.onDuty()).toHaveText('3/4');
  await desk.screenshot({ path: path.join(shots, 'training-subjects.png'), fullPage: true });

  // A make-up for what is missing: 突发情况处置 only. Then all four are on duty: READY.
  await training.schedule('安排补训', '王建国', { startsNow: true, topics: ['突发情况处置'], place: '补训教室' });
  await training.recordResults('补训');
  await expect(training.onDuty()).toHaveText('4/4');
  await expect(desk.locator('.page-header').getByText('待上岗')).toBeVisible();

  // The 签到表 shows each subject's score and result.
  const { training: t } = await gql(desk.request, `query ($id: ID!) { training(activityId: $id) { sessions { id topics } } }`, { id: activity.id });
  const second = t.sessions.find((s: { topics: string[] }) => s.topics.length === 2);
  await desk.goto(`/training/sessions/${second.id}/sheet`);
  await expect(desk.getByTestId('score-EMERGENCY').filter({ hasText: '40（不合格）' })).toHaveCount(1);
  await expect(desk.getByTestId('score-DUTY_SKILLS').filter({ hasText: '（合格）' })).toHaveCount(4);
  await desk.screenshot({ path: path.join(shots, 'training-sheet-subjects.png'), fullPage: true });

  // The company assigns each on-duty guard a post and an area.
  const company = await pageAs(browser, 'company2');
  await company.goto(`/training/${activity.id}`);
  await expect(company.getByRole('textbox', { name: /^岗位-/ })).toHaveCount(4);
  const posts = ['东入口', '东入口', '展示区', '巡逻'];
  const names = await company.locator('.ant-card', { hasText: '岗位分工' }).locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
  expect(names).toHaveLength(4);
  for (const [i, name] of names.entries()) {
    await company.getByLabel(`岗位-${name}`).fill(posts[i]);
    await company.getByLabel(`区域-${name}`).fill(`${posts[i]}责任区`);
  }
  await company.getByRole('button', { name: /保存岗位（4）/ }).click();
  await expect(company.getByRole('button', { name: /保存岗位（0）/ })).toBeDisabled();

  // On a phone: the roster by post; the start is refused four days early, with the date it opens.
  const mobile = await browser.newContext({ ...phone, storageState: await desk.context().storageState() });
  const m = await mobile.newPage();
  const screen = new InspectionScreen(m);
  await screen.goto(activity.id);
  await expect(m.getByTestId('post-group')).toHaveCount(3);
  await expect(m.getByTestId('post-group').filter({ hasText: '东入口' })).toContainText('2 人');
  await expect(m.getByTestId('start-refused')).toContainText(/可于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起开始/);
  await expect(m.getByRole('button', { name: '尚未到现场监管开始时间' })).toBeDisabled();
  await m.screenshot({ path: path.join(shots, 'onsite-start-refused.png'), fullPage: true });
  await mobile.close();
});

test('the phone refuses an early start; so does the API, naming the time it opens', async ({ browser }) => {
  const mobile = await pageAs(browser, 'baoan', phone.viewport);
  const activity = await idOf(mobile, READY);
  expect(activity.status).toBe('READY');
  const screen = new InspectionScreen(mobile);
  await screen.goto(activity.id);
  await expect(mobile.getByTestId('start-refused')).toContainText('现场监管最早于活动当天开始');
  await expect(mobile.getByRole('button', { name: '尚未到现场监管开始时间' })).toBeDisabled();
  const res = await mobile.request.post('/graphql', { data: { query: 'mutation ($id: ID!) { startActivity(id: $id) { status } }', variables: { id: activity.id } } });
  const body = await res.json();
  expect(body.errors[0].extensions.code).toBe('CONFLICT');
  expect(body.errors[0].message).toMatch(/可于\d{4}-\d{2}-\d{2} \d{2}:\d{2}起开始/);
  expect((await idOf(mobile, READY)).status).toBe('READY');
});
