import { expect as baseExpect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { withCreditCheckChar, withIdCheckDigit } from '../../packages/schema/src/validation';
import { firstLogin, importCsv, pick, takeAccountNotice, twoChars } from '../pages/OnboardingPages';
import { gql, TrainingPage } from '../pages/OnsitePages';
import { ComparisonPage, fillPicker } from '../pages/SelectionPages';
import { onboardingServer, setServerClockAhead, startServer, type RunningServer } from '../support/server';
import { journey } from '../support/test-modes';

test.use(journey);

/**
 * A real deployment (issue 11): the server starts on an empty database with SEED_DEMO=false — the
 * reference units from the plan and `admin` with ADMIN_INITIAL_PASSWORD, nothing else. Every other
 * unit and account is created here through the UI, each account logs in first with the one-time
 * password of its 开户通知 and must change it, and one activity goes all the way to 已总结 (CLOSED).
 */
const expect = baseExpect.configure({ timeout: 60_000 });
const shots = path.join(__dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });

test.describe.configure({ mode: 'serial' });

let server: RunningServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  setServerClockAhead(0);
  server = await startServer(
    {
      SEED_DEMO: 'false',
      ADMIN_INITIAL_PASSWORD: onboardingServer.adminPassword,
      AUDITOR_INITIAL_PASSWORD: onboardingServer.auditorPassword,
      TEST_CLOCK_OFFSET_FILE: onboardingServer.clockFile,
    },
    onboardingServer.port,
    onboardingServer.dataDir,
  );
});
test.afterAll(async () => {
  await server?.stop();
});

const creditCode = (n: number) => withCreditCheckChar(`91211100MA0E2E${String(n).padStart(3, '0')}`);
const idNumber = (birth: string, n: number) => withIdCheckDigit(`211102${birth.replace(/-/g, '')}${String(n).padStart(3, '0')}`);
const GUARD_HEADER = ['姓名', '身份证号', '手机号', '保安员证号', '发证日期', '学历', '父亲姓名', '父亲身份证号', '母亲姓名', '母亲身份证号'];
/** Three guards with a 保安员证 and their parents (vetting needs the immediate relatives declared). */
const guards = (prefix: string, base: number) =>
  [1, 2, 3].map((i) => {
    const n = ['一', '二', '三'][i - 1];
    return [
      `${prefix}${n}`, idNumber(`198${i}-0${i}-1${i}`, base + i), `1390427${base}${i}0`.slice(0, 11), `辽盘保${base + i}`, '2022-05-01', '高中',
      `${prefix}父${n}`, idNumber(`195${i}-0${i}-2${i}`, (base + i) * 2 + 1), `${prefix}母${n}`, idNumber(`195${i}-0${i}-2${i}`, (base + i) * 2),
    ];
  });

