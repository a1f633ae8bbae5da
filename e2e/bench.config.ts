import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Benchmarks in the browser (not part of `npm test`): `npm run bench:phone`. One worker, so the
 * figures are not measured against another test's load; the same fresh server as the e2e suite.
 */
export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: /\.bench\.ts$/,
  outputDir: './test-results-bench',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 15 * 60_000,
  reporter: [['list']],
  // as a phone user sees it, animations included
  projects: [{ name: 'bench', use: { ...base.use, reducedMotion: 'no-preference' } }],
});
