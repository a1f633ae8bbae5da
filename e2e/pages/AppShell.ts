import { expect, type Page } from '@playwright/test';

/** The logged-in frame: side menu (a drawer on phones), header with bell and user menu. */
export class AppShell {
  constructor(private readonly page: Page) {}

  get userName() {
    return this.page.getByTestId('user-name');
  }
  get bell() {
    return this.page.getByTestId('notification-bell');
  }
  get sider() {
    return this.page.locator('.ant-layout-sider');
  }
  get drawer() {
    return this.page.locator('.ant-drawer');
  }

  async menuItems(): Promise<string[]> {
    const items = this.sider.locator('.ant-menu-item');
    await expect(items.first()).toBeVisible();
    return (await items.allInnerTexts()).map((t) => t.trim());
  }

  async openPhoneMenu(): Promise<string[]> {
    await this.page.getByRole('button', { name: '打开菜单' }).click();
    const items = this.drawer.locator('.ant-menu-item');
    await expect(items.first()).toBeVisible();
    return (await items.allInnerTexts()).map((t) => t.trim());
  }

  async logout() {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}
