import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';

/** The code an authenticator app shows for `secret`, `stepsAhead` periods of 30 s from now. */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/** 绑定身份验证器 (/account/two-factor): start, read the secret as a phone app would, confirm, keep the recovery codes. */
export class TwoFactorPage {
  constructor(private readonly page: Page) {}

  /** Enrols the logged-in account; answers the secret and the recovery codes shown. */
  async enrol(): Promise<{ secret: string; codes: string[] }> {
    await expect(this.page.getByRole('heading', { name: '绑定身份验证器' })).toBeVisible();
    await this.page.getByRole('button', { name: '开始绑定' }).click();
    await expect(this.page.getByRole('img', { name: '身份验证器二维码' })).toBeVisible();
    const secret = (await this.page.getByTestId('totp-secret').innerText()).trim();
    await this.page.getByLabel('验证器显示的6位验证码').fill(await totpCode(secret));
    await this.page.getByRole('button', { name: '完成绑定' }).click();
    const codes = this.page.getByTestId('recovery-codes');
    await expect(codes).toBeVisible();
    return { secret, codes: (await codes.locator('code').allInnerTexts()).map((c) => c.trim()) };
  }

  async finish() {
    await this.page.getByRole('button', { name: '我已妥善保存恢复码，继续' }).click();
  }
}
