import { defineConfig, devices } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { onboardingServer } from './support/server';

/**
 * End-to-end journeys in Debian's Chromium against the real server (embedded PostgreSQL, demo data)
 * on a dedicated port with a fresh data folder. Never `npx playwright install`.
 */
const repoRoot = path.resolve(__dirname, '..');
const port = Number(process.env.E2E_PORT ?? 4173);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `evs-e2e-${port}`);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // results.json feeds the failure digest that `npm test` prints last (scripts/e2e-digest.mjs)
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }], ['json', { outputFile: 'test-results-json/results.json' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    navigationTimeout: 45_000,
    actionTimeout: 20_000,
    timezoneId: 'Asia/Shanghai',
    // antd then opens menus and popovers without animating them (the app honours the setting): a
    // click is not aimed at an item still sliding into place on a loaded CI machine
    reducedMotion: 'reduce',
    // The checks of a screen or two run without the service worker: its precache of the whole app in
    // every new context cost about 13% of their time. The specs about it and the journeys allow it
    // (support/test-modes.ts), as a user’s browser does.
    serviceWorkers: 'block',
    // A trace (screencast and DOM snapshots at every step) cost about 40% of a test's time on 2 cores:
    // it is recorded on the retry of a failed test (CI retries once), and on the first try of the
    // journeys (support/test-modes.ts). E2E_TRACE=all records every test and keeps the failures'.
    trace: process.env.E2E_TRACE === 'all' ? 'retain-on-failure' : 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
      dependencies: ['setup'],
      testIgnore: /onboarding\.spec\.ts/,
    },
    // A production-like deployment (SEED_DEMO=false) of its own, started by the spec: see support/server.ts.
    {
      name: 'onboarding',
      testMatch: /onboarding\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, baseURL: onboardingServer.url },
    },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node -e "require('fs').rmSync(process.argv[1],{recursive:true,force:true})" "${dataDir}" && node apps/server/dist/main.js`,
        cwd: repoRoot,
        url: `${baseURL}/healthz`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          DATA_DIR: dataDir,
          EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? port + 50000)),
          LOG_LEVEL: 'warn',
          // every test logs in from this machine; the gate's own limits are tested in Jest (login-gate)
          LOGIN_RATE_PER_ADDRESS: '120',
        },
      },
});
