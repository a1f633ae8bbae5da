import { devices, expect, test } from '@playwright/test';
import path from 'node:path';
import { gql, InspectionScreen, TrainingPage } from '../pages/OnsitePages';
import { authFile } from '../support/api';
import { journey } from '../support/test-modes';

test.use(journey);

const shots = path.join(__dirname, '..', 'screenshots');
const ACTIVITY = '兴隆台区社区广场舞展演';
/** In progress in the demo and already ended: its 总结 is due. */
const ENDED = '红海滩湿地音乐会';
const phone = { ...devices['Pixel 5'], viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 };

/**
 * Steps 6–8 of SPEC §2 from fresh demo data: training with an absent guard and a make-up → READY →
 * started on the event day → an inspector at phone size records findings, one of them in a dead zone
 * → a correction; the 总结 waits for the end; an activity that has ended is closed → its company's
 * performance score changes.
 */
test('training, the day on a phone (offline too), correction, close after the end, and the company score', async ({ browser }) => {
  test.setTimeout(600_000);
  const desk = await browser.newContext({ storageState: authFile('baoan'), viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  const api = page.request;

  const find = async (name: string) =>
    (await gql(api, `{ activities(filter: { search: "${name}" }) { items { id status selectedCompany { id } } } }`)).activities.items[0];
  const activity = await find(ACTIVITY);
  expect(activity.status).toBe('TRAINING');
  const ended = await find(ENDED);
  expect(ended.status).toBe('IN_PROGRESS');
  const score = async () => (await gql(api, `query ($id: ID!) { company(id: $id) { performance { score } } }`, { id: ended.selectedCompany.id })).company.performance.score as number;
  const scoreBefore = await score();

  // 岗前培训 (starting now: results once it has begun): one guard is absent; a make-up session for them.
  const training = new TrainingPage(page);
  await training.goto(activity.id);
  await training.schedule('安排培训', '王建国', { startsNow: true });
  await training.recordResults('集中培训', [6]);
  await expect(training.onDuty()).toHaveText('5/6');
  await expect(page.getByText('缺训')).toBeVisible();
  await training.schedule('安排补训', '王建国', { startsNow: true });
  await training.recordResults('补训');
  await expect(training.onDuty()).toHaveText('6/6');
  await expect(page.locator('.page-header').getByText('待上岗')).toBeVisible();
  const { sessions } = (await gql(api, `query ($id: ID!) { training(activityId: $id) { sessions { id isMakeup } } }`, { id: activity.id })).training;
  await page.goto(`/training/sessions/${sessions.find((s: { isMakeup: boolean }) => !s.isMakeup).id}/sheet`);
  await expect(page.getByRole('heading', { name: `${ACTIVITY} 岗前培训签到表` })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: path.join(shots, 'onsite-sign-in-sheet.png'), fullPage: true });

  const { onDutyRoster } = await gql(api, `query ($id: ID!) { onDutyRoster(activityId: $id) { guardId name certificateNo photoUrl } }`, { id: activity.id });
  expect(onDutyRoster).toHaveLength(6);
  // A guard with a photo on the register (the demo's, registered before the roster: a photo is locked
  // while the guard is on it): the roster names its address, the phone loads the picture.
  const pictured = onDutyRoster.find((g: { photoUrl: string | null }) => g.photoUrl);
  expect(pictured).toBeTruthy();

  // On the day, on a phone.
  // The same session as the desk (read now: the shared .auth file may be rewritten by another run).
  const mobile = await browser.newContext({ ...phone, storageState: await desk.storageState() });
  const m = await mobile.newPage();
  const photoOf = (name: string) => m.locator('.onsite-guard').filter({ hasText: name }).locator('.guard-avatar img');
  const screen = new InspectionScreen(m);
  await screen.goto(activity.id);
  // The event day (it starts within 24 hours): the start is open, and asks first.
  await m.getByRole('button', { name: '活动开始，进入现场监管' }).click();
  await m.locator('.ant-modal:visible').getByRole('button', { name: '确认开始' }).click();
  await expect(m.locator('.onsite-head').getByText('进行中')).toBeVisible();
  await expect(m.locator('.onsite-guard')).toHaveCount(6);
  await expect(photoOf(pictured.name)).toHaveAttribute('src', /^\/photos\/roster\/[0-9a-f-]{36}$/);
  await expect.poll(() => photoOf(pictured.name).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(m.locator('.guard-avatar img')).toHaveCount(1);
  await m.screenshot({ path: path.join(shots, 'onsite-roster.png'), fullPage: true });

  // Online: a uniform problem, found by searching the 保安员证 number.
  const [g1, g2, g3] = onDutyRoster;
  await screen.search(g1.certificateNo);
  await expect(m.locator('.onsite-guard')).toHaveCount(1);
  const drawer = await screen.openChecklist(g1.name, ['着装规范'], '未佩戴保安服务标志');
  await expect(drawer.locator('.onsite-check')).toHaveCount(5);
  await m.screenshot({ path: path.join(shots, 'onsite-checklist.png') });
  await screen.submit();
  await expect(screen.pending).toBeHidden();

  // The service worker has the app on the device before the dead zone.
  await expect.poll(() => m.evaluate(async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);

  // A dead zone: two recordings wait on the device, shown as 待发送.
  await mobile.setOffline(true);
  await expect(screen.netStatus).toContainText('离线');
  await screen.openChecklist(g2.name, ['条例第三十条禁止行为'], '强行搜查观众随身包');
  await screen.submit();
  await screen.recordStranger('王某（无保安员证）', '停车场');
  await expect(screen.pending).toHaveText('待发送 2');
  await screen.tab('待发送');
  await expect(m.getByTestId('queued')).toHaveCount(2);
  await m.screenshot({ path: path.join(shots, 'onsite-offline.png'), fullPage: true });
  const queuedIds: string[] = await m.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('evs-onsite');
        req.onsuccess = () => {
          const all = req.result.transaction('inspections').objectStore('inspections').getAllKeys();
          all.onsuccess = () => resolve(all.result as string[]);
        };
      }),
  );
  expect(queuedIds).toHaveLength(2);

  // The phone drops the tab (the camera took the memory) and the officer opens it again, still with
  // no connection: the app comes from the service worker, with the roster as last seen and both
  // records still waiting.
  await m.reload();
  await expect(m.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });
  await expect(m.locator('.onsite-head')).toContainText(ACTIVITY);
  await expect(m.locator('.onsite-guard')).toHaveCount(6);
  // the photo seen online, from the device (the service worker's photo cache)
  await expect.poll(() => photoOf(pictured.name).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(screen.pending).toHaveText('待发送 2');
  await screen.tab('问题');
  await expect(m.getByText(/离线：显示 .* 的问题记录/)).toBeVisible();
  await expect(m.getByTestId('finding').filter({ hasText: '着装规范' })).toHaveCount(1);
  await screen.tab('待发送');
  await expect(m.getByTestId('queued')).toHaveCount(2);
  await m.screenshot({ path: path.join(shots, 'onsite-offline-reopened.png'), fullPage: true });

  // Back online: sent by itself, exactly once each.
  await mobile.setOffline(false);
  await expect(screen.netStatus).toContainText('在线');
  await expect(screen.pending).toBeHidden({ timeout: 30_000 });
  await expect(m.getByText('没有待发送的记录')).toBeVisible();
  const INSPECTIONS = `query ($id: ID!) { inspections(activityId: $id, page: { pageSize: 100 }) { total items { id personName findings { item serious } } } }`;
  let stored = (await gql(api, INSPECTIONS, { id: activity.id })).inspections;
  expect(stored.total).toBe(3);
  for (const id of queuedIds) expect(stored.items.filter((i: { id: string }) => i.id === id)).toHaveLength(1);
  // The id of a sent check used again for another content is refused and changes nothing (the same
  // check sent again, after a lost answer, gets the stored one: the server's integration tests).
  const reused = await api.post('/graphql', {
    data: {
      query: `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`,
      variables: { input: { id: queuedIds[0], activityId: activity.id, guardId: g3.guardId, results: [], recordedAt: new Date().toISOString() } },
    },
  });
  expect((await reused.json()).errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('该检查编号已用于') });
  stored = (await gql(api, INSPECTIONS, { id: activity.id })).inspections;
  expect(stored.total).toBe(3);
  const items = stored.items.flatMap((i: { findings: { item: string }[] }) => i.findings.map((f) => f.item)).sort();
  expect(items).toEqual(['FORBIDDEN_ACT', 'UNIFORM', 'UNVETTED_ON_DUTY']);

  // A correction, with its time.
  await screen.tab('问题');
  await expect(m.getByTestId('finding')).toHaveCount(3);
  const uniform = m.getByTestId('finding').filter({ hasText: '着装规范' });
  await uniform.getByRole('button', { name: '登记纠正' }).click();
  await m.locator('.ant-modal:visible').getByLabel('纠正情况').fill('已当场佩戴保安服务标志');
  await m.locator('.ant-modal:visible').getByRole('button', { name: '确认纠正' }).click();
  await expect(uniform).toContainText('已纠正');
  await m.screenshot({ path: path.join(shots, 'onsite-findings.png'), fullPage: true });

  // 总结 only after the end: not yet for this one.
  await expect(m.getByTestId('close-from')).toContainText('活动结束后方可总结');
  await expect(m.getByRole('button', { name: '活动总结' })).toBeDisabled();

  // An activity that has ended: 总结 with rating and text; it closes and its company's record follows.
  await screen.goto(ended.id);
  await m.getByRole('button', { name: '活动总结' }).click();
  const closeModal = m.locator('.ant-modal:visible');
  await expect(closeModal).toContainText('此操作不能撤销');
  await closeModal.locator('.ant-rate-star').nth(1).click();
  await closeModal.getByLabel('总结评价').fill('人员到岗及时；证件携带、站姿问题未全部纠正，一名未经审查人员上岗已责令离岗。');
  await m.screenshot({ path: path.join(shots, 'onsite-close.png') });
  await closeModal.getByRole('button', { name: '确认总结' }).click();
  await expect(m.locator('.onsite-head').getByText('已总结')).toBeVisible();
  expect(await score()).not.toBe(scoreBefore);

  // The activity's page leads to every stage it has reached; the timeline shows it all, printable.
  await page.goto(`/activities/${activity.id}`);
  const stages = page.getByTestId('activity-stage-pages');
  for (const label of ['审核通报', '岗前培训', '现场监管', '活动台账']) {
    await expect(stages.getByRole('button', { name: label })).toBeVisible({ timeout: 60_000 });
  }
  await stages.getByRole('button', { name: '活动台账' }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline/${activity.id}$`));
  await expect(page.getByRole('heading', { name: /安保工作台账/ })).toBeVisible({ timeout: 60_000 });
  for (const text of ['安排岗前培训', '安排补训', '培训结果', '严重问题', '已纠正', '待上岗 → 进行中']) {
    await expect(page.getByTestId('timeline-entry').filter({ hasText: text }).first()).toBeVisible();
  }
  await page.screenshot({ path: path.join(shots, 'onsite-timeline.png'), fullPage: true });
  await mobile.close();
  await desk.close();
});
