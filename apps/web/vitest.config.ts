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
  },
});