/** `YYYY-MM-DD HH:mm` in Beijing time, `minutes` from now, on a 10-minute step. */
function beijing(minutes: number): string {
  const t = Math.ceil((Date.now() + minutes * 60_000) / 600_000) * 600_000;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

test('a new deployment: admin’s first login → every unit and account through the UI → a closed activity', async ({ browser }) => {
  // Six roles, each with a first login, on a CI machine shared with other runs: allow a slow day.
  test.setTimeout(1_800_000);
  const base = onboardingServer.url;

  // 1. admin: first login with ADMIN_INITIAL_PASSWORD, forced to change it.
  const admin = await firstLogin(browser, base, 'admin', onboardingServer.adminPassword);
  await admin.goto('/admin/users');
  await admin.getByRole('tab', { name: '单位' }).click();
  const unitRow = (name: string) => admin.locator('tr.ant-table-row').filter({ has: admin.getByText(name, { exact: true }) });
  await expect(unitRow('大洼公安分局')).toBeVisible();
  await admin.screenshot({ path: path.join(shots, 'onboarding-units-empty.png'), fullPage: true });

  /** 增开账号 on a reference unit; returns the one-time password from its 开户通知. */
  async function openAccount(unitName: string, username: string, displayName: string, shot?: string) {
    await unitRow(unitName).getByRole('button', { name: '增开账号' }).click();
    const dialog = admin.getByRole('dialog', { name: `为“${unitName}”增开账号` });
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('使用人姓名').fill(displayName);
    await dialog.getByRole('button', { name: twoChars('开设') }).click();
    return takeAccountNotice(admin, shot ? async () => {
      await admin.screenshot({ path: path.join(shots, `${shot}.png`) });
      // On paper only the notice: the page behind and the buttons stay off.
      await admin.emulateMedia({ media: 'print' });
      await expect(admin.locator('#root')).toBeHidden();
      await expect(admin.getByRole('button', { name: '已交付，关闭' })).toBeHidden();
      await admin.screenshot({ path: path.join(shots, `${shot}-print.png`) });
      await admin.emulateMedia({ media: 'screen' });
    } : undefined);
  }
  const leaderAccount = await openAccount('前置大型活动保安公司资质审核领导小组', 'zuzhang', '刘组长');
  const detachmentAccount = await openAccount('市公安局保安管理支队', 'zhidui1', '王宝军', 'onboarding-account-notice');
  const bureauAccount = await openAccount('大洼公安分局', 'dawa1', '杨警官');
  await expect(unitRow('大洼公安分局')).toContainText('1');

  // 2. 保安管理支队: registers a company with its manager's account, imports two more, and their guards.
  const baoan = await firstLogin(browser, base, detachmentAccount.username, detachmentAccount.password);
  await baoan.goto('/companies/new');
  await baoan.getByLabel('公司名称').fill('盘锦新港保安服务有限公司');
  await baoan.getByLabel('统一社会信用代码').fill(creditCode(1));
  await baoan.getByLabel('保安服务许可证号').fill('辽公保服30001');
  await fillPicker(baoan, '许可证有效期至', '2030-12-31');
  await baoan.getByLabel('注册资本（元）').fill('5000000');
  await baoan.getByLabel('住所').fill('盘锦市大洼区新港路1号');
  await pick(baoan, '辖区', '大洼');
  await baoan.getByLabel('联系人').fill('韩经理');
  await baoan.getByLabel('联系电话').fill('13904275555');
  await baoan.getByText('同时为该公司开设登录账号').click();
  await baoan.getByLabel('用户名').fill('xingang');
  await baoan.getByLabel('使用人姓名').fill('韩经理');
  await baoan.getByRole('button', { name: twoChars('登记') }).click();
  const companyAccount = await takeAccountNotice(baoan);
  await expect(baoan).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);

  await baoan.goto('/companies/import');
  await importCsv(baoan, '保安服务公司名册.csv', [
    ['公司名称', '统一社会信用代码', '保安服务许可证号', '许可证有效期至', '注册资本（元）', '住所', '辖区', '联系人', '联系电话'],
    ['盘锦东城保安服务有限公司', creditCode(2), '辽公保服30002', '2029-06-30', '300万', '盘锦市兴隆台区东城路2号', '兴隆台', '刘经理', '13904276666'],
    ['盘锦北辰保安服务有限公司', creditCode(3), '辽公保服30003', '2029-06-30', '2000000', '盘锦市双台子区北辰路3号', '双台子', '赵经理', '13904277777'],
  ], 2);
  await expect(baoan).toHaveURL(/\/companies$/);
  for (const [i, name] of ['盘锦东城保安服务有限公司', '盘锦北辰保安服务有限公司'].entries()) {
    await baoan.getByRole('link', { name }).click();
    await baoan.getByRole('tab', { name: /保安员/ }).click();
    await baoan.getByRole('button', { name: '批量导入' }).click();
    const dialog = baoan.getByRole('dialog', { name: '批量导入保安员名册' });
    await importCsv(dialog, `${name}.csv`, [GUARD_HEADER, ...guards(['东城', '北辰'][i], 20 + i * 10)], 3);
    await expect(dialog.getByText(/已导入：新增3/)).toBeVisible();
    await baoan.locator('.ant-modal-close:visible').click();
    await baoan.goto('/companies');
  }

  // 3. The company's manager: first login, imports the company's guard register.
  const company = await firstLogin(browser, base, companyAccount.username, companyAccount.password);
  await company.goto('/guards');
  await company.getByRole('button', { name: '批量导入' }).click();
  const guardDialog = company.getByRole('dialog', { name: '批量导入保安员名册' });
  await importCsv(guardDialog, '新港名册.csv', [GUARD_HEADER, ...guards('新港', 50)], 3);
  await expect(guardDialog.getByText(/已导入：新增3/)).toBeVisible();

  // 4. 大洼公安分局: registers the activity, creating the organizer (and its account) on the spot.
  const dawa = await firstLogin(browser, base, bureauAccount.username, bureauAccount.password);
  await dawa.goto('/activities/new');
  await dawa.getByRole('button', { name: '新建主办单位' }).click();
  const orgDialog = dawa.getByRole('dialog', { name: '新建主办单位' });
  await orgDialog.getByLabel('单位名称').fill('盘锦湿地文化节组委会');
  await orgDialog.getByLabel('统一社会信用代码').fill(creditCode(9));
  await orgDialog.getByLabel('联系人').fill('孔主任');
  await orgDialog.getByLabel('联系电话').fill('13904278888');
  await orgDialog.getByLabel('用户名').fill('wetland');
  await dawa.screenshot({ path: path.join(shots, 'onboarding-new-organizer.png') });
  await orgDialog.getByRole('button', { name: twoChars('新建') }).click();
  const organizerAccount = await takeAccountNotice(dawa);
  await expect(dawa.getByLabel('主办单位', { exact: true })).toHaveValue('盘锦湿地文化节组委会');

  const startsAt = beijing(180);
  const endsAt = beijing(240);
  await dawa.getByLabel('活动名称').fill('盘锦湿地文化节开幕式');
  await dawa.getByLabel('活动类型').fill('庆典');
  await dawa.getByLabel('活动场所').fill('红海滩国家风景廊道');
  await dawa.getByLabel('详细地址').fill('盘锦市大洼区赵圈河镇');
  await fillPicker(dawa, '开始时间', startsAt);
  await fillPicker(dawa, '结束时间', endsAt);
  await dawa.getByLabel('预计人数（每场）').fill('1500');
  await dawa.getByLabel('所需保安员').fill('2');
  await dawa.getByLabel('联系人').fill('孔主任');
  await dawa.getByLabel('联系电话').fill('13904278888');
  await dawa.getByLabel('岗位分工').fill('入口安检1人，舞台前区1人');
  await dawa.getByRole('button', { name: '保存草稿' }).click();
  await expect(dawa).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
  const activityId = dawa.url().split('/').pop()!;
  await dawa.getByRole('button', { name: twoChars('通报') }).click();
  await dawa.locator('.ant-modal-confirm:visible').getByRole('button', { name: '确认通报' }).click();
  await expect(dawa.locator('.ant-tag').filter({ hasText: '已通报' }).first()).toBeVisible();

  // 5. 保安管理支队 受理 and 请示 the leader with its assessment (seed step 一); the leader, at first login, answers with a 批示.
  await baoan.goto(`/activities/${activityId}`);
  await baoan.getByRole('button', { name: '受理并请示' }).click();
  const request = baoan.getByRole('dialog', { name: '受理通报，向领导请示' });
  await request.getByRole('button', { name: '提交请示' }).click();
  await expect(baoan.getByTestId('instruction-requests')).toContainText('待领导批示');
  const leader = await firstLogin(browser, base, leaderAccount.username, leaderAccount.password);
  await leader.goto(`/activities/${activityId}`);
  await leader.getByRole('button', { name: twoChars('批示') }).click();
  const approve = leader.getByRole('dialog', { name: '领导批示' });
  await approve.getByRole('textbox').fill('同意');
  await approve.getByRole('button', { name: twoChars('同意') }).click();
  await expect(leader.locator('.ant-tag').filter({ hasText: '已批示' }).first()).toBeVisible();

  // 6. 保安管理支队 recommends the three qualified companies.
  await baoan.goto(`/candidates/${activityId}`);
  await expect(baoan.getByText(/具备资格 3 家/)).toBeVisible();
  await baoan.getByRole('button', { name: /推荐候选（3 家）/ }).click();
  await baoan.locator('.ant-modal-confirm:visible').getByRole('button', { name: '确认推荐' }).click();
  await expect(baoan.locator('.ant-tag').filter({ hasText: '已推荐候选' }).first()).toBeVisible();

  // 7. The organizer: first login with the password of its 开户通知, quotes every candidate (遴选 waits for them) and selects the company.
  const organizer = await firstLogin(browser, base, organizerAccount.username, organizerAccount.password);
  await organizer.goto(`/comparison/${activityId}`);
  await expect(organizer.locator('.cmp-table')).toBeVisible();
  expect(await new ComparisonPage(organizer).quoteEveryCandidate([18000, 19500, 21000])).toHaveLength(3);
  await organizer.getByRole('button', { name: '遴选 盘锦新港保安服务有限公司' }).click();
  const select = organizer.getByRole('dialog', { name: '遴选：盘锦新港保安服务有限公司' });
  await select.getByLabel('遴选理由').fill('本地公司，人员充足');
  await select.getByRole('button', { name: '确认遴选' }).click();
  await expect(organizer.getByText('已遴选：盘锦新港保安服务有限公司')).toBeVisible();

  // 8. The company submits its roster from the register.
  await company.goto(`/roster?activity=${activityId}`);
  await company.getByRole('tab', { name: '从名册选择' }).click();
  await company.getByRole('button', { name: '按所需人数补选预审无问题的人员' }).click();
  await company.getByRole('button', { name: /上报名单（2人）/ }).click();
  const confirmSubmit = company.locator('.ant-modal-confirm:visible');
  await confirmSubmit.getByRole('button', { name: '确认上报' }).click();
  // read from the page, not the 3-second toast (see vetting.spec.ts): the roster holds the two
  await expect(confirmSubmit).toHaveCount(0);
  await expect(company.locator('.ant-card').filter({ hasText: '当前名单' })).toContainText('当前名单（2人）');

  // 9. 保安管理支队 vets (the records register is empty: all clean), trains, supervises, closes.
  await baoan.goto(`/vetting?activity=${activityId}`);
  await baoan.getByRole('button', { name: '一键通过无异常' }).click();
  const confirmPass = baoan.locator('.ant-modal-confirm:visible');
  await confirmPass.locator('.ant-btn-primary').click();
  // both cleared: the activity moves on to training (read from the server, not the toast)
  await expect(confirmPass).toHaveCount(0);
  await expectStatus(baoan, activityId, 'TRAINING');

  const training = new TrainingPage(baoan);
  await training.goto(activityId);
  await baoan.getByRole('button', { name: '安排培训' }).click();
  const schedule = baoan.locator('.ant-modal:visible');
  await fillPicker(baoan, '培训时间', beijing(120));
  // the whole session lies before the event (at +180 min): one 学时 of 45 minutes
  await schedule.getByLabel('学时（每学时45分钟）').fill('1');
  await schedule.getByLabel('授课人').fill('王教官');
  await schedule.getByRole('button', { name: twoChars('安排') }).click();
  await expect(schedule).toBeHidden();
  // Results are recorded once the session has begun, and the activity is closed after its end: the
  // server's clock moves there (TEST_CLOCK_OFFSET_FILE). The browser keeps the real time (moving it
  // would end the session by the idle timer), so these two steps go through the officer's API
  // session; the training and on-site screens themselves are covered by calendar.spec and onsite.spec.
  setServerClockAhead(135); // the session starts 120–130 min from when it was scheduled (a 10-minute step)
  const { training: held } = await gql(baoan.request, `query ($id: ID!) { training(activityId: $id) { sessions { id attendance { rosterEntryId } } } }`, { id: activityId });
  const [session] = held.sessions;
  const scores = ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'].map((topic) => ({ topic, score: 90 }));
  await gql(baoan.request, `mutation ($s: ID!, $r: [TrainingResultInput!]!) { recordTrainingResults(sessionId: $s, results: $r) { id } }`, {
    s: session.id,
    r: session.attendance.map((x: { rosterEntryId: string }) => ({ rosterEntryId: x.rosterEntryId, attended: true, scores })),
  });
  await training.goto(activityId);
  await expect(training.onDuty()).toHaveText('2/2');
  await expectStatus(baoan, activityId, 'READY');

  await baoan.goto(`/inspections/${activityId}`);
  await baoan.getByRole('button', { name: '活动开始，进入现场监管' }).click();
  await baoan.locator('.ant-modal:visible').getByRole('button', { name: '确认开始' }).click();
  await expect(baoan.locator('.onsite-head').getByText('进行中')).toBeVisible();
  setServerClockAhead(260); // the event ends 240–250 min from its registration
  await gql(baoan.request, `mutation ($id: ID!) { closeActivity(id: $id, input: { rating: 5, text: "人员到岗及时，秩序良好。" }) { status } }`, { id: activityId });
  await baoan.reload();
  await expect(baoan.locator('.onsite-head').getByText('已总结')).toBeVisible();
  await expectStatus(baoan, activityId, 'CLOSED');

  // Every account that acted was opened through the UI above; the administrator sees them all.
  await admin.goto('/admin/users');
  for (const username of ['zuzhang', 'zhidui1', 'dawa1', 'xingang', 'wetland']) {
    await expect(admin.locator('tr.ant-table-row').filter({ hasText: username })).toBeVisible();
  }
  await admin.screenshot({ path: path.join(shots, 'onboarding-users.png'), fullPage: true });
});

async function expectStatus(page: Page, activityId: string, status: string) {
  await expect
    .poll(async () => (await gql(page.request, `query ($id: ID!) { activity(id: $id) { status } }`, { id: activityId })).activity.status)
    .toBe(status);
}
