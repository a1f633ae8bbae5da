import { afterEach, describe, expect, it, vi } from 'vitest';

/** The theme reads the system's motion setting once, when it is first imported. */
async function themeWith(reduce: boolean) {
  vi.resetModules();
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' && reduce, media: query }));
  return import('./theme');
}

describe('theme and the reduced-motion setting', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns antd’s animations off for a user who asked for less motion', async () => {
    const { appTheme, SIGNED_IN_THEME } = await themeWith(true);
    expect(appTheme.token?.motion).toBe(false);
    expect(SIGNED_IN_THEME.token?.motion).toBe(false);
  });

  it('keeps them for everyone else', async () => {
    const { SIGNED_IN_THEME } = await themeWith(false);
    expect(SIGNED_IN_THEME.token?.motion).toBe(true);
  });
});
