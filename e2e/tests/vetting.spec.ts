import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { demoImportPeople as P } from '../../apps/server/src/database/seed/demo-vetting-people';
import { apiLogin } from '../support/api';
import { journey } from '../support/test-modes';

test.use(journey);

/**
 * The vetting journey (issue 4) from fresh demo data: company1 imports part of its roster with a bad
 * row and fixes it, submits the marathon's roster; the detachment sees a guard's own record and a
 * father's record, decides; company1 replaces the failed guard; vetting closes; the company and the
 * organizer each read their notice, and neither ever sees the relative's record.
 */
const expect = baseExpect.configure({ timeout: 60_000 });
const shots = path.join(__dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });
const MARATHON = /马拉松/;
const HEADER = ['姓名', '身份证号', '手机号', '保安员证号', '发证日期', '学历', '父亲姓名', '父亲身份证号', '母亲姓名', '母亲身份证号'];

async function pageAs(browser: Browser, username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const { me, error } = await apiLogin(context.request, username);
  expect(me, error).toBeTruthy();
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

function csv(rows: string[][]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: '保安员名册.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n'), 'utf8') };
}

function roster(caoId: string): string[][] {
  return [
    HEADER,
    [P.selfHit.name, P.selfHit.idNumber, '13904271001', P.selfHit.certificateNo, '2019-05-01', P.selfHit.education, '', '', '', ''],
    [P.relativeHit.name, P.relativeHit.idNumber, '13904271002', P.relativeHit.certificateNo, '2020-05-01', P.relativeHit.education, P.relativeHit.father.name, P.relativeHit.father.idNumber, '', ''],
    [P.clean.name, P.clean.idNumber, '13904271003', P.clean.certificateNo, '2021-05-01', P.clean.education, '', '', P.clean.mother.name, P.clean.mother.idNumber],
    [P.replacement.name, caoId, '13904271004', P.replacement.certificateNo, '2022-05-01', P.replacement.education, '', '', '', ''],
  ];
}

async function chooseActivity(page: Page, name: RegExp) {
  await page.getByRole('combobox').first().click();
  await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
}

/** Decides every entry still waiting in the workbench: own Art. 17 suggestion → 不通过, the rest → 通过 with a note. */
async function decideRemaining(page: Page) {
  await page.locator('.ant-card-extra').getByRole('combobox').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '待审核' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const none = page.getByText('没有符合条件的人员');
  for (let i = 0; i < 40; i++) {
    // the list as the server has it now: a row still waiting, or none left
    await expect(rows.first().or(none)).toBeVisible();
    if (await none.isVisible()) return;
    const row = rows.first();
    const key = await row.getAttribute('data-row-key');
    const failed = (await row.innerText()).includes('条例第十七条');
    // named after the row (「通过 张三」)
    await row.getByRole('button', { name: failed ? /^不通过 / : /^通过 / }).click();
    const dialog = page.locator('.ant-modal:visible');
    if (!failed) await dialog.locator('textarea').fill('已核实，不影响担任保安员');
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toHaveCount(0);
    // decided, it leaves the 待审核 list once the list is read again; only then is the next first row
    // current (a count taken before that saw the decided row, which was gone when it was read)
    await expect(page.locator(`.ant-table-tbody tr[data-row-key="${key}"]`)).toHaveCount(0);
  }
  throw new Error('more than 40 entries left to decide');
}

