import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { apiLogin } from '../support/api';

/**
 * Issue 10 from the screens of a hostile company and a curious organizer (demo data): a cleared
 * guard on an open roster cannot be renamed through the form; the company's roster shows a pending
 * guard with a record exactly like a clean one; the organizer reads neither a pending guard nor its
 * relatives' or records' details.
 */
const expect = baseExpect.configure({ timeout: 45_000 });
const shots = path.join(__dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });

async function pageAs(browser: Browser, username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const { me, error } = await apiLogin(context.request, username);
  expect(me, error).toBeTruthy();
  return context.newPage();
}

async function gql<T = any>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await request.post('/graphql', { data: { query, variables } });
  return res.json();
}

const ENTRIES = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 200 }) { items { id guardId guardName companyId decision hitCount } } }`;
const ACTIVITIES = `query($s: [ActivityStatus!]) { vettingActivities(statuses: $s, page: { pageSize: 50 }) { items { id name status } } }`;

test('a cleared guard on an open roster cannot be renamed: the form greys the name out and says why, and the API refuses a rename sent anyway', async ({ browser }) => {
  const company = await pageAs(browser, 'company1');
  // The company's activities past vetting, and a cleared guard of its own on one of them.
  const acts = (await gql(company.request, ACTIVITIES, { s: ['TRAINING', 'READY', 'IN_PROGRESS'] })).data!.vettingActivities.items as { id: string; name: string }[];
  let guard: { guardId: string; guardName: string; activity: string } | undefined;
  for (const a of acts) {
    const items = (await gql(company.request, `query($id: ID!) { rosterEntries(activityId: $id, filter: { decision: PASSED }) { items { guardId guardName } } }`, { id: a.id })).data?.rosterEntries.items ?? [];
    if (items.length) {
      guard = { ...items[0], activity: a.name };
      break;
    }
  }
  expect(guard, 'company1 has a cleared guard on an open roster in the demo data').toBeTruthy();

  await company.goto(`/guards/${guard!.guardId}`);
  const name = company.getByLabel('姓名');
  await expect(name).toHaveValue(guard!.guardName);
  // The form says what is locked, on which roster, and what to do instead; the locked fields are greyed out.
  const lock = company.locator('.ant-alert').filter({ hasText: '不能修改' });
  await expect(lock).toContainText(guard!.activity);
  await expect(lock).toContainText('须待活动结束后再修改');
  await expect(name).toBeDisabled();
  await expect(company.getByLabel('保安员证号')).toBeDisabled();
  await company.screenshot({ path: path.join(shots, 'integrity-rename-refused.png'), fullPage: true });

  // Sent anyway (past the form): the API refuses, naming the activity, and nothing changes.
  const { data } = await gql(company.request, `query($id: ID!) { guard(id: $id) { education } }`, { id: guard!.guardId });
  const refused = await gql(company.request, `mutation($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id } }`, {
    id: guard!.guardId,
    input: { name: '冒名顶替', education: data!.guard.education },
  });
  expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  expect(refused.errors?.[0]?.message).toContain(guard!.activity);
  await company.reload();
  await expect(company.getByLabel('姓名')).toHaveValue(guard!.guardName);
});

test('the company’s roster shows a pending guard with a record like a clean one; the organizer sees neither', async ({ browser }) => {
  const officer = await pageAs(browser, 'baoan');
  // A roster in vetting with an undecided entry that has a hit (the demo city games), as the detachment knows it.
  const acts = (await gql(officer.request, ACTIVITIES, { s: ['VETTING'] })).data!.vettingActivities.items as { id: string; name: string }[];
  let found: { activityId: string; hit: { guardId: string; guardName: string; companyId: string }; clean?: { guardName: string } } | undefined;
  for (const a of acts) {
    const items = (await gql(officer.request, ENTRIES, { id: a.id })).data!.rosterEntries.items as { guardId: string; guardName: string; companyId: string; decision: string; hitCount: number }[];
    const hit = items.find((e) => e.decision === 'PENDING' && e.hitCount > 0);
    if (hit) {
      found = { activityId: a.id, hit, clean: items.find((e) => e.decision === 'PENDING' && e.hitCount === 0 && e.companyId === hit.companyId) };
      break;
    }
  }
  expect(found, 'the demo data has a pending entry with a hit').toBeTruthy();
  const { activityId, hit } = found!;
  const username = (await gql(officer.request, `query($id: ID!) { company(id: $id) { name } }`, { id: hit.companyId })).data!.company.name.includes('辽河') ? 'company1' : 'company2';

  const company = await pageAs(browser, username);
  await company.goto(`/roster?activity=${activityId}`);
  const row = company.locator('tr.ant-table-row').filter({ hasText: hit.guardName });
  await expect(row).toContainText('待审核');
  for (const word of ['本人', '亲属', '记录', '比中', '建议']) await expect(row).not.toContainText(word);
  if (found!.clean) {
    const cleanRow = company.locator('tr.ant-table-row').filter({ hasText: found!.clean.guardName });
    const text = (s: string, n: string) => s.replace(n, '').replace(/\d{6}\*{8}\d{3}[\dX]/, '');
    expect(text(await row.locator('td').nth(3).innerText(), hit.guardName)).toBe(text(await cleanRow.locator('td').nth(3).innerText(), found!.clean.guardName));
  }
  await company.screenshot({ path: path.join(shots, 'integrity-roster-company.png'), fullPage: true });
  const asked = await gql(company.request, `query($id: ID!) { rosterEntries(activityId: $id) { items { guardName reasonCategory } } }`, { id: activityId });
  const mine = (asked.data!.rosterEntries.items as { guardName: string; reasonCategory: string | null }[]).find((e) => e.guardName === hit.guardName);
  expect(mine?.reasonCategory).toBeNull();

  // The organizer of that activity: the guard is nobody it may read, and the notice names only cleared guards.
  const organizerOf = (await gql(officer.request, `query($id: ID!) { activity(id: $id) { organizerName } }`, { id: activityId })).data!.activity.organizerName as string;
  const orgUser = organizerOf.includes('体育中心') ? 'organizer2' : 'organizer1';
  const organizer = await pageAs(browser, orgUser, { width: 360, height: 780 });
  const guard = await gql(organizer.request, `query($id: ID!) { guard(id: $id) { name phone } }`, { id: hit.guardId });
  expect(guard.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  await organizer.goto(`/vetting/notice/${activityId}`);
  const notice = organizer.locator('.vetting-notice');
  await expect(notice).toContainText('审核通过人员名单');
  await expect(notice).not.toContainText(hit.guardName);
  await organizer.screenshot({ path: path.join(shots, 'integrity-notice-organizer-phone.png'), fullPage: true });
});
