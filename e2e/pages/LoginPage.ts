import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/accounts';

export class LoginPage {
  constructor(private readonly page: Page) {}

  get username() {
    return this.page.getByLabel('用户名');
  }
  get password() {
    return this.page.getByLabel('密码', { exact: true });
  }
  get submit() {
    return this.page.getByRole('button', { name: /登\s*录/ });
  }
  get error() {
    return this.page.getByRole('alert');
  }

  async goto() {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  }

  async login(username: string, password = DEMO_PASSWORD) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
