import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The unit tests run in a browser-like DOM (happy-dom) in a time zone other than Beijing's, so a
// formatter that forgot the bureau's zone shows it.
process.env.TZ = 'America/Los_Angeles';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@evs/schema': src('../../packages/schema/src/index.ts'),
      '@': src('./src'),
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'build-plugins/**/*.test.ts'],
    restoreMocks: true,
    setupFiles: ['src/test-setup.ts'],
    // Pages render whole antd forms and drawers in happy-dom: on a busy 2-core CI runner one case can
    // pass 5 s (CheckDrawer timed out at 5,010 ms once). A limit on time, not on what is asserted.
    testTimeout: 20_000,
  },
});
