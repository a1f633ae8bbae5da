import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from '../pages/LoginPage';
import { apiLogin } from '../support/api';

/**
 * WCAG 2.1 AA (GB/T 37668) with axe-core on every page a role reaches from its menu, the first
 * detail page linked from each list, and the login page: any critical or serious violation fails,
 * and the report names the rule, the page and the elements.
 */
const roles = ['admin', 'auditor', 'leader', 'office', 'baoan', 'dahuo', 'panshan', 'company1', 'organizer1'];
/**
 * Roles whose pages still had serious findings at the last full scan (issue 14, open): the on-site
 * roster's buttons are named「检查 姓名」while they show more (label-content-name-mismatch), and the
 * filters and tags fixed since were not yet re-scanned for these roles.
 */
const notYetClean = new Set(['baoan', 'dahuo', 'company1', 'organizer1']);

interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function scan(page: Page, label: string): Promise<Finding[]> {
  // the page's data has arrived: no spinner left (antd Spin / Skeleton)
  await expect(page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active')).toHaveCount(0, { timeout: 60_000 });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // antd's invisible row that measures column widths of scrolling tables (aria-hidden, never shown)
    .exclude('.ant-table-measure-row')
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ page: label, rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.page}: [${f.impact}] ${f.rule} — ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

test('the login page has no critical or serious accessibility violation', async ({ page }) => {
  await new LoginPage(page).goto();
  const findings = await scan(page, '/login');
  expect(findings, report(findings)).toEqual([]);
});

for (const username of roles) {
  test(`every page of ${username} has no critical or serious accessibility violation`, async ({ page }) => {
    test.fixme(notYetClean.has(username), 'known findings remain (issue 14)');
    test.setTimeout(600_000);
    const { me, error } = await apiLogin(page.request, username);
    expect(me, error).toBeTruthy();
    await page.goto('/');
    const items = page.locator('.ant-layout-sider .ant-menu-item');
    await expect(items.first()).toBeVisible();
    // each menu entry's key is its route (…-/path)
    const paths = (await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id') ?? ''))).map((id) => id.slice(id.indexOf('-/') + 1));
    expect(paths.length).toBeGreaterThan(1);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const path of paths) {
      await page.goto(path);
      findings.push(...(await scan(page, `${username} ${path}`)));
      seen.add(path);
      // the first detail page a list links to
      const link = page.locator('main .ant-table-tbody a[href^="/"]').first();
      if ((await link.count()) > 0) {
        const href = await link.getAttribute('href');
        const detail = href ? new URL(href, page.url()).pathname : null;
        if (detail && !seen.has(detail)) {
          seen.add(detail);
          await page.goto(detail);
          findings.push(...(await scan(page, `${username} ${detail}`)));
        }
      }
    }
    expect(findings, report(findings)).toEqual([]);
  });
}
