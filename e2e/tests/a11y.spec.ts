import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { LoginPage } from '../pages/LoginPage';
import { apiLogin } from '../support/api';
import { seriousViolations, wcagViolations } from '../support/axe';

/**
 * WCAG 2.1 AA (GB/T 37668) with axe-core on every page a role reaches: its menu, the first detail
 * page linked from each list, every route with an id (opened with a real id from the demo data the
 * role can see), the pages outside the menu, and the login page. Any critical or serious violation
 * fails, and the report names the rule, the page and the elements.
 */
const roles = ['admin', 'auditor', 'leader', 'office', 'baoan', 'dahuo', 'panshan', 'company1', 'organizer1'];

/**
 * The routes outside the menu (apps/web/src/app/routes.tsx) and who may open them; `:activity`,
 * `:company`, `:guard` and `:session` are filled from what the role itself can read.
 */
const ALL = roles;
const extraRoutes: [string, string[]][] = [
  ['/account', ALL],
  ['/notifications', ALL],
  ['/change-password', ALL],
  ['/overview/list?kind=ACTIVITIES', ['office', 'leader']],
  ['/activities/:activity', ['office', 'leader', 'baoan', 'dahuo', 'panshan', 'organizer1', 'company1']],
  ['/activities/:activity/edit', ['dahuo', 'panshan']],
  ['/timeline/:activity', ['office', 'leader', 'baoan', 'dahuo', 'panshan', 'organizer1', 'company1']],
  ['/vetting/notice/:activity', ['office', 'leader', 'baoan', 'dahuo', 'panshan', 'organizer1', 'company1']],
  ['/candidates/:activity', ['baoan', 'office', 'leader']],
  ['/comparison/:activity', ['organizer1', 'baoan', 'office', 'leader', 'dahuo', 'panshan']],
  ['/training/:activity', ['baoan', 'company1', 'office', 'leader', 'dahuo']],
  ['/training/sessions/:session/sheet', ['baoan', 'company1', 'office', 'leader']],
  ['/inspections/:activity', ['baoan', 'company1', 'office', 'leader']],
  ['/companies/:company', ['baoan', 'office', 'leader', 'dahuo', 'panshan', 'organizer1']],
  ['/companies/:company/edit', ['baoan']],
  ['/companies/new', ['baoan']],
  ['/companies/import', ['baoan']],
  ['/guards/new', ['baoan', 'company1']],
  ['/guards/:guard', ['baoan', 'company1']],
];

/** The further an activity is, the more its pages show (roster, training, inspections). */
const stageOrder = ['IN_PROGRESS', 'CLOSED', 'READY', 'TRAINING', 'VETTING', 'COMPANY_SELECTED', 'CANDIDATES_RECOMMENDED', 'APPROVED', 'REPORTED', 'DRAFT'];

async function gql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T | undefined> {
  const res = await request.post('/graphql', { data: { query, variables } });
  const body = (await res.json()) as { data?: T };
  return body.data ?? undefined;
}

/** Ids the role can read: its furthest activity, a company, a guard, a training session. */
async function idsFor(request: APIRequestContext): Promise<Record<string, string | undefined>> {
  const acts = await gql<{ activities: { items: { id: string; status: string }[] } }>(
    request,
    'query { activities(page: { page: 1, pageSize: 100 }) { items { id status } } }',
  );
  const items = [...(acts?.activities.items ?? [])].sort((a, b) => stageOrder.indexOf(a.status) - stageOrder.indexOf(b.status));
  const activity = items[0]?.id;
  const companies = await gql<{ companies: { items: { id: string }[] } }>(request, 'query { companies(page: { page: 1, pageSize: 1 }) { items { id } } }');
  const guards = await gql<{ guards: { items: { id: string }[] } }>(request, 'query { guards(page: { page: 1, pageSize: 1 }) { items { id } } }');
  let session: string | undefined;
  for (const a of items.slice(0, 5)) {
    const t = await gql<{ training: { sessions: { id: string }[] } }>(request, 'query ($id: ID!) { training(activityId: $id) { sessions { id } } }', { id: a.id });
    session = t?.training.sessions[0]?.id;
    if (session) break;
  }
  return { activity, company: companies?.companies.items[0]?.id, guard: guards?.guards.items[0]?.id, session };
}

interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function scan(page: Page, label: string): Promise<Finding[]> {
  // the page's data has arrived: no spinner left (antd Spin / Skeleton, the plain ones of the first load and the on-site screen)
  await expect(page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active, .boot-loading, .onsite-loading')).toHaveCount(0, { timeout: 60_000 });
  // and settled: no colour still fading (a button just enabled), which axe would measure halfway
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
  // antd's invisible row that measures column widths of scrolling tables (aria-hidden, never shown)
  const violations = await wcagViolations(page, { exclude: ['.ant-table-measure-row'] });
  return seriousViolations(violations)
    .map((v) => ({ page: label, rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.page}: [${f.impact}] ${f.rule} — ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

test('the login page has no critical or serious accessibility violation, also with its messages shown', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const findings = await scan(page, '/login');
  // its controls are its own (no component library on the first screen): scan the refusals too
  await login.submit.click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  findings.push(...(await scan(page, '/login (empty fields)')));
  await login.login('liaodongwan', 'wrong-password-1');
  await expect(login.error).toBeVisible();
  findings.push(...(await scan(page, '/login (refused)')));
  expect(findings, report(findings)).toEqual([]);
});

test('the scan itself reports what it must: a planted image without alt text and a button without a name', async ({ page }) => {
  await new LoginPage(page).goto();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/favicon.svg';
    document.body.append(img, document.createElement('button'));
  });
  const rules = (await scan(page, '/login (planted)')).map((f) => f.rule);
  expect(rules).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
});

/** Pages with a root of their own (no signed-in layout): always opened by loading them. */
const OWN_ROOT = /^\/(inspections\/|change-password|account\/two-factor)/;

/**
 * Opens `path` inside the app when it is a page of the signed-in layout and one already shows: the
 * router's own navigation (history + popstate), as a click on a link does, instead of loading the whole
 * app again for every page (on 2 cores a reload cost each page 0.3–1 s). Done once the page that was
 * shown has been replaced: the router keeps the old page on screen until the new one has rendered.
 */
async function open(page: Page, path: string) {
  const inApp = !OWN_ROOT.test(path) && (await page.locator('main.app-content').count()) > 0;
  if (!inApp) {
    await page.goto(path);
    return;
  }
  if ((await page.evaluate(() => window.location.pathname + window.location.search)) === path) return; // already there
  await page.evaluate((to) => {
    for (const shown of document.querySelectorAll('main.app-content > *')) shown.setAttribute('data-a11y-left', '');
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
  await expect(page.locator('[data-a11y-left]'), `${path}: the page shown before is still there`).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('main.app-content > *').first()).toBeAttached();
}

test('the scans’ in-app navigation waits for the page asked for: what is scanned is that page, not the one before', async ({ page }) => {
  const { me, error } = await apiLogin(page.request, 'office');
  expect(me, error).toBeTruthy();
  await page.goto('/account');
  await expect(page.locator('main.app-content')).toContainText('登录设备');
  await open(page, '/notifications');
  // at once, with no further wait: the account page has gone and the notices page is there
  expect(await page.locator('main.app-content').innerText()).not.toContain('登录设备');
  await expect(page.locator('main.app-content')).toContainText('站内通知');
  expect(new URL(page.url()).pathname).toBe('/notifications');
});

/** Scans each path once per test; each page's findings are also logged as they come (a long run that times out still tells). */
async function scanAll(page: Page, username: string, paths: string[], seen = new Set<string>()): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of paths) {
    if (seen.has(path)) continue;
    seen.add(path);
    await open(page, path);
    const found = await scan(page, `${username} ${path}`);
    if (found.length) console.log(report(found));
    findings.push(...found);
  }
  return findings;
}

for (const username of roles) {
  test(`the menu pages of ${username} and the first detail of each list have no critical or serious accessibility violation`, async ({ page }) => {
    test.setTimeout(1_200_000);
    const { me, error } = await apiLogin(page.request, username);
    expect(me, error).toBeTruthy();
    await page.goto('/');
    const items = page.locator('.ant-layout-sider .ant-menu-item');
    await expect(items.first()).toBeVisible({ timeout: 60_000 });
    // each menu entry's key is its route (…-/path)
    const paths = (await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id') ?? ''))).map((id) => id.slice(id.indexOf('-/') + 1));
    expect(paths.length).toBeGreaterThan(1);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const path of paths) {
      findings.push(...(await scanAll(page, username, [path], seen)));
      // the first detail page a list links to
      const link = page.locator('main .ant-table-tbody a[href^="/"]').first();
      if ((await link.count()) > 0) {
        const href = await link.getAttribute('href');
        const detail = href ? new URL(href, page.url()).pathname : null;
        if (detail) findings.push(...(await scanAll(page, username, [detail], seen)));
      }
    }
    console.log(`${username}: ${seen.size} menu and detail pages scanned`);
    expect(findings, report(findings)).toEqual([]);
  });

  const outside = extraRoutes.filter(([, who]) => who.includes(username));
  test(`the pages of ${username} outside the menu (${outside.length}, with real ids) have no critical or serious accessibility violation`, async ({ page }) => {
    test.setTimeout(1_200_000);
    const { me, error } = await apiLogin(page.request, username);
    expect(me, error).toBeTruthy();
    const ids = await idsFor(page.request);
    const paths = outside.map(([pattern]) => pattern.replace(/:(activity|company|guard|session)\b/g, (_, k: string) => ids[k] ?? `:${k}`));
    for (const path of paths) expect(path, `${username}: no id for ${path} in the demo data`).not.toContain('/:');
    const findings = await scanAll(page, username, paths);
    console.log(`${username}: ${paths.length} pages outside the menu scanned`);
    expect(findings, report(findings)).toEqual([]);
  });
}
