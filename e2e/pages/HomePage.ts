import { expect, type Page } from '@playwright/test';

export class HomePage {
  constructor(private readonly page: Page) {}

  get greeting() {
    return this.page.getByTestId('home-greeting');
  }
  get role() {
    return this.page.getByTestId('home-role');
  }
  get unit() {
    return this.page.getByTestId('home-unit');
  }
  get places() {
    return this.page.getByTestId('home-place');
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.greeting).toBeVisible();
  }

  async placeTitles(): Promise<string[]> {
    return (await this.places.locator('strong').allInnerTexts()).map((t) => t.trim());
  }
}