test('vetting journey: import with a bad row, submit, decide, replace, close, notices by tier', async ({ browser }) => {
  test.setTimeout(480_000);
  const company = await pageAs(browser, 'company1');

  // 1. The company imports part of its roster: the preview lists the bad row; fixed, it imports.
  await company.goto('/roster');
  await chooseActivity(company, MARATHON);
  await expect(company).toHaveURL(/activity=/);
  const activityId = new URL(company.url()).searchParams.get('activity')!;
  await company.getByRole('tab', { name: '批量导入名册' }).click();
  const badId = P.replacement.idNumber.slice(0, 17) + (P.replacement.idNumber.endsWith('0') ? '1' : '0');
  await company.locator('input[type=file]').setInputFiles(csv(roster(badId)));
  await company.getByRole('button', { name: '预览校验' }).click();
  const problems = company.locator('.ant-table').filter({ hasText: '问题行' });
  await expect(problems).toContainText('身份证号');
  await expect(problems.locator('tr.ant-table-row').first()).toContainText('5');
  await expect(company.getByText(/有问题1行/)).toBeVisible();
  await company.screenshot({ path: path.join(shots, 'vetting-import-preview.png'), fullPage: true });

  await company.locator('input[type=file]').setInputFiles(csv(roster(P.replacement.idNumber)));
  await company.getByRole('button', { name: '预览校验' }).click();
  await expect(company.getByText(/无误4行，有问题0行/)).toBeVisible();
  await company.getByRole('button', { name: /确认导入/ }).click();
  await expect(company.getByText(/已导入：新增4/)).toBeVisible();

  // 2. …picks the rest from its register (pre-checked) and submits.
  await company.getByRole('tab', { name: '从名册选择' }).click();
  await company.getByRole('button', { name: '按所需人数补选预审无问题的人员' }).click();
  const submit = company.getByRole('button', { name: /上报名单（\d+人）/ });
  await expect(submit).toHaveText(/上报名单（30人）/);
  await submit.click();
  // An irreversible step asks first and says what happens.
  const confirm = company.locator('.ant-modal-confirm:visible');
  await expect(confirm).toContainText('交保安管理支队进行背景审核');
  await confirm.getByRole('button', { name: '确认上报' }).click();
  // What the 3-second toast says (已上报30人；活动状态：背景审核), read from the page itself: on a
  // loaded machine the toast can come and go while the confirm dialog still waits for the refresh.
  await expect(confirm).toHaveCount(0);
  const rosterCard = company.locator('.ant-card').filter({ hasText: '当前名单' });
  await expect(rosterCard).toContainText('当前名单（30人）');
  await expect(company.locator('.ant-descriptions-item').filter({ hasText: /^状态/ })).toContainText('背景审核');
  await expect(rosterCard).toContainText(P.selfHit.name);
  await company.screenshot({ path: path.join(shots, 'vetting-roster-company.png'), fullPage: true });

  // 3. The detachment sees the guard's own record and the father's record, and decides.
  const officer = await pageAs(browser, 'baoan');
  await officer.goto(`/vetting?activity=${activityId}`);
  await officer.locator('.ant-card-extra').getByRole('combobox').click();
  await officer.locator('.ant-select-item-option').filter({ hasText: '比中记录' }).click();
  const selfRow = officer.locator('tr.ant-table-row').filter({ hasText: P.selfHit.name });
  const relRow = officer.locator('tr.ant-table-row').filter({ hasText: P.relativeHit.name });
  await expect(selfRow).toContainText('不通过');
  await expect(selfRow).toContainText('故意犯罪刑事处罚');
  // The reason names the relation; who it is (stored encrypted) shows in the detail.
  await expect(relRow).toContainText('父亲有');
  await relRow.locator('.ant-table-row-expand-icon').click();
  await expect(officer.getByText(P.relativeHit.father.name).first()).toBeVisible();
  await expect(officer.getByText(P.relativeHit.father.idNumber).first()).toBeVisible();
  await expect(officer.getByText('强制隔离戒毒').first()).toBeVisible();
  await officer.screenshot({ path: path.join(shots, 'vetting-workbench.png'), fullPage: true });

  await officer.getByRole('button', { name: '一键通过无异常' }).click();
  const passAll = officer.locator('.ant-modal-confirm:visible');
  await passAll.locator('.ant-btn-primary').click();
  // Done when the dialog has closed (it waits for the pass and the refresh) and the counts show the
  // passed guards; not the 3-second toast, which a loaded machine can show and hide between two looks.
  await expect(passAll).toHaveCount(0);
  await expect(officer.locator('.ant-descriptions-item').filter({ hasText: /^名单/ })).toContainText(/通过[1-9]/);
  // the list as the server has it after the bulk pass (the page re-reads it in the background; a
  // row picked before that would be one just passed, and its decision refused as out of date)
  await officer.reload();
  await decideRemaining(officer);

  // 4. The company replaces the failed guard with an eligible one from its register.
  await company.goto(`/roster?activity=${activityId}`);
  await expect(company.getByText(/审核未通过，请替换或移出名单/)).toBeVisible();
  const replaceButton = company.locator('button', { hasText: /^替\s?换$/ });
  const replaceButtons = company.locator('tr.ant-table-row').locator(replaceButton);
  await expect(replaceButtons.first()).toBeVisible();
  for (let i = 0; i < 5; i++) {
    if ((await replaceButtons.count()) === 0) break;
    const failedRow = company.locator('tr.ant-table-row').filter({ has: replaceButton }).first();
    const key = await failedRow.getAttribute('data-row-key');
    await failedRow.locator(replaceButton).click();
    const dialog = company.locator('.ant-modal:visible');
    await dialog.locator('.ant-radio-input').first().check();
    await dialog.locator('.ant-btn-primary').click();
    // Replaced when the dialog has closed (it stays open on a refusal) and the list, read again, no
    // longer offers to replace that entry: the next failed row is only taken from the list after that
    // (a row read before the refresh would be the one just replaced, and its replacement refused).
    await expect(dialog).toHaveCount(0);
    await expect(company.locator(`tr.ant-table-row[data-row-key="${key}"]`).locator(replaceButton)).toHaveCount(0);
  }
  await expect(replaceButtons).toHaveCount(0);

  // 5. The detachment decides the replacement; vetting closes (if reuse did not already close it).
  const status = async () =>
    (await (await officer.request.post('/graphql', {
      data: { query: 'query($id: ID!) { vettingSummary(activityId: $id) { activity { status } } }', variables: { id: activityId } },
    })).json()).data.vettingSummary.activity.status;
  if ((await status()) === 'VETTING') {
    await officer.goto(`/vetting?activity=${activityId}`);
    await expect(officer.getByText(/尚不能结束背景审核/)).toBeVisible();
    await decideRemaining(officer);
  }
  const summary = await officer.request.post('/graphql', {
    data: { query: 'query($id: ID!) { vettingSummary(activityId: $id) { closed activity { status } } }', variables: { id: activityId } },
  });
  expect((await summary.json()).data.vettingSummary).toEqual({ closed: true, activity: { status: 'TRAINING' } });

  // 6. Notices: the company sees per-guard results with the reason category; never the father's record.
  await company.goto(`/vetting/notice/${activityId}`);
  const notice = company.locator('.vetting-notice');
  await expect(notice).toContainText(P.selfHit.name);
  await expect(notice).toContainText('本人违法犯罪记录');
  await expect(notice).toContainText('已替换');
  await expect(notice).not.toContainText(P.relativeHit.father.name);
  await expect(notice).not.toContainText(P.selfHit.idNumber);
  await company.screenshot({ path: path.join(shots, 'vetting-notice-company.png'), fullPage: true });
  const excel = await company.request.get(`/exports/vetting/${activityId}.xlsx`);
  expect(excel.status()).toBe(200);
  const forbidden = await company.request.post('/graphql', {
    data: { query: 'query($id: ID!) { rosterEntries(activityId: $id) { items { relatives { name } hits { subjectName } } } }', variables: { id: activityId } },
  });
  const denied = await forbidden.json();
  expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
  expect(JSON.stringify(denied)).not.toContain(P.relativeHit.father.name);

  // …the organizer sees the counts and the cleared roster only (phone width).
  const organizer = await pageAs(browser, 'organizer1', { width: 360, height: 780 });
  await organizer.goto('/vetting/notices');
  await organizer.getByRole('link', { name: MARATHON }).first().click();
  const orgNotice = organizer.locator('.vetting-notice');
  await expect(orgNotice).toContainText('审核通过人员名单（30人）');
  await expect(orgNotice).toContainText(P.relativeHit.name);
  await expect(orgNotice).not.toContainText(P.selfHit.name);
  await expect(orgNotice).not.toContainText(P.relativeHit.father.name);
  await expect(orgNotice).not.toContainText(P.relativeHit.idNumber);
  await organizer.screenshot({ path: path.join(shots, 'vetting-notice-organizer-phone.png'), fullPage: true });
  const orgList = await organizer.request.post('/graphql', {
    data: { query: 'query($id: ID!) { rosterEntries(activityId: $id) { items { guardName } } }', variables: { id: activityId } },
  });
  expect((await orgList.json()).errors[0].extensions.code).toBe('FORBIDDEN');
});
